import { css } from 'lit';

/** The shell's styles: the host and its loading state (the view's arrive with it). */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .bones {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: calc(var(--s-space) * 3);
  }
  .bones .bone {
    height: 5.5rem;
    width: 100%;
  }
`;
