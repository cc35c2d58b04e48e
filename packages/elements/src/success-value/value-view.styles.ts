import { css } from 'lit';

/** The styles of the bars, totals and value at target (adopted when the view loads). */
export const valueViewStyles = css`
  dl {
    margin: 0;
    display: grid;
    gap: calc(var(--s-space) * 3);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(7rem, 10rem) 1fr minmax(5rem, auto);
    align-items: center;
    gap: calc(var(--s-space) * 3);
  }
  dt {
    font-weight: 600;
  }
  dd {
    display: contents;
  }
  .track {
    height: 12px;
    border-radius: 6px;
    background: var(--s-raised);
    border: 1px solid var(--s-border);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    border-radius: 6px;
    background: var(--s-accent);
    transition: width 0.4s ease-out;
  }
  .fill.time {
    background: var(--s-success);
  }
  .fill.revenue {
    background: var(--s-info);
  }
  .fill.unpriced {
    /* Hours without a rate are not money: striped, so the bar does not read as an amount. */
    background: repeating-linear-gradient(
      -45deg,
      var(--s-success) 0 6px,
      var(--s-success-bg) 6px 10px
    );
  }
  .row .explain-panel {
    grid-column: 1 / -1;
    margin-top: 0;
  }
  .amount {
    white-space: nowrap;
    text-align: end;
    font-weight: 600;
  }
  .note {
    margin: calc(var(--s-space) * 2) 0 0;
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  .projected {
    display: flex;
    margin: calc(var(--s-space) * 3) 0 0;
  }
  .projected div {
    display: flex;
    gap: calc(var(--s-space) * 1.5);
  }
  .projected dt {
    font-weight: 400;
    color: var(--s-muted);
  }
  .projected dd {
    display: block;
    margin: 0;
    font-weight: 600;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2) calc(var(--s-space) * 6);
    margin: calc(var(--s-space) * 4) 0 0;
    padding-top: calc(var(--s-space) * 3);
    border-top: 1px solid var(--s-border);
  }
  .totals div {
    display: flex;
    gap: calc(var(--s-space) * 1.5);
  }
  .totals dt {
    font-weight: 400;
    color: var(--s-muted);
  }
  .totals dd {
    display: block;
    margin: 0;
    font-weight: 700;
  }
  @container (max-width: 420px) {
    .row {
      grid-template-columns: 1fr auto;
    }
    .track {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
`;
