import { css } from 'lit';

/** The styles of the goals table (adopted when its view loads). */
export const goalsTableViewStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th {
    text-align: start;
    font-size: var(--s-font-size-sm);
    font-weight: 600;
    color: var(--s-muted);
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border-bottom: 1px solid var(--s-border);
  }
  td {
    padding: calc(var(--s-space) * 2.5) calc(var(--s-space) * 3);
    border-bottom: 1px solid var(--s-border);
    vertical-align: middle;
  }
  th.n,
  td.n {
    text-align: end;
  }
  tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: var(--s-raised);
  }
  tr.selected {
    background: var(--s-info-bg);
  }
  tr.at-risk td:first-child,
  tr.missed td:first-child {
    box-shadow: inset 3px 0 0 var(--s-warning);
  }
  tr.missed td:first-child {
    box-shadow: inset 3px 0 0 var(--s-danger);
  }
  .goal {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    color: var(--s-text);
    border-radius: 2px;
  }
  .goal:focus-visible {
    outline: var(--s-focus-ring);
    outline-offset: 2px;
  }
  .goal:hover {
    text-decoration: underline;
  }
  .sub {
    display: block;
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
    font-weight: 400;
  }
  td .explain-panel {
    min-width: 14rem;
  }
  .progress {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 2);
  }
  .meter {
    width: 4rem;
    height: 6px;
    border-radius: 3px;
    background: var(--s-skeleton);
    overflow: hidden;
  }
  .meter > div {
    height: 100%;
    background: var(--s-accent);
  }
  .cell-label {
    display: none;
  }
  /*
   * A phone: each goal stacks into a card (name and status, then target and current, then
   * progress) instead of dropping columns, so target and progress stay in view. The explicit
   * table roles in the template keep the table's semantics, which a display change would drop.
   */
  @container (max-width: 600px) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-areas:
        'goal status'
        'target current'
        'progress progress';
      gap: calc(var(--s-space) * 1) calc(var(--s-space) * 3);
      padding: calc(var(--s-space) * 2.5) calc(var(--s-space) * 3);
      border-bottom: 1px solid var(--s-border);
    }
    tbody td {
      display: block;
      padding: 0;
      border-bottom: 0;
      text-align: start;
      min-width: 0;
    }
    tr.at-risk td:first-child,
    tr.missed td:first-child {
      box-shadow: none;
    }
    tr.at-risk {
      box-shadow: inset 3px 0 0 var(--s-warning);
    }
    tr.missed {
      box-shadow: inset 3px 0 0 var(--s-danger);
    }
    .col-goal {
      grid-area: goal;
    }
    .col-status {
      grid-area: status;
      justify-self: end;
    }
    .col-target {
      grid-area: target;
    }
    .col-current {
      grid-area: current;
    }
    .col-progress {
      grid-area: progress;
    }
    .cell-label {
      display: block;
      font-size: var(--s-font-size-sm);
      color: var(--s-muted);
    }
    .col-progress .cell-label {
      display: inline;
      margin-inline-end: calc(var(--s-space) * 2);
    }
  }
`;
