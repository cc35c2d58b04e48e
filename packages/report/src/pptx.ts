// The report as a QBR deck (PRD-165 FR-165.17): 16:9 PowerPoint, one topic a slide, native
// charts a CSM can restyle in PowerPoint, and speaker notes saying where every number comes
// from. pptxgenjs XML-escapes every text it writes, so names from the data stay text.
import { formatDate } from '@cscx/success-calc';
import pptxgenModule from 'pptxgenjs';
import {
  benchmarkTable,
  derivation,
  executiveSummary,
  type GoalRow,
  generatedAt,
  goalRows,
  HEALTH_BAND_COLOR,
  HEALTH_TEXT,
  headlineKpis,
  healthSummary,
  KPI_RATING_COLOR,
  kpiTable,
  type MilestoneItem,
  milestoneLists,
  PRIORITY_TEXT,
  periodLabel,
  provenance,
  SECTION_TITLE,
  STATUS_COLOR,
  segmentLabel,
  statusLabel,
  trendCaption,
  valueTable,
} from './sections.js';
import { stableOoxml } from './stable-zip.js';
import type { ProgressTrend, ReportInput, ReportSection } from './types.js';

type Deck = import('pptxgenjs').default;
type Slide = import('pptxgenjs').default.Slide;
type Cell = import('pptxgenjs').default.TableCell;
type CellProps = import('pptxgenjs').default.TableCellProps;
type TextRun = import('pptxgenjs').default.TextProps;

// pptxgenjs's types describe its CommonJS build (the class under `default`); the ESM build that
// Node and bundlers load exports the class itself.
const PptxGenJS = ('default' in pptxgenModule
  ? pptxgenModule.default
  : pptxgenModule) as unknown as new () => Deck;

const INK = '1C2430';
const MUTED = '5B6675';
const LINE = 'D9DEE5';
const ACCENT = '2155C4';
const GROUP_FILL = 'F5F7FA';
const FONT = 'Arial';
const MASTER = 'CSCX_REPORT';
/** 16:9 in inches. */
const W = 10;
const CONTENT_W = W - 1;
/** Table rows per slide: a 10 pt row is ~0.3 in, the body area ~4.2 in. */
const ROWS_PER_SLIDE = 11;

function slideFor(deck: Deck, title: string, notes: readonly string[], part?: string): Slide {
  const slide = deck.addSlide({ masterName: MASTER });
  slide.addText(part ? `${title} (${part})` : title, {
    x: 0.5,
    y: 0.3,
    w: CONTENT_W,
    h: 0.6,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: INK,
  });
  if (notes.length > 0) slide.addNotes(notes.join('\n\n'));
  return slide;
}

