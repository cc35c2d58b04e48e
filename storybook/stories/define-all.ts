// Every element registered once, as a host page would with the package's `define/*` entries.
import '../../packages/elements/src/define/goal-editor.js';
import '../../packages/elements/src/define/goal-progress.js';
import '../../packages/elements/src/define/success-alerts.js';
import '../../packages/elements/src/define/success-benchmarks.js';
import '../../packages/elements/src/define/success-goals-table.js';
import '../../packages/elements/src/define/success-health.js';
import '../../packages/elements/src/define/success-kpis.js';
import '../../packages/elements/src/define/success-milestones.js';
import '../../packages/elements/src/define/success-overview.js';
import '../../packages/elements/src/define/success-portfolio.js';
import '../../packages/elements/src/define/success-provider.js';
import '../../packages/elements/src/define/success-score.js';
import '../../packages/elements/src/define/success-trend-chart.js';
import '../../packages/elements/src/define/success-value.js';
