import { SuccessHealth } from '../success-health/success-health.js';

export { SuccessHealth };

if (!customElements.get('success-health')) customElements.define('success-health', SuccessHealth);

declare global {
  interface HTMLElementTagNameMap {
    'success-health': SuccessHealth;
  }
}