/** Splits `items` into chunks of at most `size`, keeping at least one (possibly empty) chunk. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length === 0 ? [[]] : out;
}

function header(labels: readonly string[], right: readonly number[] = []): Cell[] {
  return labels.map((text, i) => ({
    text,
    options: {
      bold: true,
      color: MUTED,
      fontSize: 10,
      align: right.includes(i) ? 'right' : 'left',
      border: [{ type: 'none' }, { type: 'none' }, { pt: 1, color: MUTED }, { type: 'none' }],
    },
  }));
}

function cell(text: string, o: CellProps = {}): Cell {
  return {
    text,
    options: {
      color: INK,
      fontSize: 11,
      border: [{ type: 'none' }, { type: 'none' }, { pt: 0.5, color: LINE }, { type: 'none' }],
      ...o,
    },
  };
}

function statusCell(text: string, key: string | null, o: CellProps = {}): Cell {
  return cell(text, { bold: true, color: (key && STATUS_COLOR[key]) || MUTED, ...o });
}

function addTable(slide: Slide, rows: Cell[][], colW: number[], y = 1.1): void {
  slide.addTable(rows, { x: 0.5, y, w: CONTENT_W, colW, fontFace: FONT, valign: 'middle' });
}

function muted(slide: Slide, text: string, y: number, h = 0.4): void {
  slide.addText(text, { x: 0.5, y, w: CONTENT_W, h, fontFace: FONT, fontSize: 10, color: MUTED });
}

// ---------------------------------------------------------------------------------- slides

function titleSlide(deck: Deck, input: ReportInput): void {
  const { metrics: m, locale } = input;
  const c = m.customer;
  const slide = deck.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: 0.25,
    h: 5.625,
    fill: { color: ACCENT },
    line: { color: ACCENT },
  });
  slide.addText('SUCCESS REPORT · QUARTERLY BUSINESS REVIEW', {
    x: 0.8,
    y: 1.3,
    w: 8.6,
    h: 0.4,
    fontFace: FONT,
    fontSize: 12,
    bold: true,
    color: ACCENT,
  });
  slide.addText(c.name, {
    x: 0.8,
    y: 1.8,
    w: 8.6,
    h: 1.1,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: INK,
    fit: 'shrink',
  });
  slide.addText(
    [
      { text: `${periodLabel(m, locale)} (${m.metrics.period})`, options: { breakLine: true } },
      {
        text: `${segmentLabel(c.segment)}${c.industry ? ` · ${c.industry}` : ''}`,
        options: { breakLine: true },
      },
      { text: `Generated ${formatDate(generatedAt(input), { locale, style: 'long' })}` },
    ],
    { x: 0.8, y: 3.0, w: 8.6, h: 1.0, fontFace: FONT, fontSize: 14, color: MUTED, valign: 'top' },
  );
  slide.addNotes(provenance(m, locale));
}

function overview(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const slide = slideFor(deck, SECTION_TITLE.overview, derivation('overview', m, a, locale));
  const kpis = headlineKpis(m, locale);
  const gap = 0.2;
  const w = (CONTENT_W - gap * (kpis.length - 1)) / kpis.length;
  kpis.forEach((k, i) => {
    const x = 0.5 + i * (w + gap);
    slide.addShape('roundRect', {
      x,
      y: 1.1,
      w,
      h: 1.6,
      rectRadius: 0.08,
      fill: { color: 'FFFFFF' },
      line: { color: LINE, width: 1 },
    });
    slide.addText(
      [
        {
          text: k.label.toUpperCase(),
          options: { fontSize: 10, bold: true, color: MUTED, breakLine: true },
        },
        { text: k.value, options: { fontSize: 28, bold: true, color: INK, breakLine: true } },
        { text: k.detail, options: { fontSize: 10, color: MUTED } },
      ],
      { x: x + 0.1, y: 1.15, w: w - 0.2, h: 1.5, fontFace: FONT, valign: 'top', fit: 'shrink' },
    );
  });
  slide.addText(
    executiveSummary(a, locale).map((text) => ({
      text,
      options: { bullet: true, breakLine: true },
    })),
    {
      x: 0.5,
      y: 3.0,
      w: CONTENT_W,
      h: 1.6,
      fontFace: FONT,
      fontSize: 16,
      color: INK,
      valign: 'top',
    },
  );
}

/**
 * Lines a row takes: its name wraps in the 3.3-inch first column at 11 pt, about 36 characters
 * a line (fewer for bold goal names), so a slide holds fewer long-named rows.
 */
function rowLines(r: GoalRow): number {
  return Math.max(1, Math.ceil(r.name.length / (r.kind === 'goal' ? 32 : 36)));
}

/**
 * Goal blocks (a goal and its metrics) packed into slides of ROWS_PER_SLIDE lines without
 * splitting a block, unless one block alone is taller than a slide.
 */
