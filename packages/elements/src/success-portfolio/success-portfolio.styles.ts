import { css } from 'lit';

// The shell's styles: the host and its heading (the view's arrive with it).
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2 {
    font-size: var(--s-font-size-lg);
    margin: 0 0 calc(var(--s-space) * 3);
  }
`;
