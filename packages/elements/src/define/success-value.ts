import { SuccessValue } from '../success-value/success-value.js';

export { SuccessValue };

if (!customElements.get('success-value')) customElements.define('success-value', SuccessValue);

declare global {
  interface HTMLElementTagNameMap {
    'success-value': SuccessValue;
  }
}
