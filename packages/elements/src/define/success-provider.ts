import { SuccessProvider } from '../provider/success-provider.js';

export { SuccessProvider };

// Guarded so that two copies of the package on one page do not throw on the second define.
if (!customElements.get('success-provider'))
  customElements.define('success-provider', SuccessProvider);

declare global {
  interface HTMLElementTagNameMap {
    'success-provider': SuccessProvider;
  }
}
