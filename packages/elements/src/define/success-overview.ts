import { SuccessOverview } from '../success-overview/success-overview.js';
// The parts the overview renders: defining the overview defines them too.
import './success-benchmarks.js';
import './success-goals-table.js';
import './success-milestones.js';
import './success-score.js';
import './success-trend-chart.js';
import './success-value.js';

export { SuccessOverview };

if (!customElements.get('success-overview'))
  customElements.define('success-overview', SuccessOverview);

declare global {
  interface HTMLElementTagNameMap {
    'success-overview': SuccessOverview;
  }
}
