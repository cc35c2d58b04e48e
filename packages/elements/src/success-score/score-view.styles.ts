import { css } from 'lit';

/** The styles of the score gauge (adopted when its view loads). */
export const scoreViewStyles = css`
  .explain {
    display: flex;
    justify-content: center;
  }
  .explain-panel {
    max-width: 24rem;
    margin-inline: auto;
  }
  .gauge {
    display: grid;
    justify-items: center;
    gap: calc(var(--s-space) * 1);
  }
  .ring {
    width: var(--success-score-size, 10rem);
    max-width: 100%;
    height: auto;
    overflow: visible;
  }
  .track {
    stroke: var(--s-skeleton);
  }
  .bar {
    transition: stroke-dasharray 0.6s ease-out;
  }
  .success .bar {
    stroke: var(--s-success);
  }
  .warning .bar {
    stroke: var(--s-warning);
  }
  .danger .bar {
    stroke: var(--s-danger);
  }
  .figure {
    font-size: var(--s-font-size-xl);
    font-weight: 700;
    line-height: 1;
    margin-top: calc(var(--s-space) * -9);
  }
  .figure small {
    font-size: var(--s-font-size-sm);
    font-weight: 400;
    color: var(--s-muted);
  }
  :host([compact]) .ring {
    width: var(--success-score-size, 7rem);
  }
  :host([compact]) .figure {
    font-size: var(--s-font-size-lg);
    margin-top: calc(var(--s-space) * -6);
  }
`;
