import { css } from 'lit';

/** The styles of the milestone list (adopted when its view loads). */
export const milestonesViewStyles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: 4.5rem 1fr auto;
    gap: calc(var(--s-space) * 3);
    align-items: baseline;
    padding: calc(var(--s-space) * 2.5) 0;
    border-bottom: 1px solid var(--s-border);
  }
  li:last-child {
    border-bottom: 0;
  }
  time {
    color: var(--s-muted);
    font-size: var(--s-font-size-sm);
    white-space: nowrap;
  }
  .name {
    font-weight: 600;
  }
  .description {
    display: block;
    color: var(--s-muted);
    font-size: var(--s-font-size-sm);
  }
`;
