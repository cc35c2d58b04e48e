// The PowerPoint deck unzipped and read part by part, as PowerPoint would: slides, charts,
// notes, and the escaping of every text from the data.
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderReportPptx } from './pptx.js';
import {
  DECK_TEXT,
  HEALTH_BAND_COLOR,
  HEALTH_TEXT,
  KPI_TEXT,
  SECTION_TITLE,
  TREND_TEXT,
} from './sections.js';
import { ACME_ACCOUNT, ACME_METRICS } from './testing/acme.js';
import { readPptx, runs } from './testing/read.js';
import {
  acmeInput,
  critical,
  empty,
  kpisUnmeasured,
  renamed,
  withGoals,
} from './testing/variants.js';

const EMU = 914_400;
/** Where the master's footer rule sits (inches): no slide content goes below it. */
const FOOTER_Y = 5.15;

/** Every shape and table frame of a slide as [x, y, w, h] in inches. */
function boxes(xml: string): [number, number, number, number][] {
  return [
    ...withoutSlideNumber(xml).matchAll(
      /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g,
    ),
  ]
    .map(
      (m) =>
        [Number(m[1]) / EMU, Number(m[2]) / EMU, Number(m[3]) / EMU, Number(m[4]) / EMU] as [
          number,
          number,
          number,
          number,
        ],
    )
    .filter(([, , w, h]) => w > 0 || h > 0);
}

/** The slide without the master's slide-number placeholder, which sits in the footer. */
const withoutSlideNumber = (xml: string) =>
  xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="sldNum"[\s\S]*?<\/p:sp>/g, '');

const decodeXml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, k: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[k] ?? k,
  );

