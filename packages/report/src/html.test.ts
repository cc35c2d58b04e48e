// The HTML report from in-memory data (the server's tests cover it through the API too).
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderReportHtml } from './html.js';
import { acmeInput, renamed, withProjected } from './testing/variants.js';

describe('renderReportHtml', () => {
  it("shows Acme's headline numbers and only the requested sections, in order", () => {
    const html = renderReportHtml(acmeInput(['value', 'overview', 'trends']));
    const order = ['id="value"', 'id="overview"', 'id="trends"'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('id="goals"');
    for (const shown of ['4.2x', '$285K', '$285,000', '2,400 hrs', '2 / 5', '91 / 100'])
      expect(html).toContain(shown);
    expect(html).toContain('generated April 30, 2026');
    expect(html).not.toMatch(/<script|src="http|href="http|@import|url\(/i);
  });

  it('speaks one vocabulary: Exceeded above target, on track or exceeded, ROI as a multiplier', () => {
    const html = renderReportHtml(acmeInput(['overview', 'goals', 'benchmarks']));
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    // PRD-069's executive summary and goals table; Acme's 118.75 % and 104.17 % goals.
    expect(text).toContain('4 of 5 goals on track or exceeded');
    expect(html).toContain('<span class="status status-achieved">Exceeded</span>');
    expect(html).toContain('<span class="status status-exceeding">Exceeded</span>');
    expect(text).not.toMatch(/Exceeding|on track or achieved/);
    // The benchmark ROI row reads as the ROI card does: 4.19 is "4.2x", never "419%".
    expect(text).toMatch(/ROI 4\.2x 1\.8x 95/);
    expect(text).not.toContain('419%');
  });

  it('escapes every text from the data', () => {
    const html = renderReportHtml(renamed(acmeInput(), '<img src=x onerror=alert(1)>"\'&'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(escapeHtml('<a href="x">\'&')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('formats numbers and dates in the requested locale and says which language it is in', () => {
    const html = renderReportHtml(acmeInput(['overview', 'value'], 'de-DE'));
    expect(html).toContain('4,2x');
    expect(html).toContain('285.000');
    expect(html).toContain('lang="de"');
  });

  it('shows the value delivered as the total and the value at target apart, labelled so', () => {
    const html = renderReportHtml(withProjected(acmeInput(['overview', 'value'])));
    // Delivered: the headline, the total and the ROI stay $285,000 and 4.2x.
    expect(html).toContain('$285K');
    expect(html).toContain('4.2x');
    expect(html).toMatch(/<th scope="row">Total<\/th><td class="num">\$285,000<\/td>/);
    expect(html).toContain('<dt>Projected at target (not in total or ROI)</dt><dd>$429,000</dd>');
    expect(html).toContain('not part of the total or the ROI');
    // Without a difference, no projected line.
    expect(renderReportHtml(acmeInput(['value']))).not.toContain('Projected at target');
  });

  it('shows a value category of goals not measured yet as not started with its value at target, never $0', () => {
    const html = renderReportHtml(withProjected(acmeInput(['value'])));
    expect(html).toContain(
      '<tr><td>Onboarding automation</td><td class="num">Not started · $144,000 projected at target</td>',
    );
    expect(html).not.toMatch(/Onboarding automation<\/td><td class="num">\$0</);
  });

  it("explains each section in details from the responses' explanations, in their own words", () => {
    const input = acmeInput(['goals', 'benchmarks', 'trends']);
    const text = (s: string) => ({ formula: 'x', text: s, inputs: [], rule: null, result: 0 });
    const html = renderReportHtml({
      ...input,
      metrics: {
        ...input.metrics,
        explanations: {
          '/goals/0/achievement_pct': text('(119 × 1) / 1 = 119 %'),
          '/trends/0/forecast_date': text('least squares over 4 points'),
        },
      },
      account: {
        ...input.account,
        explanations: { '/benchmarks/rows/0/percentile': text('3 of 4 peers below') },
      },
    });
    const goal = input.metrics.goals[0]?.name ?? '';
    const row = input.account.benchmarks?.rows[0]?.label ?? '';
    const trend = input.metrics.trends[0]?.name ?? '';
    expect(html).toContain(
      '<details class="how"><summary>How these numbers are computed</summary>',
    );
    expect(html).toContain(`<li>${goal}: progress: (119 × 1) / 1 = 119 %.</li>`);
    expect(html).toContain(`<li>${row}: percentile: 3 of 4 peers below.</li>`);
    expect(html).toContain(`<li>${trend}: forecast: least squares over 4 points.</li>`);
  });
});