function goalPages(rows: readonly GoalRow[]): GoalRow[][] {
  const pages: GoalRow[][] = [];
  let page: GoalRow[] = [];
  let used = 0;
  const next = () => {
    pages.push(page);
    page = [];
    used = 0;
  };
  const place = (block: readonly GoalRow[]) => {
    const lines = block.reduce((sum, r) => sum + rowLines(r), 0);
    if (page.length > 0 && used + lines > ROWS_PER_SLIDE) next();
    for (const r of block) {
      if (page.length > 0 && used + rowLines(r) > ROWS_PER_SLIDE) next();
      page.push(r);
      used += rowLines(r);
    }
  };
  let block: GoalRow[] = [];
  for (const r of rows) {
    if (r.kind === 'goal' && block.length > 0) {
      place(block);
      block = [];
    }
    block.push(r);
  }
  if (block.length > 0) place(block);
  if (page.length > 0) pages.push(page);
  return pages.length === 0 ? [[]] : pages;
}

function goals(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('goals', m, a, locale);
  const pages = goalPages(goalRows(m.goals, locale));
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      SECTION_TITLE.goals,
      notes,
      pages.length > 1 ? `${i + 1} of ${pages.length}` : undefined,
    );
    if (page.length === 0) {
      muted(slide, 'No success goals defined.', 1.2);
      return;
    }
    const rows: Cell[][] = [
      header(
        ['Goal / metric', 'Baseline', 'Target', 'Current', 'Progress', 'Status'],
        [1, 2, 3, 4],
      ),
    ];
    for (const r of page) {
      const fill = r.kind === 'goal' ? { fill: { color: GROUP_FILL } } : {};
      rows.push([
        r.kind === 'goal'
          ? cell(r.name, { bold: true, ...fill })
          : // Inches: pptxgenjs reads a top margin >= 1 as points.
            cell(r.name, { margin: [0.05, 0.1, 0.05, 0.3] }),
        cell(r.baseline, { align: 'right', ...fill }),
        cell(r.target, { align: 'right', ...fill }),
        cell(r.current, { align: 'right', ...fill }),
        cell(r.progress, { align: 'right', bold: r.kind === 'goal', ...fill }),
        statusCell(r.status, r.statusKey, fill),
      ]);
    }
    addTable(slide, rows, [3.3, 1.1, 1.1, 1.1, 1.1, 1.3]);
  });
}

function value(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const slide = slideFor(deck, SECTION_TITLE.value, derivation('value', m, a, locale));
  const d = m.metrics.value_delivered;
  const v = valueTable(a, m, locale);
  slide.addChart(
    'bar',
    [
      {
        name: `Annual value (${m.metrics.currency})`,
        labels: ['Time value', 'Cost reduction', 'Revenue impact'],
        values: [d.time_saved_value, d.cost_reduction, d.revenue_impact],
      },
    ],
    {
      x: 0.5,
      y: 1.1,
      w: 5.0,
      h: 3.6,
      barDir: 'col',
      chartColors: [ACCENT],
      showValue: true,
      dataLabelFormatCode: '#,##0',
      valAxisLabelFormatCode: '#,##0',
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      dataLabelFontFace: FONT,
      showTitle: true,
      title: `Annual value by kind (${m.metrics.currency})`,
      titleFontFace: FONT,
      titleFontSize: 12,
      showLegend: false,
      altText: v.facts.map(([k, x]) => `${k}: ${x}`).join('; '),
    },
  );
  const facts: Cell[][] = [
    ...v.facts.map(([k, x]) => [
      cell(k, { color: MUTED }),
      cell(x, { bold: true, align: 'right' }),
    ]),
    [
      cell('Total value per year', { color: MUTED }),
      cell(v.total.annualValue, { bold: true, align: 'right' }),
    ],
  ];
  slide.addTable(facts, { x: 5.8, y: 1.1, w: 3.7, colW: [1.8, 1.9], fontFace: FONT });
  muted(slide, v.notes.join(' '), 4.8, 0.5);
}

