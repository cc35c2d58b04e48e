import { SuccessPortfolio } from '../success-portfolio/success-portfolio.js';

export { SuccessPortfolio };

if (!customElements.get('success-portfolio')) {
  customElements.define('success-portfolio', SuccessPortfolio);
}

declare global {
  interface HTMLElementTagNameMap {
    'success-portfolio': SuccessPortfolio;
  }
}
