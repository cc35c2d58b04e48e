import { css } from 'lit';

/** The shell's styles: the host (the table's arrive with its view). */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
`;
