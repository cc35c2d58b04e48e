// The HTML report from in-memory data (the server's tests cover it through the API too).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEALTH_BAND_MESSAGES } from '../../calc/src/vocabulary.js';
import { escapeHtml, renderReportHtml } from './html.js';
import {
  defaultSections,
  HEALTH_BAND_COLOR,
  HEALTH_BAND_TEXT,
  HEALTH_COMPONENT_TEXT,
  HEALTH_TEXT,
  KPI_TEXT,
} from './sections.js';
import {
  acmeInput,
  critical,
  empty,
  kpisUnmeasured,
  renamed,
  withProjected,
} from './testing/variants.js';

const DECODE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** One section of the page as text nodes in document order, entities decoded. */
function sectionText(html: string, id: string): string[] {
  const at = html.indexOf(`<section id="${id}">`);
  if (at < 0) return [];
  const end = html.indexOf('</section>', at);
  return html
    .slice(at, end)
    .replace(/<(style|title)\b[\s\S]*?<\/\1>/g, '')
    .split(/<[^>]*>/)
    .map((t) => t.replace(/&(amp|lt|gt|quot|#39);/g, (_, k: string) => DECODE[k] ?? k).trim())
    .filter((t) => t !== '');
}

/** The text after `label` among `pieces`. */
const after = (pieces: readonly string[], label: string, k = 1) => {
  const i = pieces.indexOf(label);
  return i < 0 ? undefined : pieces[i + k];
};

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

  it("shows Acme's health and KPIs: score and band, components with weights, history, every KPI", () => {
    const input = acmeInput(['overview', 'health']);
    const html = renderReportHtml(input);
    const t = sectionText(html, 'health');
    expect(t[0]).toBe('Health and KPIs');
    // getCustomerHealth's 84.15, as <success-health> rounds it, and its band in seed 002's colour.
    expect(after(t, HEALTH_TEXT.score)).toBe('84 / 100');
    expect(html).toContain(
      `<span class="band band-good"><span class="swatch" style="background:#${HEALTH_BAND_COLOR.good}" aria-hidden="true"></span>Good</span>`,
    );
    expect(after(t, 'Product usage', 1)).toBe('85');
    expect(after(t, 'Product usage', 2)).toBe('40%');
    expect(after(t, 'Account growth', 2)).toBe('15%');
    expect(t).toContain('The latest 10 of 10 observations');
    expect(html).toMatch(
      /<svg class="health-bars"[^>]*role="img" aria-label="Bar chart of the health score: 10 observations from Jul 31, 2025 to Apr 27, 2026, going from 71 to 84\."/,
    );
    expect(t).toContain(HEALTH_TEXT.noTriggers);
    expect(t).toContain('KPIs for March 2026, trends against February 2026');
    for (const name of Object.values(KPI_TEXT)) expect(t).toContain(name);
    // Value, rating, target, minimum, benchmark, best in class, trend.
    const row = (name: string) => t.slice(t.indexOf(name) + 1, t.indexOf(name) + 8);
    expect(row(KPI_TEXT.nrr)).toEqual([
      '100%',
      'Acceptable',
      '110%',
      '100%',
      '—',
      '120%',
      'Unchanged',
    ]);
    expect(row(KPI_TEXT.csat)).toEqual([
      '4.28 / 5',
      'Acceptable',
      '4.5 / 5',
      '4 / 5',
      '4.2 / 5',
      '—',
      'Improving (was 4 / 5)',
    ]);
    expect(row(KPI_TEXT.clv)).toEqual(['$2,599,128', '—', '—', '—', '—', '—', 'Unchanged']);
    expect(row(KPI_TEXT.aht)).toEqual([
      '10.1 min',
      'Below minimum',
      '8 min',
      '—',
      '—',
      '—',
      'Worsening (was 7.5 min)',
    ]);
    // Where each figure comes from: the API's explanations, in the details.
    expect(t).toContain(
      'Health score: (85 × 40 + 90 × 25 + 76 × 20 + 83 × 15) / 100 = 84.15 of 100: good (good from 70)',
    );
    expect(html).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it('lists active triggers with their causes, dates and scores, the causes escaped', () => {
    const html = renderReportHtml(
      critical(acmeInput(['health']), '<img src=x onerror=alert(1)> & "drop"'),
    );
    const t = sectionText(html, 'health');
    expect(after(t, HEALTH_TEXT.score)).toBe('42 / 100');
    expect(html).toContain('band-critical');
    expect(t).toContain('Score dropped more than 20 points');
    expect(t).toContain('From 84 on Apr 27, 2026 to 42 on Apr 29, 2026');
    expect(t).toContain('<img src=x onerror=alert(1)> & "drop": 84.15 to 41.5');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;drop&quot;');
    expect(t).toContain('Entered critical');
  });

  it('prints "Not measured" for a KPI without a value, never NaN or a zero', () => {
    const t = sectionText(renderReportHtml(kpisUnmeasured(acmeInput(['health']))), 'health');
    const at = t.indexOf(KPI_TEXT.nrr);
    expect(t.slice(at + 1, at + 3)).toEqual([HEALTH_TEXT.notMeasured, '—']);
    expect(t.join(' ')).not.toMatch(/NaN|Infinity|null/);
    expect(t).toContain('Net revenue retention (NRR): No input recorded for the month.');
  });

  it('says in one line that a customer has no health or KPI observations, and leaves the section out of the default', () => {
    const input = empty(acmeInput(['health']));
    const t = sectionText(renderReportHtml(input), 'health');
    // The heading and one line: no table, no zeros, no derivations of nothing.
    expect(t).toEqual(['Health and KPIs', HEALTH_TEXT.none]);
    expect(t).not.toContain(HEALTH_TEXT.score);
    expect(defaultSections(input)).not.toContain('health');
    expect(defaultSections(acmeInput())).toContain('health');
    expect(defaultSections({ kpis: acmeInput().kpis })).toContain('health');
  });

  it('names and colours the bands as <success-health> does (the report cannot import the element)', () => {
    const element = (f: string) =>
      readFileSync(new URL(`../../elements/src/success-health/${f}`, import.meta.url), 'utf8');
    const styles = element('success-health.styles.ts');
    const view = element('health-view.ts');
    for (const [band, hex] of Object.entries(HEALTH_BAND_COLOR)) {
      const token = band.replace('_', '-');
      // The light theme's default of each --success-health-* token (the first, before dark).
      expect(styles).toContain(`var(--success-health-${token}, #${hex.toLowerCase()})`);
    }
    // Band words: both surfaces take them from calc's one vocabulary, in every language.
    expect(HEALTH_BAND_TEXT).toBe(HEALTH_BAND_MESSAGES.en);
    expect(view).toContain('vocabulary(currentLocale()).healthBand(');
    // Component words: the element has its own table (in English, the report's words).
    for (const [key, words] of Object.entries(HEALTH_COMPONENT_TEXT))
      expect(view).toContain(`  ${key}: '${words}',`);
  });
});
