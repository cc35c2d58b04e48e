import { css } from 'lit';

/** The shown goal's styles, loaded with it (goal-view.ts). */
export const goalViewStyles = css`
  .goal {
    display: grid;
    gap: calc(var(--s-space) * 4);
  }
  .head {
    display: grid;
    gap: calc(var(--s-space) * 1.5);
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
  }
  h2.title {
    margin: 0;
    font-size: var(--s-font-size-lg);
    letter-spacing: normal;
    text-transform: none;
    color: var(--s-text);
  }
  .head p {
    margin: 0;
  }
  h4 {
    margin: 0 0 calc(var(--s-space) * 2);
    font-size: var(--s-font-size);
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: calc(var(--s-space) * 2) calc(var(--s-space) * 4);
    margin: 0;
  }
  .facts dt {
    color: var(--s-muted);
  }
  .facts dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--s-space) * 2);
  }
  .change {
    color: var(--s-muted);
  }
  .bar {
    position: relative;
    flex: 0 1 10rem;
    height: 8px;
    border-radius: 4px;
    background: var(--s-neutral-bg);
    overflow: hidden;
  }
  .bar > span {
    position: absolute;
    inset: 0 auto 0 0;
    border-radius: 4px;
    background: var(--s-accent);
  }
  .bar.success > span {
    background: var(--s-success);
  }
  .bar.warning > span {
    background: var(--s-warning);
  }
  .bar.danger > span {
    background: var(--s-danger);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
  }
  th,
  td {
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border-bottom: 1px solid var(--s-border);
    text-align: end;
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: start;
    white-space: normal;
  }
  thead th {
    color: var(--s-muted);
    font-weight: 600;
    font-size: var(--s-font-size-sm);
  }
  td.note {
    color: var(--s-muted);
    font-size: var(--s-font-size-sm);
    white-space: normal;
  }
  .drivers {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: calc(var(--s-space) * 4);
  }
  .driver .facts {
    grid-template-columns: 1fr max-content;
  }
  .driver .facts dd {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
  }
  .total {
    display: flex;
    justify-content: space-between;
    gap: calc(var(--s-space) * 4);
    margin: calc(var(--s-space) * 4) 0 0;
    padding-top: calc(var(--s-space) * 3);
    border-top: 1px solid var(--s-border);
    font-weight: 600;
  }
  .projected {
    display: flex;
    justify-content: space-between;
    gap: calc(var(--s-space) * 4);
    margin: calc(var(--s-space) * 2) 0 0;
  }
  .recommendations {
    margin: 0;
    padding-inline-start: calc(var(--s-space) * 5);
    display: grid;
    gap: calc(var(--s-space) * 2);
  }
  .priority {
    font-weight: 600;
  }
`;
