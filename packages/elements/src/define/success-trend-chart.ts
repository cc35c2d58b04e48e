import { SuccessTrendChart } from '../success-trend-chart/success-trend-chart.js';

export { SuccessTrendChart };

// Guarded so that two copies of the package on one page do not throw on the second define.
if (!customElements.get('success-trend-chart')) {
  customElements.define('success-trend-chart', SuccessTrendChart);
}

declare global {
  interface HTMLElementTagNameMap {
    'success-trend-chart': SuccessTrendChart;
  }
}
