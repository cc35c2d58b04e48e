import { SuccessGoalsTable } from '../success-goals-table/success-goals-table.js';

export { SuccessGoalsTable };

if (!customElements.get('success-goals-table')) {
  customElements.define('success-goals-table', SuccessGoalsTable);
}

declare global {
  interface HTMLElementTagNameMap {
    'success-goals-table': SuccessGoalsTable;
  }
}