function milestones(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const l = milestoneLists(m, a, locale);
  type Line = { group: string } | { none: string } | MilestoneItem;
  const lines: Line[] = [
    { group: 'Achieved' },
    ...(l.achieved.length > 0 ? l.achieved : [{ none: 'None in this period.' }]),
    { group: 'Upcoming' },
    ...(l.upcoming.length > 0 ? l.upcoming : [{ none: 'None planned.' }]),
  ];
  const pages = chunks(lines, ROWS_PER_SLIDE);
  const notes = derivation('milestones', m, a, locale);
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      SECTION_TITLE.milestones,
      notes,
      pages.length > 1 ? `${i + 1} of ${pages.length}` : undefined,
    );
    const rows: Cell[][] = [header(['Date', 'Milestone', 'Status'])];
    for (const line of page) {
      if ('group' in line) {
        const fill = { fill: { color: GROUP_FILL }, bold: true };
        rows.push([cell(line.group, fill), cell('', fill), cell('', fill)]);
      } else if ('none' in line) {
        rows.push([cell(''), cell(line.none, { color: MUTED }), cell('')]);
      } else {
        rows.push([
          cell(line.date, { color: MUTED }),
          cell(line.detail ? `${line.name} — ${line.detail}` : line.name),
          statusCell(line.status, line.statusKey),
        ]);
      }
    }
    addTable(slide, rows, [1.4, 6.2, 1.4]);
  });
}

function benchmarks(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const slide = slideFor(deck, SECTION_TITLE.benchmarks, derivation('benchmarks', m, a, locale));
  const b = benchmarkTable(a, locale);
  if (!b.ok) {
    muted(slide, b.note, 1.2);
    return;
  }
  addTable(
    slide,
    [
      header(['Metric', a.customer.name, 'Peer average', 'Percentile'], [1, 2, 3]),
      ...b.rows.map(([label, ...nums]) => [
        cell(label),
        ...nums.map((n) => cell(n, { align: 'right' })),
      ]),
    ],
    [3.6, 1.8, 1.8, 1.8],
  );
  muted(slide, b.note, 4.6);
}

function trendChart(slide: Slide, t: ProgressTrend, locale: string, x: number, y: number): void {
  const w = 4.4;
  slide.addText(
    [
      { text: t.name, options: { bold: true, fontSize: 12, color: INK, breakLine: true } },
      { text: trendCaption(t, locale), options: { fontSize: 9, color: MUTED } },
    ],
    { x, y, w, h: 0.55, fontFace: FONT, valign: 'top', fit: 'shrink' },
  );
  if (t.points.length === 0) {
    slide.addText('No measurements in this period.', {
      x,
      y: y + 0.6,
      w,
      h: 0.4,
      fontFace: FONT,
      fontSize: 10,
      color: MUTED,
    });
    return;
  }
  const labels = t.points.map((p) => formatDate(p.date, { locale, style: 'short' }));
  slide.addChart(
    'line',
    [
      {
        name: t.unit ? `${t.name} (${t.unit})` : t.name,
        labels,
        values: t.points.map((p) => p.value),
      },
      { name: 'Target', labels, values: t.points.map(() => t.target) },
    ],
    {
      x,
      y: y + 0.55,
      w,
      h: 1.55,
      chartColors: [ACCENT, '1A7F43'],
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 5,
      showLegend: false,
      catAxisLabelFontSize: 8,
      valAxisLabelFontSize: 8,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      valAxisLabelFormatCode: '#,##0.##',
      altText: `${t.name}: ${trendCaption(t, locale)}`,
    },
  );
}

function trends(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('trends', m, a, locale);
  const pages = chunks(m.trends, 4);
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      SECTION_TITLE.trends,
      notes,
      pages.length > 1 ? `${i + 1} of ${pages.length}` : undefined,
    );
    if (page.length === 0) {
      muted(slide, 'No metrics to chart.', 1.2);
      return;
    }
    page.forEach((t, j) => {
      trendChart(slide, t, locale, 0.5 + (j % 2) * 4.6, 1.0 + Math.floor(j / 2) * 2.2);
    });
  });
}