describe('renderReportPptx', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same input whatever the wall clock says, and the deck still opens', async () => {
    // Only Date is faked: JSZip's own timers keep running.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T08:00:00Z'));
    const a = await renderReportPptx(acmeInput());
    vi.setSystemTime(new Date('2034-07-15T17:33:21Z'));
    const b = await renderReportPptx(acmeInput());
    vi.useRealTimers();
    expect(a.length).toBeGreaterThan(10_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

    const deck = await readPptx(a);
    expect(deck.slides).toHaveLength(14);
    expect(await deck.read('docProps/core.xml')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-04-30T09:00:00Z</dcterms:created>',
    );
    const charts = [...deck.chartsBySlide.values()].flat();
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const c of charts) expect(await deck.read(c)).toMatch(/<c:(bar|line)Chart>/);
    // Every entry, and every entry of the chart workbooks inside, carries the report's time,
    // and the workbooks still open.
    const dates = Object.values(deck.zip.files).map((f) => f.date.toISOString());
    expect(new Set(dates)).toEqual(new Set(['2026-04-30T09:00:00.000Z']));
    const workbooks = deck.files.filter((f) => f.endsWith('.xlsx'));
    // Value, one trend a goal (five), benchmark percentiles.
    expect(workbooks).toHaveLength(7);
    for (const w of workbooks) {
      const inner = await JSZip.loadAsync(await deck.zip.file(w)!.async('uint8array'));
      expect(inner.file('xl/worksheets/sheet1.xml')).not.toBeNull();
      expect(await inner.file('docProps/core.xml')!.async('string')).not.toContain('2031');
      for (const f of Object.values(inner.files))
        expect(f.date.toISOString()).toBe('2026-04-30T09:00:00.000Z');
    }
    const later = await renderReportPptx({ ...acmeInput(), generatedAt: '2026-05-01T00:00:00Z' });
    expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false);
  });

  it('builds a 16:9 deck: a title slide, the summary, the goals, one slide a goal, then the rest in order (Acme)', async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput()));
    const presentation = await deck.read('ppt/presentation.xml');
    expect(presentation).toContain('<p:sldSz cx="9144000" cy="5143500"');
    expect(deck.slides).toHaveLength(14);
    const titles = deck.slides.map((s) => runs(s)[0]);
    expect(titles.slice(1)).toEqual([
      SECTION_TITLE.overview,
      SECTION_TITLE.goals,
      ...ACME_METRICS.goals.map((g) => g.name),
      SECTION_TITLE.value,
      SECTION_TITLE.milestones,
      SECTION_TITLE.benchmarks,
      `${SECTION_TITLE.health} (1 of 2)`,
      `${SECTION_TITLE.health} (2 of 2)`,
      SECTION_TITLE.recommendations,
    ]);
    expect(runs(deck.slides[0] ?? '')).toContain('Acme Corp');
  });

  it("shows Acme's headline numbers as the HTML report formats them", async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['overview', 'value', 'goals'])));
    const [overview, value, goals] = deck.slides.slice(1).map((s) => runs(s).join('|'));
    for (const shown of ['2 / 5', '$285K', '4.2x', '91 / 100', 'Strong'])
      expect(overview).toContain(shown);
    expect(overview).toContain('4 of 5 goals on track or exceeded');
    for (const shown of ['$185,000', '$100,000', '$68,000', '4.2x (419%)', '2,400 hrs'])
      expect(value).toContain(shown);
    expect(goals).toContain('Reduce ticket time');
    expect(goals).toContain('11.5 hrs');
    expect(goals).toContain('At risk');
  });

  it("speaks the dashboard's vocabulary: Exceeded above target, ROI benchmark as a multiplier", async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['goals', 'benchmarks'])));
    const [goals, benchmarks] = deck.slides.slice(1).map((s) => runs(s).join('|'));
    expect(goals).toContain('Exceeded');
    expect(goals).not.toContain('Exceeding');
    expect(benchmarks).toMatch(/ROI\|4\.2x\|1\.8x/);
    expect(benchmarks).not.toContain('419%');
  });

  it('draws value delivered as a native bar chart of only the categories with value, with a legend', async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['value'])));
    const valueCharts = deck.chartsBySlide.get(2) ?? [];
    expect(valueCharts).toHaveLength(1);
    const bar = await deck.read(valueCharts[0] ?? '');
    expect(bar).toContain('<c:barChart>');
    expect(bar).toContain('<c:legend>');
    const withValue = ACME_ACCOUNT.value_summary.categories.filter((c) => c.annual_value > 0);
    const without = ACME_ACCOUNT.value_summary.categories.filter((c) => c.annual_value === 0);
    expect(without.length).toBeGreaterThan(0);
    for (const c of withValue) {
      expect(bar).toContain(`<c:v>${c.label}</c:v>`);
      expect(bar).toContain(`<c:v>${c.annual_value}</c:v>`);
    }
    for (const c of without) expect(bar).not.toContain(`<c:v>${c.label}</c:v>`);
    // No zero bar: no value point is 0.
    const values = /<c:val>([\s\S]*?)<\/c:val>/.exec(bar)?.[1] ?? '';
    expect(values).not.toMatch(/<c:v>0<\/c:v>/);
    expect(deck.files.filter((f) => f.startsWith('ppt/embeddings/'))).toHaveLength(1);
  });

  it('gives each goal a slide with its metric on a date axis, a legend and its figures', async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['trends'])));
    expect(deck.slides).toHaveLength(1 + ACME_METRICS.goals.length);
    for (const [i, g] of ACME_METRICS.goals.entries()) {
      const slide = i + 2;
      const text = runs(deck.slides[slide - 1] ?? '').join('|');
      expect(text.startsWith(g.name)).toBe(true);
      const trend = ACME_METRICS.trends.find((t) => t.goal_id === g.id);
      const charts = deck.chartsBySlide.get(slide) ?? [];
      expect(charts).toHaveLength(1);
      const line = await deck.read(charts[0] ?? '');
      expect(line).toContain('<c:lineChart>');
      expect(line).toContain('<c:legend>');
      // A date axis: points sit at their dates (day serials), not evenly spaced categories.
      expect(line).toContain('<c:dateAx>');
      const first = trend?.points[0];
      if (!first) throw new Error('Acme has measurements');
      const serial =
        (Date.parse(`${first.date.slice(0, 10)}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 864e5;
      expect(line).toContain(`<c:v>${serial}</c:v>`);
      expect(line).toContain(`<c:v>${TREND_TEXT.target}`);
    }
  });

  it('says in the notes what the deck draws: no dashed target, which the deck draws solid', async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['trends'])));
    const notes = runs(deck.notes.get(2) ?? '').join(' ');
    expect(notes).toContain(TREND_TEXT.deckLines);
    expect(notes).not.toMatch(/dash/i);
    const line = await deck.read(deck.chartsBySlide.get(2)?.[0] ?? '');
    expect(line).not.toMatch(/<a:prstDash val="(?!solid)/);
  });

  it('explains where the numbers come from in the speaker notes', async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['overview', 'value'])));
    const overviewNotes = runs(deck.notes.get(2) ?? '').join(' ');
    expect(overviewNotes).toContain(
      'ROI multiplier = total value / investment. $285,000 / $68,000 = 4.19 (shown 4.2x)',
    );
    expect(overviewNotes).toContain('Goals achieved');
    const valueNotes = runs(deck.notes.get(3) ?? '').join(' ');
    expect(valueNotes).toContain('$0 + $185,000 + $100,000 = $285,000');
  });

  it('escapes every text from the data in slides, tables, charts, notes and properties', async () => {
    const name = '<script>alert(1)</script>&"\' Привет';
    const input = renamed(acmeInput(), name);
    const first = input.metrics.goals[0];
    const trend = input.metrics.trends[0];
    if (!first || !trend) throw new Error('Acme has goals and trends');
    const evil = {
      ...input,
      metrics: {
        ...input.metrics,
        goals: [{ ...first, name: `Goal ${name}` }, ...input.metrics.goals.slice(1)],
        trends: [{ ...trend, name: `Trend ${name}` }, ...input.metrics.trends.slice(1)],
      },
    };
    const deck = await readPptx(await renderReportPptx(evil));
    const everything = (
      await Promise.all(deck.files.filter((f) => f.endsWith('.xml')).map((f) => deck.read(f)))
    ).join('\n');
    expect(everything).not.toContain('<script>');
    expect(everything).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(runs(deck.slides[0] ?? '')).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos; Привет',
    );
    expect(await deck.read('docProps/core.xml')).toContain(
      '<dc:title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos; Привет: success report</dc:title>',
    );
  });

  it('continues a long goals table on further slides without splitting a goal from its metrics', async () => {
    const deck = await readPptx(await renderReportPptx(withGoals(acmeInput(['goals']), 12)));
    const slides = deck.slides.slice(1);
    expect(slides.length).toBe(4);
    slides.forEach((s, i) => {
      const text = runs(s);
      expect(text[0]).toBe(`Goals (${i + 1} of 4)`);
      expect(text).toContain('Goal / metric');
    });
    // Metrics are indented under their goal by 0.3 in (274,320 EMU), not pushed off the slide.
    expect(slides[0]).toContain('marL="274320"');
    for (let i = 1; i <= 12; i++) {
      const n = String(i).padStart(2, '0');
      const at = (s: string) => slides.findIndex((x) => runs(x).includes(s));
      expect(at(`Metric ${n}b`)).toBe(at(`Goal ${n}`));
    }
  });

  it('gives long goal names the lines they wrap to: fewer rows on a slide, none past its foot', async () => {
    const input = withGoals(acmeInput(['goals']), 6);
    const long = (i: number) => `Goal ${i} ${'reduce the time to resolve escalations '.repeat(5)}`;
    const goals = input.metrics.goals.map((g, i) => ({ ...g, name: long(i).slice(0, 200) }));
    const deck = await readPptx(
      await renderReportPptx({ ...input, metrics: { ...input.metrics, goals } }),
    );
    // A 200-character name wraps to 7 lines, so one goal and its two metrics (9 lines) fill a
    // slide of 11: six goals take six slides, where short names fit twelve goals on four.
    const slides = deck.slides.slice(1);
    expect(slides).toHaveLength(6);
    slides.forEach((s, i) => {
      const text = runs(s);
      expect(text[0]).toBe(`Goals (${i + 1} of 6)`);
      expect(text.filter((t) => /^Goal \d/.test(t))).toHaveLength(1);
      expect(text).toContain(`Metric 0${i + 1}b`);
    });
  });

  it('says so on the slide when a section has nothing to show', async () => {
    const input = acmeInput(['recommendations', 'benchmarks']);
    const deck = await readPptx(
      await renderReportPptx({
        ...input,
        account: { ...input.account, recommendations: [], benchmarks: null, benchmarks_note: null },
      }),
    );
    expect(runs(deck.slides[1] ?? '')).toContain('No goal is at risk or missed: no action needed.');
    expect(runs(deck.slides[2] ?? '')).toContain('Benchmarks are not available.');
  });

  it('renders a customer with nothing recorded yet without NaN, Infinity or empty charts', async () => {
    const deck = await readPptx(await renderReportPptx(empty(acmeInput())));
    const text = deck.slides.map((s) => runs(s).join('|')).join('\n');
    expect(text).toContain('No success goals defined.');
    expect(text).toContain('No metrics to chart.');
    expect(text).toContain(DECK_TEXT.noMilestones);
    expect(text).toContain(DECK_TEXT.noNextSteps);
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
    // No chart at all: no category delivered value (no zero bars), no trend has measurements.
    expect(text).toContain(DECK_TEXT.noValue);
    expect([...deck.chartsBySlide.values()].flat()).toHaveLength(0);
  });

  it('shows health on one slide and the KPI table on the next, every figure as the API gives it', async () => {
    const deck = await readPptx(await renderReportPptx(acmeInput(['health'])));
    expect(deck.slides).toHaveLength(3);
    const [healthSlide = '', kpiSlide = ''] = deck.slides.slice(1);
    const h = runs(healthSlide).map(decodeXml);
    expect(h[0]).toBe(`${SECTION_TITLE.health} (1 of 2)`);
    expect(h).toContain('84 / 100');
    expect(h).toContain('■ Good');
    expect(healthSlide).toContain(`<a:srgbClr val="${HEALTH_BAND_COLOR.good}"/>`);
    for (const [name, score, weight] of [
      ['Product usage', '85', '40%'] as const,
      ['Business outcomes', '90', '25%'],
      ['Relationship quality', '76', '20%'],
      ['Account growth', '83', '15%'],
    ])
      expect(h.slice(h.indexOf(name), h.indexOf(name) + 3)).toEqual([name, score, weight]);
    expect(h).toContain(HEALTH_TEXT.noTriggers);
    const k = runs(kpiSlide).map(decodeXml);
    expect(k[0]).toBe(`${SECTION_TITLE.health} (2 of 2)`);
    expect(k).toContain('KPIs for March 2026, trends against February 2026');
    const row = (name: string) => k.slice(k.indexOf(name) + 1, k.indexOf(name) + 8);
    expect(row(KPI_TEXT.nrr)).toEqual([
      '100%',
      'Acceptable',
      '110%',
      '100%',
      '—',
      '120%',
      'Unchanged',
    ]);
    expect(row(KPI_TEXT.ttr_low)).toEqual([
      '81.4 hrs',
      'On target',
      '120 hrs',
      '168 hrs',
      '—',
      '—',
      'Improving (was 122.6 hrs)',
    ]);
    for (const name of Object.values(KPI_TEXT)) expect(k).toContain(name);
    // Speaker notes: the API's explanations of the score and of each KPI.
    const notes = deck.notes.get(3) ?? '';
    expect(decodeXml(notes)).toContain(
      'Health score: (85 × 40 + 90 × 25 + 76 × 20 + 83 × 15) / 100 = 84.15 of 100',
    );
    expect(decodeXml(notes)).toContain('Net revenue retention (NRR): ($81,223');
  });

  it('keeps the health and KPI slides within the body: no shape below the footer, no KPI cell that wraps', async () => {
    for (const input of [
      acmeInput(['health']),
      critical(acmeInput(['health'])),
      critical(acmeInput(['health'], 'de-DE')),
      kpisUnmeasured(acmeInput(['health'])),
    ]) {
      const deck = await readPptx(await renderReportPptx(input));
      for (const slide of deck.slides.slice(1)) {
        // Under the title (the first box), above the footer, inside the margins.
        for (const [x, y, w, hh] of boxes(slide).slice(1)) {
          expect(y).toBeGreaterThanOrEqual(0.85 - 0.001);
          expect(y + hh).toBeLessThanOrEqual(FOOTER_Y + 0.001);
          expect(x).toBeGreaterThanOrEqual(0.5 - 0.001);
          expect(x + w).toBeLessThanOrEqual(9.5 + 0.001);
        }
      }
      const kpis = deck.slides[2] ?? '';
      // The table: 18 rows at their set height end above the footer...
      const frame =
        /<p:graphicFrame>[\s\S]*?<a:off x="\d+" y="(\d+)"\/>[\s\S]*?<\/p:graphicFrame>/.exec(kpis);
      const rows = [...kpis.matchAll(/<a:tr h="(\d+)">/g)].map((m) => Number(m[1]) / EMU);
      expect(rows).toHaveLength(18);
      const top = Number(frame?.[1] ?? 0) / EMU;
      expect(top + rows.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(FOOTER_Y);
      // ...and stay at that height: every cell's text fits its column on one line (Arial at
      // 8.5 pt is at most ~0.062 in a character), so PowerPoint grows no row.
      const widths = [...kpis.matchAll(/<a:gridCol w="(\d+)"\/>/g)].map((m) => Number(m[1]) / EMU);
      const body = [...kpis.matchAll(/<a:tr h="\d+">([\s\S]*?)<\/a:tr>/g)].slice(1);
      for (const [, tr = ''] of body) {
        const cells = [...tr.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((m) =>
          decodeXml(runs(m[1] ?? '').join('')),
        );
        cells.forEach((text, i) => {
          expect(text.length * 0.062, `"${text}"`).toBeLessThanOrEqual((widths[i] ?? 0) - 0.1);
        });
      }
    }
  });

  it('lists active triggers with their causes, XML-escaped', async () => {
    const deck = await readPptx(
      await renderReportPptx(critical(acmeInput(['health']), '<b>fell</b> & "fast"')),
    );
    const slide = deck.slides[1] ?? '';
    expect(slide).toContain('&lt;b&gt;fell&lt;/b&gt; &amp; &quot;fast&quot;: 84.15 to 41.5');
    expect(slide).not.toContain('<b>');
    const t = runs(slide).map(decodeXml);
    expect(t).toContain('42 / 100');
    expect(t).toContain('■ Critical');
    expect(t).toContain('Score dropped more than 20 points · Apr 29, 2026');
  });

  it('says in one line on one slide that a customer has no health or KPI observations', async () => {
    const deck = await readPptx(await renderReportPptx(empty(acmeInput(['health']))));
    expect(deck.slides).toHaveLength(2);
    expect(runs(withoutSlideNumber(deck.slides[1] ?? ''))).toEqual([
      SECTION_TITLE.health,
      HEALTH_TEXT.none,
    ]);
    const unmeasured = await readPptx(
      await renderReportPptx(kpisUnmeasured(acmeInput(['health']))),
    );
    const k = runs(unmeasured.slides[2] ?? '').join('|');
    expect(k).toContain(`${KPI_TEXT.nrr}|${HEALTH_TEXT.notMeasured}|—|110%`);
    expect(k).not.toMatch(/NaN|Infinity|null/);
  });
});
