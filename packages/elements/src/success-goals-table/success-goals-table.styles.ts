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
  th {
    text-align: left;
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
    text-align: right;
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
  @container (max-width: 520px) {
    .col-progress {
      display: none;
    }
  }
  @container (max-width: 400px) {
    .col-target {
      display: none;
    }
  }
`;
