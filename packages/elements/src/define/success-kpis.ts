import { SuccessKpis } from '../success-kpis/success-kpis.js';

export { SuccessKpis };

if (!customElements.get('success-kpis')) customElements.define('success-kpis', SuccessKpis);

declare global {
  interface HTMLElementTagNameMap {
    'success-kpis': SuccessKpis;
  }
}
