import { css } from 'lit';

// Seed 002's band colours (green, yellow, orange, red), for the gauge, the swatches and the
// history columns: graphics beside the band's name, never text, so never colour alone.
const light = css`
  --s-health-excellent: var(--success-health-excellent, #1a7f37);
  --s-health-good: var(--success-health-good, #bf8700);
  --s-health-at-risk: var(--success-health-at-risk, #bc4c00);
  --s-health-critical: var(--success-health-critical, #c4232e);
`;
const dark = css`
  --s-health-excellent: var(--success-health-excellent, #3fb950);
  --s-health-good: var(--success-health-good, #e3b341);
  --s-health-at-risk: var(--success-health-at-risk, #f0883e);
  --s-health-critical: var(--success-health-critical, #ff6b61);
`;

/** The styles of the health view (adopted when it loads). */
export const healthViewStyles = css`
  :host {
    ${light}
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host(:state(dark)) {
    ${dark}
  }
  :host(:state(light)) {
    ${light}
  }
  .band-excellent {
    --band: var(--s-health-excellent);
  }
  .band-good {
    --band: var(--s-health-good);
  }
  .band-at_risk {
    --band: var(--s-health-at-risk);
  }
  .band-critical {
    --band: var(--s-health-critical);
  }
  .health {
    display: grid;
    gap: calc(var(--s-space) * 5);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--s-space) * 4);
  }
  .gauge {
    display: grid;
    justify-items: center;
  }
  .ring {
    width: var(--success-health-size, 9rem);
    max-width: 100%;
    height: auto;
    overflow: visible;
  }
  .track {
    stroke: var(--s-skeleton);
  }
  .bar {
    stroke: var(--band);
    transition: stroke-dasharray 0.6s ease-out;
  }
  .figure {
    font-size: var(--s-font-size-xl);
    font-weight: 700;
    line-height: 1;
    margin-top: calc(var(--s-space) * -8);
  }
  .figure small {
    font-size: var(--s-font-size-sm);
    font-weight: 400;
    color: var(--s-muted);
  }
  .facts p {
    margin: 0 0 calc(var(--s-space) * 1);
    display: flex;
    align-items: center;
  }
  .band {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--s-space) * 1.5);
    font-weight: 600;
  }
  .swatch {
    width: 0.8em;
    height: 0.8em;
    border-radius: 999px;
    background: var(--band);
    flex: none;
  }
  .muted {
    color: var(--s-muted);
  }
  h4 {
    margin: 0 0 calc(var(--s-space) * 2);
    font-size: var(--s-font-size);
    font-weight: 600;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td:last-child {
    /* A translation's one long word breaks rather than widen the table (never a number). */
    overflow-wrap: anywhere;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--s-space) * 1.5) calc(var(--s-space) * 2);
    border-bottom: 1px solid var(--s-border);
    vertical-align: top;
  }
  thead th {
    color: var(--s-muted);
    font-weight: 600;
    font-size: var(--s-font-size-sm);
  }
  tbody th {
    font-weight: 500;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .history {
    display: block;
    width: 100%;
    height: 4rem;
    background: var(--s-raised);
    border-radius: calc(var(--s-radius) - 2px);
  }
  .col {
    fill: var(--band);
  }
  .guide {
    stroke: var(--s-border);
    stroke-dasharray: 4 3;
  }
  .axis {
    display: flex;
    justify-content: space-between;
    margin: calc(var(--s-space) * 1) 0 0;
    font-size: var(--s-font-size-sm);
  }
  details {
    margin-top: calc(var(--s-space) * 2);
  }
  summary {
    cursor: pointer;
    color: var(--s-accent);
  }
  .triggers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--s-space) * 3);
  }
  .trigger {
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-inline-start: 4px solid var(--s-warning);
    border-radius: calc(var(--s-radius) - 2px);
  }
  .trigger-entered_critical,
  .trigger-score_drop {
    border-inline-start-color: var(--s-danger);
  }
  .trigger p {
    margin: 0 0 calc(var(--s-space) * 1);
  }
  .trigger p:last-child {
    margin-bottom: 0;
  }
`;
