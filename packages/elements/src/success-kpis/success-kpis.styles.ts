import { css } from 'lit';

/** The styles of the KPI view (adopted when it loads). */
export const kpisViewStyles = css`
  .kpis {
    display: grid;
    gap: calc(var(--s-space) * 4);
  }
  .period {
    margin: 0;
  }
  h4 {
    margin: 0 0 calc(var(--s-space) * 2);
    font-size: var(--s-font-size);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--success-kpis-tile-width, 13rem), 1fr));
    gap: calc(var(--s-space) * 3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tile {
    display: grid;
    align-content: start;
    gap: calc(var(--s-space) * 1.5);
    padding: calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-inline-start: 4px solid var(--tone, var(--s-border));
    border-radius: var(--s-radius);
    background: var(--s-surface);
  }
  .tile p {
    margin: 0;
  }
  .rating-best_in_class {
    --tone: var(--s-success);
  }
  .rating-on_target {
    --tone: var(--s-info);
  }
  .rating-acceptable {
    --tone: var(--s-warning);
  }
  .rating-below_minimum {
    --tone: var(--s-danger);
  }
  .name {
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  .value {
    font-size: 1.5em;
    font-weight: 600;
    line-height: 1.2;
  }
  .value.muted {
    font-size: 1.1em;
    font-weight: 500;
  }
  .trend,
  .thresholds,
  .reason {
    font-size: var(--s-font-size-sm);
  }
`;
