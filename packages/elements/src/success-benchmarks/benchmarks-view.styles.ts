import { css } from 'lit';

/** The styles of the benchmark table (adopted when its view loads). */
export const benchmarksViewStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    color: var(--s-muted);
    font-size: var(--s-font-size-sm);
    padding-bottom: calc(var(--s-space) * 2);
  }
  th {
    /* A translation's one long word ("Peer-Durchschnitt") breaks rather than widen the table;
       only the words: a number never breaks. */
    overflow-wrap: anywhere;
  }
  th,
  td {
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border-bottom: 1px solid var(--s-border);
    text-align: end;
  }
  th:first-child,
  td:first-child {
    text-align: start;
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
    text-align: start;
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
