import { css } from 'lit';

/** The styles of the alerts view (adopted when it loads). */
export const alertsViewStyles = css`
  .alerts {
    display: grid;
    gap: calc(var(--s-space) * 3);
  }
  .list {
    display: grid;
    gap: calc(var(--s-space) * 2);
    max-height: var(--success-alerts-max-height, none);
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .alert {
    display: grid;
    gap: calc(var(--s-space) * 1.5);
    padding: calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-inline-start: 4px solid var(--tone, var(--s-border));
    border-radius: var(--s-radius);
    background: var(--s-surface);
  }
  .alert:focus-visible,
  .empty-focus:focus-visible {
    outline: 2px solid var(--s-focus, var(--s-info));
    outline-offset: 2px;
  }
  .alert p {
    margin: 0;
  }
  .tone-success {
    --tone: var(--s-success);
  }
  .tone-warning {
    --tone: var(--s-warning);
  }
  .tone-danger {
    --tone: var(--s-danger);
  }
  .kind {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--s-space) * 2);
  }
  .title {
    font-weight: 600;
  }
  /* break-word, not anywhere: a long token still wraps, but dates and numbers in the API's
     words ("45 on 2026-04-30") stay whole, as line breaking keeps them. */
  .title,
  .cause {
    overflow-wrap: break-word;
  }
  .when,
  .customer,
  .acked {
    font-size: var(--s-font-size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
  }
`;