function recommendations(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('recommendations', m, a, locale);
  if (a.recommendations.length === 0) {
    const slide = slideFor(deck, SECTION_TITLE.recommendations, notes);
    muted(slide, 'No goal is at risk or missed: no action needed.', 1.2);
    return;
  }
  const pages = chunks(a.recommendations, 3);
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      SECTION_TITLE.recommendations,
      notes,
      pages.length > 1 ? `${i + 1} of ${pages.length}` : undefined,
    );
    const runs: TextRun[] = [];
    for (const r of page) {
      runs.push(
        { text: r.goal_name, options: { bold: true, fontSize: 16, color: INK } },
        {
          text: `  ${statusLabel(r.status)}`,
          options: {
            bold: true,
            fontSize: 12,
            color: STATUS_COLOR[r.status] ?? MUTED,
            breakLine: true,
          },
        },
      );
      for (const item of r.items) {
        runs.push(
          {
            text: `${PRIORITY_TEXT[item.priority] ?? item.priority}: `,
            options: {
              bold: true,
              fontSize: 13,
              color: INK,
              bullet: { type: 'number' },
              indentLevel: 1,
            },
          },
          { text: item.action, options: { fontSize: 13, color: INK, breakLine: true } },
          {
            text: item.reason,
            options: { fontSize: 10, color: MUTED, indentLevel: 1, breakLine: true },
          },
        );
      }
    }
    slide.addText(runs, {
      x: 0.5,
      y: 1.1,
      w: CONTENT_W,
      h: 3.9,
      fontFace: FONT,
      valign: 'top',
      fit: 'shrink',
    });
  });
}

type HealthView = NonNullable<ReturnType<typeof healthSummary>>;

/** The score, its band's name and colour, the date: one tile. */
function healthTile(slide: Slide, h: HealthView): void {
  const color = HEALTH_BAND_COLOR[h.bandKey];
  slide.addShape('roundRect', {
    x: 0.5,
    y: 1.1,
    w: 2.6,
    h: 1.6,
    rectRadius: 0.08,
    fill: { color: 'FFFFFF' },
    line: { color: LINE, width: 1 },
  });
  slide.addShape('rect', { x: 0.5, y: 1.2, w: 0.08, h: 1.4, fill: { color }, line: { color } });
  slide.addText(
    [
      {
        text: HEALTH_TEXT.score.toUpperCase(),
        options: { fontSize: 10, bold: true, color: MUTED, breakLine: true },
      },
      { text: h.score, options: { fontSize: 28, bold: true, color: INK, breakLine: true } },
      { text: `■ ${h.band}`, options: { fontSize: 12, bold: true, color, breakLine: true } },
      { text: h.asOf, options: { fontSize: 9, color: MUTED } },
    ],
    { x: 0.7, y: 1.15, w: 2.3, h: 1.5, fontFace: FONT, valign: 'top', fit: 'shrink' },
  );
}

