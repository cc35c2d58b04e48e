import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    color: var(--s-muted);
    font-size: var(--s-font-size-sm);
    padding-bottom: calc(var(--s-space) * 2);
  }
  th,
  td {
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border-bottom: 1px solid var(--s-border);
    text-align: right;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  thead th {
    font-size: var(--s-font-size-sm);
    font-weight: 600;
    color: var(--s-muted);
  }
  tbody th {
    font-weight: 600;
  }
  td.vs {
    text-align: left;
  }
  @container (max-width: 460px) {
    .col-vs {
      display: none;
    }
  }
  /* A phone: tighter cells, so the four columns fit 320 px without a scroller. */
  @container (max-width: 400px) {
    th,
    td {
      padding: calc(var(--s-space) * 2) calc(var(--s-space) * 1);
    }
  }
`;
