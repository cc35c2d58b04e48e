import { css } from 'lit';

/** The styles of the overview's dashboard (adopted when its view loads). */
export const overviewViewStyles = css`
  .layout {
    display: grid;
    gap: calc(var(--s-space) * 6);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--s-space) * 3);
    padding-bottom: calc(var(--s-space) * 4);
    border-bottom: 1px solid var(--s-border);
  }
  header h2 {
    margin: 0;
    font-size: var(--s-font-size-lg);
    letter-spacing: 0;
    text-transform: none;
    color: var(--s-text);
  }
  header p {
    margin: calc(var(--s-space) * 1) 0 0;
    font-size: var(--s-font-size-sm);
  }
  .actions {
    display: flex;
    gap: calc(var(--s-space) * 2);
    align-items: center;
  }
  .summary {
    margin: 0 0 calc(var(--s-space) * 3);
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: calc(var(--s-space) * 3);
    margin: 0;
  }
  .card {
    display: grid;
    align-content: start;
    gap: calc(var(--s-space) * 1);
    background: var(--s-raised);
    /* The figure's size follows the card's width (cqi), so a long amount shrinks, never wraps. */
    container-type: inline-size;
  }
  .card dt {
    font-size: var(--s-font-size-sm);
    font-weight: 600;
    color: var(--s-muted);
  }
  .card dd {
    margin: 0;
  }
  .figure {
    font-size: min(var(--s-font-size-xl), 14cqi);
    font-weight: 700;
    line-height: 1.15;
    white-space: nowrap;
  }
  .sub {
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  .explain-dd {
    margin: 0;
  }
  .card success-score {
    background: transparent;
    justify-self: start;
  }
  .two {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: calc(var(--s-space) * 6);
  }
  .at-risk {
    display: grid;
    gap: calc(var(--s-space) * 3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .risk {
    border-inline-start: 4px solid var(--s-warning);
    background: var(--s-warning-bg);
  }
  .risk.missed {
    border-inline-start-color: var(--s-danger);
    background: var(--s-danger-bg);
  }
  .risk-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
  }
  .risk .goal {
    all: unset;
    cursor: pointer;
    font-weight: 700;
    color: var(--s-text);
    border-radius: 2px;
  }
  .risk .goal:hover {
    text-decoration: underline;
  }
  .risk .goal:focus-visible {
    outline: var(--s-focus-ring);
    outline-offset: 2px;
  }
  .risk .pace {
    font-size: var(--s-font-size-sm);
    color: var(--s-text);
  }
  .risk ol {
    margin: calc(var(--s-space) * 2) 0 0;
    padding-inline-start: calc(var(--s-space) * 5);
  }
  .risk li {
    margin: calc(var(--s-space) * 1) 0;
  }
  .priority {
    font-weight: 700;
  }
  .reason {
    display: block;
    font-size: var(--s-font-size-sm);
  }
  .report-error {
    color: var(--s-danger);
    font-size: var(--s-font-size-sm);
  }
`;
