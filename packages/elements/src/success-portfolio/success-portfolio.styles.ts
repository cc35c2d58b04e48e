import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2 {
    font-size: var(--s-font-size-lg);
    margin: 0 0 calc(var(--s-space) * 3);
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: calc(var(--s-space) * 3);
    margin: 0 0 calc(var(--s-space) * 4);
  }
  .card {
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
  .card .value {
    font-size: var(--s-font-size-xl);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1);
  }
  .card .by-currency {
    flex-direction: column;
    align-items: flex-start;
    font-size: var(--s-font-size-lg);
  }
  .card .value svg,
  .cell svg {
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
    margin-left: auto;
  }
  .loading-more {
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  /* The grid is the scroller (and focusable, so keyboard users can scroll it); the virtualiser
     reads the visible part from this clipping ancestor. */
  .grid {
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius);
    height: var(--success-portfolio-height, 28rem);
    overflow-y: auto;
    overflow-x: hidden;
    scrollbar-gutter: stable;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--s-surface);
  }
  .grid:focus-visible {
    outline: var(--s-focus-ring);
    outline-offset: 2px;
  }
  .row {
    display: grid;
    /* Fixed height and shrinkable columns: a row's size never changes after it is measured,
       so the virtualiser's resize observer never loops. */
    grid-template-columns: minmax(0, 2fr) repeat(7, minmax(0, 1fr));
    height: 2.5rem;
    width: 100%;
    box-sizing: border-box;
    align-items: center;
    border-bottom: 1px solid var(--s-border);
  }
  .head .row {
    font-size: var(--s-font-size-sm);
    font-weight: 600;
    color: var(--s-muted);
  }
  .sort {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
  }
  .body .row {
    cursor: pointer;
  }
  .body .row:hover {
    background: var(--s-neutral-bg);
  }
  .row.selected {
    background: var(--s-info-bg);
  }
  .row.active {
    outline: 2px solid var(--s-accent);
    outline-offset: -2px;
  }
  .row.at-risk .c-name {
    box-shadow: inset 3px 0 0 var(--s-warning);
  }
  .cell {
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 2);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .c-name {
    font-weight: 600;
  }
  .n {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .c-score {
    display: flex;
    justify-content: flex-end;
    gap: calc(var(--s-space) * 2);
  }
  @media (prefers-reduced-motion: reduce) {
    .body {
      scroll-behavior: auto;
    }
  }
`;
