import { css } from 'lit';

/**
 * The series palette and the chart's own layout. Series colours keep >= 3:1 against the
 * surface in both themes (WCAG 1.4.11, graphics), and lines differ by more than hue: the
 * legend, the table and the tooltip name every series, so colour is never the only cue.
 */
export const trendChartStyles = css`
  :host {
    display: block;
    --s-chart-1: var(--success-chart-1, #0a58b8);
    --s-chart-2: var(--success-chart-2, #c2410c);
    --s-chart-3: var(--success-chart-3, #7c3aed);
    --s-chart-4: var(--success-chart-4, #0f766e);
    --s-chart-5: var(--success-chart-5, #be185d);
    --s-chart-6: var(--success-chart-6, #4d7c0f);
    --s-chart-height: var(--success-chart-height, 240px);
  }
  :host([theme='dark']) {
    --s-chart-1: var(--success-chart-1, #4c9bf8);
    --s-chart-2: var(--success-chart-2, #fb923c);
    --s-chart-3: var(--success-chart-3, #a78bfa);
    --s-chart-4: var(--success-chart-4, #2dd4bf);
    --s-chart-5: var(--success-chart-5, #f472b6);
    --s-chart-6: var(--success-chart-6, #a3e635);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --s-chart-1: var(--success-chart-1, #4c9bf8);
      --s-chart-2: var(--success-chart-2, #fb923c);
      --s-chart-3: var(--success-chart-3, #a78bfa);
      --s-chart-4: var(--success-chart-4, #2dd4bf);
      --s-chart-5: var(--success-chart-5, #f472b6);
      --s-chart-6: var(--success-chart-6, #a3e635);
    }
  }
  /* The provider's theme reaches an element as its custom state (see SuccessElement). A rule
     of its own, so a browser without :state() drops only this rule. */
  :host(:state(dark)) {
    --s-chart-1: var(--success-chart-1, #4c9bf8);
    --s-chart-2: var(--success-chart-2, #fb923c);
    --s-chart-3: var(--success-chart-3, #a78bfa);
    --s-chart-4: var(--success-chart-4, #2dd4bf);
    --s-chart-5: var(--success-chart-5, #f472b6);
    --s-chart-6: var(--success-chart-6, #a3e635);
  }
  figure {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--s-space) * 2) calc(var(--s-space) * 4);
    margin-bottom: calc(var(--s-space) * 2);
  }
  .caption {
    font-weight: 600;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 1) calc(var(--s-space) * 4);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--s-font-size-sm);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1.5);
  }
  .swatch {
    width: 14px;
    height: 3px;
    border-radius: 2px;
    background: currentColor;
    flex: none;
  }
  .c1 {
    color: var(--s-chart-1);
  }
  .c2 {
    color: var(--s-chart-2);
  }
  .c3 {
    color: var(--s-chart-3);
  }
  .c4 {
    color: var(--s-chart-4);
  }
  .c5 {
    color: var(--s-chart-5);
  }
  .c6 {
    color: var(--s-chart-6);
  }
  .ref.target {
    color: var(--s-success);
  }
  .ref.baseline,
  .ref.pace {
    color: var(--s-muted);
  }
  .ref.baseline {
    border-top-style: dotted;
  }
  .ref.forecast {
    width: 8px;
    height: 8px;
    margin: 0 3px;
    border: 0;
    background: var(--s-muted);
    transform: rotate(45deg);
  }
  .ref {
    width: 14px;
    height: 0;
    border-top: 2px dashed currentColor;
    flex: none;
  }
  .plot {
    position: relative;
    height: var(--s-chart-height);
    border-radius: calc(var(--s-radius) - 2px);
    touch-action: pan-y;
  }
  .plot:focus-visible {
    outline: var(--s-focus-ring);
    outline-offset: 2px;
  }
  .canvas,
  .canvas > div {
    position: absolute;
    inset: 0;
  }
  .canvas svg {
    display: block;
    overflow: visible;
  }
  .crosshair {
    position: absolute;
    top: 0;
    left: 0;
    width: 0;
    border-left: 1px solid var(--s-muted);
    pointer-events: none;
  }
  .dot {
    position: absolute;
    top: 0;
    left: 0;
    width: 9px;
    height: 9px;
    margin: -4.5px 0 0 -4.5px;
    border-radius: 50%;
    border: 2px solid var(--s-surface);
    background: currentColor;
    pointer-events: none;
  }
  .tooltip {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 1;
    min-width: 10rem;
    max-width: 18rem;
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-radius: calc(var(--s-radius) - 2px);
    background: var(--s-surface);
    color: var(--s-text);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.12);
    font-size: var(--s-font-size-sm);
    pointer-events: none;
  }
  .tooltip[hidden],
  .crosshair[hidden],
  .dot[hidden] {
    display: none;
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: calc(var(--s-space) * 0.5) calc(var(--s-space) * 3);
    margin: calc(var(--s-space) * 1) 0 0;
  }
  .tooltip dt {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1.5);
  }
  .tooltip dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .skeleton-plot {
    position: absolute;
    inset: 0;
    border-radius: calc(var(--s-radius) - 2px);
    background: var(--s-raised);
  }
  .alt {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    margin-top: calc(var(--s-space) * 2);
    font-size: var(--s-font-size-sm);
  }
  .downloads {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
  }
  .toggle {
    padding: calc(var(--s-space) * 1) calc(var(--s-space) * 2);
    min-height: 24px;
    font-size: var(--s-font-size-sm);
  }
  .table-wrap {
    max-height: 20rem;
    overflow: auto;
    margin-top: calc(var(--s-space) * 2);
    border: 1px solid var(--s-border);
    border-radius: calc(var(--s-radius) - 2px);
  }
  .table-wrap:focus-visible {
    outline: var(--s-focus-ring);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--s-font-size-sm);
  }
  th,
  td {
    padding: calc(var(--s-space) * 1.5) calc(var(--s-space) * 3);
    border-bottom: 1px solid var(--s-border);
    text-align: end;
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--s-raised);
  }
`;