/** The history as bars in their bands' colours, the score over each bar, first and last date. */
function healthHistory(slide: Slide, h: HealthView): void {
  const x = 3.4;
  const w = W - 0.5 - x;
  const top = 1.45;
  const chartH = 0.95;
  slide.addText(`${HEALTH_TEXT.history} · ${h.historyCaption}`, {
    x,
    y: 1.05,
    w,
    h: 0.3,
    fontFace: FONT,
    fontSize: 10,
    bold: true,
    color: INK,
  });
  const n = h.history.length;
  const slot = w / Math.max(1, n);
  const bw = Math.min(0.4, slot * 0.7);
  h.history.forEach((p, i) => {
    const bh = Math.max(0.02, (p.value / 100) * chartH);
    const bx = x + i * slot + (slot - bw) / 2;
    const color = HEALTH_BAND_COLOR[p.bandKey];
    slide.addShape('rect', {
      x: bx,
      y: top + 0.2 + chartH - bh,
      w: bw,
      h: bh,
      fill: { color },
      line: { color },
    });
    // Centred over its bar, but never past the chart's edges.
    const lw = bw + 0.2;
    slide.addText(p.score, {
      x: Math.min(x + w - lw, Math.max(x, bx + bw / 2 - lw / 2)),
      y: top + chartH - bh,
      w: lw,
      h: 0.2,
      fontFace: FONT,
      fontSize: 8,
      color: INK,
      align: 'center',
    });
  });
  const first = h.history[0];
  const last = h.history.at(-1);
  const dates = { y: top + chartH + 0.22, h: 0.2, fontFace: FONT, fontSize: 8, color: MUTED };
  if (first) slide.addText(first.shortDate, { x, w: w / 2, ...dates });
  if (last && n > 1)
    slide.addText(last.shortDate, { x: x + w / 2, w: w / 2, align: 'right', ...dates });
}

/**
 * Health and KPIs: the health slide (score tile, history bars, components, active triggers),
 * then the KPI table on a slide of its own, 17 compact rows that fit without shrinking.
 */
function health(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('health', m, a, locale, input);
  const h = healthSummary(input.health, locale);
  const k = kpiTable(input.kpis, locale);
  const title = SECTION_TITLE.health;
  if (!h && !k) {
    muted(slideFor(deck, title, notes), HEALTH_TEXT.none, 1.2);
    return;
  }
  const count = (h ? 1 : 0) + (k ? 1 : 0);
  const part = (i: number) => (count > 1 ? `${i} of ${count}` : undefined);
  if (h) {
    const slide = slideFor(deck, title, notes, part(1));
    healthTile(slide, h);
    healthHistory(slide, h);
    const rows: Cell[][] = [
      header([HEALTH_TEXT.component, HEALTH_TEXT.componentScore, HEALTH_TEXT.weight], [1, 2]),
      ...h.components.map((c) => [
        cell(c.name),
        cell(c.score, { align: 'right' }),
        cell(c.weight, { align: 'right' }),
      ]),
    ];
    slide.addTable(rows, { x: 0.5, y: 2.95, w: 4.6, colW: [2.6, 1.0, 1.0], fontFace: FONT });
    const runs: TextRun[] = [
      {
        text: HEALTH_TEXT.activeTriggers,
        options: { bold: true, fontSize: 12, color: INK, breakLine: true },
      },
    ];
    if (h.triggers.length === 0)
      runs.push({ text: HEALTH_TEXT.noTriggers, options: { fontSize: 10, color: MUTED } });
    for (const t of h.triggers)
      runs.push(
        {
          text: `${t.name} · ${t.date}`,
          options: {
            bold: true,
            fontSize: 10,
            color: HEALTH_BAND_COLOR[t.bandKey],
            breakLine: true,
          },
        },
        { text: t.cause, options: { fontSize: 9, color: MUTED, breakLine: true } },
      );
    slide.addText(runs, {
      x: 5.4,
      y: 2.95,
      w: W - 0.5 - 5.4,
      h: 2.1,
      fontFace: FONT,
      valign: 'top',
      fit: 'shrink',
    });
    if (!k) muted(slide, HEALTH_TEXT.noKpis, 4.7);
  }
  if (k) {
    const slide = slideFor(deck, title, notes, part(count));
    if (!h) muted(slide, HEALTH_TEXT.noHealth, 4.75, 0.3);
    slide.addText(k.title, {
      x: 0.5,
      y: 0.85,
      w: CONTENT_W,
      h: 0.3,
      fontFace: FONT,
      fontSize: 11,
      bold: true,
      color: MUTED,
    });
    const compact: CellProps = { fontSize: 8.5, margin: [0.02, 0.05, 0.02, 0.05] };
    const head = header(
      [
        HEALTH_TEXT.kpi,
        HEALTH_TEXT.value,
        HEALTH_TEXT.rating,
        HEALTH_TEXT.target,
        HEALTH_TEXT.minimum,
        HEALTH_TEXT.benchmark,
        HEALTH_TEXT.bestInClass,
        HEALTH_TEXT.trend,
      ],
      [1, 3, 4, 5, 6],
    ).map((c) => ({ ...c, options: { ...c.options, ...compact } }));
    const rows: Cell[][] = [
      head,
      ...k.rows.map((r) => [
        cell(r.name, compact),
        cell(r.value, { ...compact, bold: true, align: 'right' }),
        cell(r.rating, {
          ...compact,
          bold: r.ratingKey !== null,
          color: (r.ratingKey && KPI_RATING_COLOR[r.ratingKey]) || MUTED,
        }),
        cell(r.target, { ...compact, align: 'right' }),
        cell(r.minimum, { ...compact, align: 'right' }),
        cell(r.benchmark, { ...compact, align: 'right' }),
        cell(r.bestInClass, { ...compact, align: 'right' }),
        cell(r.trend, compact),
      ]),
    ];
    slide.addTable(rows, {
      x: 0.5,
      y: 1.15,
      w: CONTENT_W,
      colW: [2.0, 0.95, 1.0, 0.8, 0.8, 0.85, 0.85, 1.75],
      rowH: KPI_ROW_H,
      fontFace: FONT,
      valign: 'middle',
    });
  }
}

