import { css } from 'lit';

export const goalEditorStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: calc(var(--s-space) * 4);
  }
  h2 {
    margin: 0;
    font-size: var(--s-font-size-lg);
    letter-spacing: normal;
    text-transform: none;
    color: var(--s-text);
  }
  fieldset {
    margin: 0;
    padding: calc(var(--s-space) * 3) calc(var(--s-space) * 4) calc(var(--s-space) * 4);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius, 8px);
    min-width: 0;
  }
  legend {
    padding: 0 calc(var(--s-space) * 1);
    font-weight: 600;
  }
  .templates > p {
    margin: 0 0 calc(var(--s-space) * 2);
  }
  .template-choice {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
    align-items: center;
  }
  .template-choice select {
    flex: 1 1 14rem;
    min-width: 0;
    max-width: 100%;
  }
  .template-origin {
    margin: calc(var(--s-space) * 2) 0 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--s-space) * 3) calc(var(--s-space) * 4);
  }
  .field {
    display: grid;
    gap: calc(var(--s-space) * 1);
    align-content: start;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label {
    font-size: var(--s-font-size-sm);
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--s-text);
    background: var(--s-surface);
    border: 1px solid var(--s-muted);
    border-radius: 4px;
    padding: calc(var(--s-space) * 1.5) calc(var(--s-space) * 2);
    min-height: 2.25rem;
  }
  textarea {
    min-height: 4rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--s-danger);
    border-width: 2px;
  }
  .error {
    display: flex;
    gap: calc(var(--s-space) * 1);
    align-items: center;
    margin: 0;
    color: var(--s-danger);
    font-size: var(--s-font-size-sm);
  }
  .field-warning {
    display: flex;
    gap: calc(var(--s-space) * 1);
    align-items: center;
    margin: 0;
    color: var(--s-warning);
    font-size: var(--s-font-size-sm);
  }
  .error svg,
  .field-warning svg,
  .summary svg {
    width: 1em;
    height: 1em;
    flex: none;
  }
  .summary {
    padding: calc(var(--s-space) * 3) calc(var(--s-space) * 4);
    border: 2px solid var(--s-danger);
    border-radius: var(--s-radius, 8px);
  }
  .summary h3 {
    display: flex;
    gap: calc(var(--s-space) * 2);
    align-items: center;
    margin: 0 0 calc(var(--s-space) * 2);
    color: var(--s-danger);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: calc(var(--s-space) * 5);
  }
  .summary a,
  .conflict a {
    color: var(--s-accent-text, var(--s-accent));
  }
  .row-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: calc(var(--s-space) * 2);
    margin-bottom: calc(var(--s-space) * 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
    align-items: center;
  }
  .preview {
    display: grid;
    gap: calc(var(--s-space) * 1);
    padding: calc(var(--s-space) * 3) calc(var(--s-space) * 4);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius, 8px);
  }
  .preview p {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
    align-items: center;
  }
  .num {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .panel {
    display: grid;
    gap: calc(var(--s-space) * 2);
    padding: calc(var(--s-space) * 3) calc(var(--s-space) * 4);
    border: 2px solid var(--s-warning);
    border-radius: var(--s-radius, 8px);
  }
  .panel.confirm-delete {
    border-color: var(--s-danger);
  }
  button.danger {
    border-color: var(--s-danger);
    color: var(--s-danger);
  }
  .actions button.delete {
    margin-inline-start: auto;
  }
  .panel p,
  .panel ul {
    margin: 0;
  }
  .hint {
    margin: 0;
    font-size: var(--s-font-size-sm);
    color: var(--s-muted);
  }
  input[readonly],
  textarea[readonly] {
    background: var(--s-raised, var(--s-surface));
    border-style: dashed;
  }
  .milestones,
  .measurement {
    margin-top: calc(var(--s-space) * 6);
  }
  .milestones {
    display: grid;
    gap: calc(var(--s-space) * 3);
  }
  .milestones h3,
  .milestones h4 {
    margin: 0;
  }
  .ms-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--s-space) * 2);
  }
  .ms-item {
    display: grid;
    gap: calc(var(--s-space) * 1);
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius, 8px);
  }
  .ms-line {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--s-space) * 2);
    align-items: center;
    justify-content: space-between;
  }
  .ms-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .ms-item p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .confirmation {
    display: flex;
    gap: calc(var(--s-space) * 1);
    align-items: center;
    margin: calc(var(--s-space) * 2) 0 0;
  }
  .confirmation:empty {
    margin: 0;
  }
  .confirmation svg {
    width: 1em;
    height: 1em;
    flex: none;
  }
  .history {
    display: grid;
    gap: calc(var(--s-space) * 2);
    margin-top: calc(var(--s-space) * 4);
  }
  .history h4 {
    margin: 0;
  }
  .history .table-wrap {
    overflow-x: auto;
  }
  .history table {
    border-collapse: collapse;
    width: 100%;
  }
  .history th,
  .history td {
    text-align: start;
    padding: calc(var(--s-space) * 1) calc(var(--s-space) * 2);
    border-bottom: 1px solid var(--s-border);
    vertical-align: top;
  }
  .history td.note {
    overflow-wrap: anywhere;
  }
  .history .row-actions {
    white-space: nowrap;
  }
  .history .row-actions button + button {
    margin-inline-start: calc(var(--s-space) * 1);
  }
  .ms-form {
    display: grid;
    gap: calc(var(--s-space) * 3);
    padding: calc(var(--s-space) * 3) calc(var(--s-space) * 4);
    border: 1px solid var(--s-border);
    border-radius: var(--s-radius, 8px);
  }
`;
