// Every element of the kit, registered: the script-tag bundle's entry
// (`dist/cdn/success-elements.js`), and `@cscx/success-elements/define/all.js` for a page that
// uses them all. Each element's heavy parts (the chart runtime, the editor body, the portfolio
// grid, the SDK) still load only when first needed. The provider first: elements upgraded
// before it would wait for it (SuccessElement's context root replays their requests).
import './success-provider.js';
import './goal-editor.js';
import './goal-progress.js';
import './success-alerts.js';
import './success-benchmarks.js';
import './success-goals-table.js';
import './success-health.js';
import './success-kpis.js';
import './success-milestones.js';
import './success-overview.js';
import './success-portfolio.js';
import './success-score.js';
import './success-trend-chart.js';
import './success-value.js';