/** A KPI row's height in inches: 18 rows (header and 17 KPIs) end above the footer at 5.15. */
export const KPI_ROW_H = 0.2;

const SLIDES: Readonly<Record<ReportSection, (deck: Deck, input: ReportInput) => void>> = {
  overview,
  goals,
  value,
  milestones,
  benchmarks,
  trends,
  health,
  recommendations,
};

/**
 * Renders the report as a 16:9 PowerPoint deck for a QBR: a title slide, then one or more
 * slides per requested section in order (long goal and milestone lists continue on further
 * slides), native editable charts for value delivered and trends, and speaker notes giving the
 * formula and inputs behind each slide's numbers. Works in Node and in browsers. The same input
 * gives the same bytes: every date in the package (document properties, zip entries, the chart
 * workbooks inside) is `input.generatedAt` (or the metrics' `as_of`), never the clock.
 *
 * @example
 * const pptx = await renderReportPptx({ metrics, account, sections: REPORT_SECTIONS, locale: 'en-US' });
 * await writeFile('acme-corp-success-report.pptx', pptx);
 */
export async function renderReportPptx(input: ReportInput): Promise<Uint8Array<ArrayBuffer>> {
  const { metrics: m, locale } = input;
  // Validated before any work: a bad generatedAt fails fast with its own message.
  const when = generatedAt(input);
  const c = m.customer;
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_16x9';
  deck.title = `${c.name}: success report`;
  deck.subject = `Customer success report for ${c.name}, ${periodLabel(m, locale)} (${m.metrics.period})`;
  deck.author = 'CSCX Success Kit';
  deck.company = 'CSCX';
  deck.theme = { headFontFace: FONT, bodyFontFace: FONT };
  deck.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { line: { x: 0.5, y: 5.15, w: CONTENT_W, h: 0, line: { color: LINE, width: 0.75 } } },
      {
        text: {
          text: `${c.name} · Success report`,
          options: { x: 0.5, y: 5.2, w: 7, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED },
        },
      },
    ],
    slideNumber: {
      x: 9.0,
      y: 5.2,
      w: 0.5,
      h: 0.3,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
      align: 'right',
    },
  });
  titleSlide(deck, input);
  for (const s of input.sections) SLIDES[s](deck, input);
  const out = await deck.write({ outputType: 'uint8array' });
  if (!(out instanceof Uint8Array)) throw new TypeError('pptxgenjs did not return bytes');
  return stableOoxml(out, when);
}
