import { SuccessBenchmarks } from '../success-benchmarks/success-benchmarks.js';

export { SuccessBenchmarks };

if (!customElements.get('success-benchmarks')) {
  customElements.define('success-benchmarks', SuccessBenchmarks);
}

declare global {
  interface HTMLElementTagNameMap {
    'success-benchmarks': SuccessBenchmarks;
  }
}
