// The page script of csp-fixture.html (a test fixture, not shipped): draws a trend chart under
// `script-src 'self'` and reports what happened on `window.cspResult` for the test to read.
import '../define/success-trend-chart.js';
import type { ProgressTrend } from '../types.js';

/** What the test reads back from the framed page. */
export interface CspResult {
  readonly paths: number;
  /** CSP violations reported while the chart loaded and drew. */
  readonly violations: readonly string[];
  /** Proof that the policy is in force: `new Function` is refused on this page. */
  readonly evalBlocked: boolean;
}

declare global {
  interface Window {
    cspResult?: CspResult;
  }
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

const trend: ProgressTrend = {
  goal_id: 'goal_acme_ticket_time',
  metric_id: 'met_acme_resolution_time',
  name: 'Average resolution time',
  unit: 'hours',
  direction: 'lower_is_better',
  target: 12,
  baseline: 24,
  points: [
    { date: '2026-01-31', value: 20 },
    { date: '2026-02-28', value: 16.5 },
    { date: '2026-03-31', value: 13 },
    { date: '2026-04-28', value: 11.5 },
  ],
  forecast_date: '2026-04-17',
};

const chart = document.createElement('success-trend-chart');
chart.trends = [trend];
chart.pace = { start: '2026-01-01', end: '2026-06-30' };
chart.addEventListener('success-chart-render', () => {
  const seen = [...violations];
  let evalBlocked = false;
  try {
    new Function('return 1')();
  } catch {
    evalBlocked = true;
  }
  window.cspResult = {
    paths: chart.shadowRoot?.querySelectorAll('.canvas .mark-line path').length ?? 0,
    violations: seen,
    evalBlocked,
  };
});
document.getElementById('host')?.append(chart);
