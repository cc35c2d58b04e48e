import { css } from 'lit';

// Loaded with the grid (portfolio-grid.ts). Comments live here rather than in the CSS text, which
// every page would download:
// - The grid is the scroller (and focusable, so keyboard users can scroll it); the virtualiser
//   reads the visible part from this clipping ancestor.
// - Rows have a fixed height and fixed column widths, the name taking what is left: a row's size
//   never changes after it is measured (so the virtualiser's resize observer never loops), and
//   every row of the virtualised list lines up with the header without a shared table. The
//   widths fit each column's widest formatted value; a header that does not fit in the host
//   page's font (DejaVu Sans is ~20 % wider than Arial) or in a longer translation wraps onto a
//   second line instead of clipping, since the header row is not virtualised.
// - Narrower containers keep the columns that answer "who needs attention" (customer, score,
//   ROI, value, at risk) readable instead of squeezing all eight: first segment and last update
//   go, then the health band (the health score stays), then the rows stack on two lines and
//   goals achieved goes too. Header cells and row cells
//   hide together, so every row keeps the header's columns (ARIA grid semantics); the CSV export
//   and the sort keep every column.
export const gridStyles = css`
  .health-distribution {
    margin: 0 0 calc(var(--s-space) * 4);
  }
  .health-distribution h3 {
    font-size: var(--s-font-size);
    margin: 0 0 calc(var(--s-space) * 2);
  }
  .health-bar {
    display: block;
    width: 100%;
    height: 0.5rem;
    border-radius: 999px;
    background: var(--s-neutral-bg);
    margin-bottom: calc(var(--s-space) * 2);
  }
  .health-bands {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .health-band {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1.5);
  }
  .health-band[aria-pressed='true'] {
    border-color: var(--s-accent);
    background: var(--s-info-bg);
  }
  .health-band .count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .health-band .share {
    color: var(--s-muted);
    font-size: var(--s-font-size-sm);
  }
  .swatch {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
    background: var(--hb);
  }
  .hb-excellent {
    --hb: var(--s-success);
  }
  .hb-good {
    --hb: var(--s-info);
  }
  .hb-at_risk {
    --hb: var(--s-warning);
  }
  .hb-critical {
    --hb: var(--s-danger);
  }
  .hb-no_data {
    --hb: var(--s-neutral);
  }
  .health-bar rect {
    fill: var(--hb);
  }
  .cell svg {
    width: 1em;
    height: 1em;
    color: var(--s-warning);
  }
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
    grid-template-columns:
      minmax(9rem, 1fr) 6.5rem 8rem 8.5rem 4.5rem 7rem 4.5rem 6rem 5rem 7.5rem;
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
    height: auto;
    min-height: 2.5rem;
  }
  .head .cell {
    white-space: normal;
    overflow-wrap: break-word;
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
  .c-name.child {
    padding-inline-start: calc(var(--s-space) * 8);
    font-weight: 400;
  }
  .disclosure {
    all: unset;
    cursor: pointer;
    display: inline-block;
    width: 1.25rem;
    margin-inline-end: calc(var(--s-space) * 1);
    text-align: center;
    border-radius: 4px;
  }
  .disclosure:focus-visible {
    outline: var(--s-focus-ring);
  }
  .children-count {
    color: var(--s-muted);
    font-weight: 400;
  }
  .n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .c-score {
    display: flex;
    justify-content: flex-end;
    gap: calc(var(--s-space) * 2);
  }
  @container (max-width: 68rem) {
    .row {
      grid-template-columns: minmax(9rem, 1fr) 8rem 8.5rem 4.5rem 7rem 4.5rem 6rem 5rem;
    }
    .c-segment,
    .c-updated {
      display: none;
    }
  }
  @container (max-width: 54rem) {
    .row {
      grid-template-columns: minmax(9rem, 1fr) 8rem 8.5rem 4.5rem 4.5rem 6rem 5rem;
    }
    .c-healthBand {
      display: none;
    }
  }
  @container (max-width: 46.5rem) {
    .row {
      grid-template-columns: minmax(8.5rem, 1.7fr) minmax(4.5rem, 1fr) minmax(5.5rem, 1fr);
      grid-template-areas:
        'name health value'
        'score roi atRisk';
      grid-template-rows: 1fr 1fr;
      height: 3.75rem;
    }
    .c-goals {
      display: none;
    }
    .cell {
      padding-block: calc(var(--s-space) * 1);
    }
    .c-name {
      grid-area: name;
    }
    .c-value {
      grid-area: value;
    }
    .c-health {
      grid-area: health;
    }
    .c-score {
      grid-area: score;
      justify-content: flex-start;
    }
    .c-roi {
      grid-area: roi;
    }
    .c-atRisk {
      grid-area: atRisk;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .body {
      scroll-behavior: auto;
    }
  }
`;
