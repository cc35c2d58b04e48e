import { SuccessScore } from '../success-score/success-score.js';

export { SuccessScore };

if (!customElements.get('success-score')) customElements.define('success-score', SuccessScore);

declare global {
  interface HTMLElementTagNameMap {
    'success-score': SuccessScore;
  }
}
