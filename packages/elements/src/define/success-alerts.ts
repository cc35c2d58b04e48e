import { SuccessAlerts } from '../success-alerts/success-alerts.js';

export { SuccessAlerts };

if (!customElements.get('success-alerts')) customElements.define('success-alerts', SuccessAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'success-alerts': SuccessAlerts;
  }
}
