import { css } from 'lit';

/** The shell's styles: the host (the gauge's arrive with its view). */
export const styles = css`
  :host {
    display: block;
  }
`;
