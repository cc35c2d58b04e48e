import { css } from 'lit';

/** The shell's styles: the host (the bars' and totals' arrive with its view). */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
`;
