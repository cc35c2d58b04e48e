import { css } from 'lit';

// The at-risk disclosure is .goals-at-risk, never .at-risk: that class marks grid rows, and
// padding there breaks the rows' fixed height (End then scrolled into empty space).
/** The styles of the portfolio's cards, toolbar and "Goals at risk" (adopted when its view loads). */
export const portfolioViewStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: calc(var(--s-space) * 3);
    margin: 0 0 calc(var(--s-space) * 4);
  }
  .card {
    /* The value's size follows the card's width (cqi), so a long amount shrinks, never wraps. */
    container-type: inline-size;
    padding: calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius);
    background: var(--s-raised, var(--s-surface));
  }
  .card dt {
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  .card dd {
    margin: calc(var(--s-space) * 1) 0 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--s-space) * 1);
  }
  .card {
    min-width: 0;
  }
  .card .value {
    font-size: min(var(--s-font-size-xl), 14cqi);
    font-weight: 600;
    white-space: nowrap;
    flex-wrap: wrap;
    font-variant-numeric: tabular-nums;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1);
  }
  /* A target badge under a value wraps between its words rather than leave the card. */
  .card .status {
    white-space: normal;
    max-width: 100%;
  }
  .card .by-currency {
    flex-direction: column;
    align-items: flex-start;
    font-size: var(--s-font-size-lg);
  }
  .card .value svg {
    width: 1em;
    height: 1em;
    color: var(--s-warning);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1);
    font-size: var(--s-font-size-sm);
    font-weight: 400;
  }
  .status svg {
    width: 1em;
    height: 1em;
  }
  .status.success {
    color: var(--s-success);
  }
  .status.warning {
    color: var(--s-warning);
  }
  .status.danger {
    color: var(--s-danger);
  }
  .status.neutral {
    color: var(--s-muted);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--s-space) * 2);
    margin-bottom: calc(var(--s-space) * 3);
  }
  .toolbar label {
    display: inline-flex;
    flex-direction: column;
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
    gap: 2px;
  }
  .quick[aria-pressed='true'] {
    background: var(--s-accent);
    color: var(--s-on-accent);
  }
  .export {
    margin-inline-start: auto;
  }
  .goals-at-risk {
    margin: 0 0 calc(var(--s-space) * 4);
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius);
  }
  .goals-at-risk summary {
    cursor: pointer;
    font-weight: 600;
  }
  .at-risk-list {
    margin: calc(var(--s-space) * 2) 0;
    padding-inline-start: calc(var(--s-space) * 5);
    display: grid;
    gap: calc(var(--s-space) * 2);
  }
  .at-risk-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--s-space) * 1) calc(var(--s-space) * 3);
    overflow-wrap: anywhere;
  }
  .at-risk-list .customer,
  .at-risk-list .pace,
  .at-risk-list .due,
  .goals-at-risk .shown {
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  .at-risk-list .pace {
    font-variant-numeric: tabular-nums;
  }
  .loading-more {
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  @container (max-width: 42rem) {
    .card .value {
      /* Still bounded by the card: Arabic digits and "US$" make an amount a third wider. */
      font-size: min(var(--s-font-size-lg), 12cqi);
    }
    .export {
      margin-inline-start: 0;
    }
  }
`;
