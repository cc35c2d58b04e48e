// The report as a QBR deck (PRD-165 FR-165.17): 16:9 PowerPoint, one topic a slide, native
// charts a CSM can restyle in PowerPoint, and speaker notes saying where every number comes
// from. pptxgenjs XML-escapes every text it writes, so names from the data stay text.
import { formatDate, formatMoney } from '@cscx/success-calc';
import pptxgenModule from 'pptxgenjs';
import {
  type Brand,
  benchmarkTable,
  brandOf,
  DEFAULT_BRAND,
  derivation,
  executiveSummaryLines,
  fillIn,
  type GoalRow,
  generatedAt,
  goalRows,
  HEALTH_BAND_COLOR,
  headlineKpis,
  healthSummary,
  KPI_RATING_COLOR,
  kpiTable,
  MISSING,
  milestoneLists,
  periodLabel,
  periodName,
  provenance,
  type ReportText,
  reportText,
  rollupTable,
  STATUS_COLOR,
  segmentLabel,
  statusLabel,
  trendAltText,
  trendCaption,
  valueTable,
  valueWithUnit,
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
// The brand's colour and font: set by renderReportPptx for one deck while it lays the slides out,
// which it does synchronously (no await until the deck is written), so decks rendered at the
// same time never see each other's brand.
let ACCENT: string = DEFAULT_BRAND.color;
const GROUP_FILL = 'F5F7FA';
let FONT: string = DEFAULT_BRAND.font;
let LOGO: Brand['logo'] = null;
// The deck's words, in its locale: set with the brand for one deck, for the same reason.
let TX: ReportText = reportText(undefined);

/** The axis and data-label fonts of the deck's bar charts, in the brand's font (set per render). */
function barChartFonts() {
  return {
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 10,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 9,
    dataLabelFontFace: FONT,
    dataLabelFontSize: 10,
  };
}

/** "2 of 3": which slide of a section's run this is. */
const partOf = (i: number, count: number) => fillIn(TX, TX.deck.part, { part: i, count });
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

function addTable(slide: Slide, rows: Cell[][], colW: number[], y = 1.1, rowH?: number): void {
  slide.addTable(rows, {
    x: 0.5,
    y,
    w: CONTENT_W,
    colW,
    fontFace: FONT,
    valign: 'middle',
    ...(rowH === undefined ? {} : { rowH }),
  });
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
  if (LOGO)
    slide.addImage({
      data: `${LOGO.mediaType};base64,${LOGO.data}`,
      x: 7.4,
      y: 0.35,
      w: 2.1,
      h: 0.8,
      sizing: { type: 'contain', w: 2.1, h: 0.8 },
      altText: c.name,
    });
  slide.addText(TX.deck.kicker, {
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
      {
        text: `${periodLabel(m, locale)} (${periodName(m.metrics.period, locale)})`,
        options: { breakLine: true },
      },
      {
        text: `${segmentLabel(c.segment, locale)}${c.industry ? ` · ${c.industry}` : ''}`,
        options: { breakLine: true },
      },
      {
        text: `${TX.deck.generated} ${formatDate(generatedAt(input), { locale, style: 'long' })}`,
      },
    ],
    { x: 0.8, y: 3.0, w: 8.6, h: 1.0, fontFace: FONT, fontSize: 14, color: MUTED, valign: 'top' },
  );
  slide.addNotes(provenance(m, locale));
}

/** A white card with a grey rule: a container the card's text sits inside. */
function card(slide: Slide, x: number, y: number, w: number, h: number): void {
  slide.addShape('roundRect', {
    x,
    y,
    w,
    h,
    rectRadius: 0.08,
    fill: { color: 'FFFFFF' },
    line: { color: LINE, width: 1 },
    objectName: 'container:card',
  });
}

/** Text inside a {@link card}: inset from its rule, from the top, shrunk to fit. */
function cardText(
  slide: Slide,
  box: { x: number; y: number; w: number; h: number },
  runs: TextRun[],
): void {
  slide.addText(runs, {
    x: box.x + 0.15,
    y: box.y + 0.1,
    w: box.w - 0.3,
    h: box.h - 0.2,
    fontFace: FONT,
    valign: 'top',
    paraSpaceAfter: 4,
    fit: 'shrink',
  });
}

/** Executive summary: the four headline cards, then PRD-069's three summary lines. */
function overview(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const slide = slideFor(deck, TX.section.overview, derivation('overview', m, a, locale));
  const kpis = headlineKpis(m, locale);
  const gap = 0.2;
  const w = (CONTENT_W - gap * (kpis.length - 1)) / kpis.length;
  kpis.forEach((k, i) => {
    const x = 0.5 + i * (w + gap);
    card(slide, x, 1.1, w, 1.8);
    slide.addText(
      [
        {
          text: k.label.toUpperCase(),
          options: { fontSize: 10, bold: true, color: MUTED, breakLine: true },
        },
        { text: k.value, options: { fontSize: 30, bold: true, color: INK, breakLine: true } },
        { text: k.detail, options: { fontSize: 11, color: MUTED } },
      ],
      { x: x + 0.1, y: 1.15, w: w - 0.2, h: 1.7, fontFace: FONT, valign: 'top', fit: 'shrink' },
    );
  });
  slide.addText(TX.deck.executiveSummary, {
    x: 0.5,
    y: 3.1,
    w: CONTENT_W,
    h: 0.4,
    fontFace: FONT,
    fontSize: 14,
    bold: true,
    color: MUTED,
  });
  slide.addText(
    executiveSummaryLines(a, locale).map((l) => ({
      text: `${l.figure} ${l.words}`,
      options: { bullet: true, breakLine: true, paraSpaceAfter: 6 },
    })),
    {
      x: 0.5,
      y: 3.5,
      w: CONTENT_W,
      h: 1.5,
      fontFace: FONT,
      fontSize: 18,
      color: INK,
      valign: 'top',
      fit: 'shrink',
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

/**
 * The goals table: a one-metric goal (PRD-165's shorthand) is one row, its metric's figures on
 * the goal's line; a goal of several metrics is its row and then one row a metric.
 */
function goals(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('goals', m, a, locale);
  const pages = goalPages(goalRows(m.goals, locale, { mergeSingleMetric: true }));
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      TX.section.goals,
      notes,
      pages.length > 1 ? partOf(i + 1, pages.length) : undefined,
    );
    if (page.length === 0) {
      muted(slide, TX.deck.noGoals, 1.2);
      return;
    }
    const rows: Cell[][] = [
      header(
        [
          TX.deck.goalMetric,
          TX.deck.baseline,
          TX.deck.target,
          TX.deck.current,
          TX.deck.goalProgress,
          TX.deck.goalStatus,
        ],
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
    addTable(slide, rows, [3.3, 1.1, 1.1, 1.1, 1.1, 1.3], 1.1, 0.42);
  });
}

/** Value delivered: a native bar chart of the categories that delivered value, and the facts. */
function value(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const slide = slideFor(deck, TX.section.value, derivation('value', m, a, locale));
  const v = valueTable(a, m, locale);
  const cur = a.value_summary.currency;
  // Only what delivered money: a category at 0 (hours without a rate, or not measured yet) is
  // in the table beside the chart, never a zero bar.
  // A horizontal bar chart draws its first category at the bottom: reversed, it reads top-down.
  const bars = a.value_summary.categories.filter((c) => c.annual_value > 0).reverse();
  if (bars.length === 0) muted(slide, TX.deck.noValue, 1.2);
  else
    slide.addChart(
      'bar',
      [
        {
          name: `${TX.deck.annualValue} (${cur})`,
          labels: bars.map((c) => c.label),
          values: bars.map((c) => c.annual_value),
        },
      ],
      {
        x: 0.5,
        y: 1.1,
        w: 5.3,
        h: 3.9,
        barDir: 'bar',
        chartColors: [ACCENT],
        showValue: true,
        dataLabelFormatCode: '#,##0',
        valAxisLabelFormatCode: '#,##0',
        valAxisMinVal: 0,
        ...barChartFonts(),
        showTitle: true,
        title: TX.deck.valueByCategory,
        titleFontFace: FONT,
        titleFontSize: 12,
        showLegend: true,
        legendPos: 'b',
        legendFontFace: FONT,
        legendFontSize: 9,
        altText: bars
          .map((c) => `${c.label}: ${formatMoney(c.annual_value, cur, { locale })}`)
          .join('; '),
      },
    );
  const facts: Cell[][] = [
    ...v.facts.map(([k, x]) => [
      cell(k, { color: MUTED, fontSize: 10 }),
      cell(x, { bold: true, align: 'right', fontSize: 10 }),
    ]),
    [
      cell(TX.deck.totalPerYear, { color: MUTED, fontSize: 10 }),
      cell(v.total.annualValue, { bold: true, align: 'right', fontSize: 10 }),
    ],
  ];
  const rowH = 0.3;
  slide.addTable(facts, {
    x: 6.0,
    y: 1.1,
    w: 3.5,
    colW: [1.7, 1.8],
    rowH,
    fontFace: FONT,
    valign: 'middle',
  });
  const after = 1.1 + facts.length * rowH + 0.15;
  slide.addText(v.notes.join(' '), {
    x: 6.0,
    y: after,
    w: 3.5,
    h: Math.max(0.4, 5.0 - after),
    fontFace: FONT,
    fontSize: 9,
    color: MUTED,
    valign: 'top',
    fit: 'shrink',
  });
}

/** Table rows (accounts and totals) per slide of "Accounts in this group", under its header. */
const ROLLUP_ROWS_PER_SLIDE = 9;
const ROLLUP_ROW_H = 0.3;

/**
 * The rollup's rows as slides: full slides of accounts, then the last accounts with every
 * total, so the totals are never split from each other nor left alone on a slide.
 */
function rollupPages<T>(rows: readonly T[], totals: readonly T[]): T[][] {
  const cap = ROLLUP_ROWS_PER_SLIDE;
  if (totals.length >= cap) return chunks([...rows, ...totals], cap);
  const pages: T[][] = [];
  let rest = [...rows];
  while (rest.length + totals.length > cap) {
    const take = Math.max(1, Math.min(cap, rest.length - 1));
    pages.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  pages.push([...rest, ...totals]);
  return pages;
}

/**
 * Accounts in this group: the group's goals in one line, the parent and its children, then the
 * totals per currency (several slides for a large group), the notes under the last table.
 */
function rollup(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('rollup', m, a, locale);
  const r = rollupTable(m, locale);
  const title = TX.section.rollup;
  if (!r.ok) {
    muted(slideFor(deck, title, notes), r.note, 1.2);
    return;
  }
  const pages = rollupPages(r.rows, r.totals);
  pages.forEach((rows, i) => {
    const slide = slideFor(
      deck,
      title,
      notes,
      pages.length > 1 ? partOf(i + 1, pages.length) : undefined,
    );
    slide.addText(r.summary, {
      x: 0.5,
      y: 1.0,
      w: CONTENT_W,
      h: 0.35,
      fontFace: FONT,
      fontSize: 12,
      color: INK,
      fit: 'shrink',
    });
    const totalBorder: CellProps['border'] = [
      { pt: 1, color: MUTED },
      { type: 'none' },
      { pt: 0.5, color: LINE },
      { type: 'none' },
    ];
    addTable(
      slide,
      [
        header(r.headers, [1, 2, 3, 4, 5]),
        ...rows.map((x) => {
          const o: CellProps = x.total ? { bold: true, border: totalBorder } : {};
          return [
            cell(x.name, { ...o, fontSize: 10 }),
            ...[x.goals, x.atRisk, x.value, x.score, x.roi].map((t) =>
              cell(t, { ...o, align: 'right', fontSize: 10 }),
            ),
          ];
        }),
      ],
      [3.0, 1.4, 0.9, 1.7, 1.1, 0.9],
      1.4,
      ROLLUP_ROW_H,
    );
    if (i === pages.length - 1)
      slide.addText(r.notes.join(' '), {
        x: 0.5,
        y: 1.4 + (ROLLUP_ROWS_PER_SLIDE + 1) * ROLLUP_ROW_H + 0.1,
        w: CONTENT_W,
        h: 0.6,
        fontFace: FONT,
        fontSize: 9,
        color: MUTED,
        valign: 'top',
        fit: 'shrink',
      });
  });
}

/** Milestones on a timeline, in date order: achieved ones, then the ones coming up. */
function milestones(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const l = milestoneLists(m, a, locale);
  const notes = derivation('milestones', m, a, locale);
  const items = [...l.achieved, ...l.upcoming];
  if (items.length === 0) {
    muted(slideFor(deck, TX.section.milestones, notes), TX.deck.noMilestones, 1.2);
    return;
  }
  // At most five a slide, spread evenly over the slides (7 gives 4 + 3, not 5 + 2).
  const perSlide = Math.ceil(items.length / Math.ceil(items.length / 5));
  const pages = chunks(items, perSlide);
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      TX.section.milestones,
      notes,
      pages.length > 1 ? partOf(i + 1, pages.length) : undefined,
    );
    const slot = CONTENT_W / page.length;
    const dot = 0.24;
    const lineY = 2.05;
    page.forEach((it, j) => {
      const cx = 0.5 + slot * (j + 0.5);
      const color = (it.statusKey && STATUS_COLOR[it.statusKey]) || MUTED;
      // The rule between this dot and the next, so the timeline reads left to right.
      if (j < page.length - 1)
        slide.addShape('rect', {
          x: cx + dot / 2 + 0.05,
          y: lineY - 0.015,
          w: slot - dot - 0.1,
          h: 0.03,
          fill: { color: LINE },
          line: { color: LINE },
        });
      slide.addShape('ellipse', {
        x: cx - dot / 2,
        y: lineY - dot / 2,
        w: dot,
        h: dot,
        fill: { color },
        line: { color },
      });
      slide.addText(it.date, {
        x: cx - slot / 2 + 0.05,
        y: 1.3,
        w: slot - 0.1,
        h: 0.5,
        fontFace: FONT,
        fontSize: 13,
        bold: true,
        color: INK,
        align: 'center',
        valign: 'bottom',
      });
      slide.addText(
        [
          { text: it.name, options: { bold: true, fontSize: 13, color: INK, breakLine: true } },
          { text: it.status, options: { bold: true, fontSize: 11, color, breakLine: true } },
          ...(it.detail ? [{ text: it.detail, options: { fontSize: 10, color: MUTED } }] : []),
        ],
        {
          x: cx - slot / 2 + 0.05,
          y: 2.35,
          w: slot - 0.1,
          h: 2.6,
          fontFace: FONT,
          align: 'center',
          valign: 'top',
          fit: 'shrink',
        },
      );
    });
  });
}

/** Benchmarks: the table, then each figure's percentile among peers as a native bar chart. */
function benchmarks(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const slide = slideFor(deck, TX.section.benchmarks, derivation('benchmarks', m, a, locale));
  const b = benchmarkTable(a, locale);
  if (!b.ok || !a.benchmarks) {
    muted(slide, b.note, 1.2);
    return;
  }
  const rowH = 0.3;
  addTable(
    slide,
    [
      header([TX.deck.metric, a.customer.name, TX.deck.peerAverage, TX.deck.percentile], [1, 2, 3]),
      ...b.rows.map(([label, ...nums]) => [
        cell(label),
        ...nums.map((n) => cell(n, { align: 'right' })),
      ]),
    ],
    [3.6, 1.8, 1.8, 1.8],
    1.1,
    rowH,
  );
  const tableEnd = 1.1 + (b.rows.length + 1) * rowH;
  muted(slide, b.note, tableEnd + 0.05, 0.3);
  const ranked = a.benchmarks.rows.filter((r) => r.percentile !== null).reverse();
  if (ranked.length === 0) return;
  const top = tableEnd + 0.4;
  slide.addChart(
    'bar',
    [
      {
        name: TX.deck.percentile,
        labels: ranked.map((r) => r.label),
        values: ranked.map((r) => Math.round(r.percentile ?? 0)),
      },
    ],
    {
      x: 0.5,
      y: top,
      w: CONTENT_W,
      h: 5.0 - top,
      barDir: 'bar',
      chartColors: [ACCENT],
      showValue: true,
      dataLabelFormatCode: '0',
      valAxisMinVal: 0,
      valAxisMaxVal: 100,
      ...barChartFonts(),
      showLegend: true,
      legendPos: 'r',
      legendFontFace: FONT,
      legendFontSize: 9,
      altText: b.rows.map(([label, , , p]) => `${label}: ${p}`).join('; '),
    },
  );
}

/** Days since 1899-12-30: how a chart's date axis stores a date. */
function serialDate(iso: string): number {
  const [y, mo, d] = iso.slice(0, 10).split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 864e5);
}

/**
 * One metric's measurements and target as a native line chart on a date axis (points placed by
 * their dates, not evenly), with a legend; the chart's title is the metric.
 */
function trendChart(
  slide: Slide,
  t: ProgressTrend,
  locale: string,
  box: { x: number; y: number; w: number; h: number },
): void {
  if (t.points.length === 0) {
    slide.addText(
      [
        { text: t.name, options: { bold: true, fontSize: 12, color: INK, breakLine: true } },
        { text: TX.trend.noMeasurements, options: { fontSize: 10, color: MUTED } },
      ],
      { ...box, h: Math.min(box.h, 0.8), fontFace: FONT, valign: 'top' },
    );
    return;
  }
  const labels = t.points.map((p) => String(serialDate(p.date)));
  const unit = t.unit ? ` (${t.unit})` : '';
  slide.addChart(
    'line',
    [
      { name: `${TX.trend.measured}${unit}`, labels, values: t.points.map((p) => p.value) },
      { name: `${TX.trend.target}${unit}`, labels, values: t.points.map(() => t.target) },
    ],
    {
      ...box,
      chartColors: [ACCENT, '1A7F43'],
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 6,
      catLabelFormatCode: 'mmm d',
      catAxisBaseTimeUnit: 'days',
      catAxisMajorTimeUnit: 'months',
      catAxisMajorUnit: 1,
      catAxisLabelFontSize: 9,
      valAxisLabelFontSize: 9,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontFace: FONT,
      valAxisLabelFormatCode: '#,##0.##',
      showTitle: true,
      title: t.name,
      titleFontFace: FONT,
      titleFontSize: 12,
      showLegend: true,
      legendPos: 'b',
      legendFontFace: FONT,
      legendFontSize: 9,
      altText: trendAltText(t, locale),
    },
  );
}

/**
 * One slide a goal: its metrics' charts on the left (two a slide), and on the right a card with
 * its status, progress, annual value and metrics, every figure as the goals table shows it.
 */
function goalSlides(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const [lines, ...rest] = derivation('trends', m, a, locale);
  const notes = [
    lines ? lines.replace(TX.trend.chartLines, TX.trend.deckLines) : TX.trend.deckLines,
    ...rest,
  ];
  if (m.goals.length === 0) {
    muted(slideFor(deck, TX.section.trends, notes), TX.deck.noCharts, 1.2);
    return;
  }
  for (const g of m.goals) {
    const trends = m.trends.filter((t) => t.goal_id === g.id);
    const row = goalRows([g], locale)[0];
    const pages = chunks(trends, 2);
    pages.forEach((page, i) => {
      const slide = slideFor(
        deck,
        g.name,
        notes,
        pages.length > 1 ? partOf(i + 1, pages.length) : undefined,
      );
      if (row) muted(slide, row.sub, 0.9, 0.3);
      const chartW = 5.8;
      const top = 1.25;
      const h = (5.0 - top - 0.1 * (page.length - 1)) / Math.max(1, page.length);
      page.forEach((t, j) => {
        trendChart(slide, t, locale, { x: 0.5, y: top + j * (h + 0.1), w: chartW, h });
      });
      if (page.length === 0) muted(slide, TX.trend.noMeasurements, top);
      goalCard(slide, g, m.metrics.currency, trends, locale, {
        x: 6.5,
        y: top,
        w: W - 0.5 - 6.5,
        h: 5.0 - top,
      });
    });
  }
}

function goalCard(
  slide: Slide,
  g: ReportInput['metrics']['goals'][number],
  cur: string,
  trends: readonly ProgressTrend[],
  locale: string,
  box: { x: number; y: number; w: number; h: number },
): void {
  const row = goalRows([g], locale)[0];
  card(slide, box.x, box.y, box.w, box.h);
  const color = (g.status && STATUS_COLOR[g.status]) || MUTED;
  const label = (text: string): TextRun => ({
    text: text.toUpperCase(),
    options: { fontSize: 9, bold: true, color: MUTED, breakLine: true },
  });
  // Nothing measured yet but value at target: say so, never "$0 delivered" (DESIGN.md).
  const measured = !(g.annual_value === 0 && (g.projected_value ?? 0) > 0);
  const runs: TextRun[] = [
    label(TX.deck.goalStatus),
    { text: row?.status ?? MISSING, options: { fontSize: 16, bold: true, color, breakLine: true } },
    label(TX.deck.goalProgress),
    {
      text: row?.progress ?? MISSING,
      options: { fontSize: 26, bold: true, color: INK, breakLine: true },
    },
    label(measured ? TX.deck.goalValue : TX.deck.goalProjected),
    {
      text: formatMoney(measured ? g.annual_value : (g.projected_value ?? 0), cur, { locale }),
      options: { fontSize: 20, bold: true, color: INK, breakLine: true },
    },
  ];
  for (const mt of g.metrics) {
    const trend = trends.find((t) => t.metric_id === mt.id);
    runs.push(
      { text: mt.name, options: { fontSize: 10, bold: true, color: INK, breakLine: true } },
      {
        text: `${TX.deck.baseline} ${valueWithUnit(mt.baseline_value, mt.unit, locale)} · ${TX.deck.current} ${valueWithUnit(mt.current_value, mt.unit, locale)}`,
        options: { fontSize: 9, color: MUTED, breakLine: true },
      },
      // Target, latest measurement and forecast, as the PDF's chart caption reads.
      ...(trend
        ? [
            {
              text: trendCaption(trend, locale),
              options: { fontSize: 9, color: MUTED, breakLine: true },
            },
          ]
        : []),
    );
  }
  cardText(slide, box, runs);
}

/** Recommended actions for goals behind, and beside them the next steps: upcoming milestones. */
function recommendations(deck: Deck, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const notes = derivation('recommendations', m, a, locale);
  const upcoming = milestoneLists(m, a, locale).upcoming;
  const recs = a.recommendations ?? [];
  const pages = recs.length === 0 ? [[]] : chunks(recs, 2);
  pages.forEach((page, i) => {
    const slide = slideFor(
      deck,
      TX.section.recommendations,
      notes,
      pages.length > 1 ? partOf(i + 1, pages.length) : undefined,
    );
    const runs: TextRun[] = [];
    if (page.length === 0)
      runs.push({ text: TX.deck.noActions, options: { fontSize: 14, color: MUTED } });
    for (const r of page) {
      // The goal's figures as the goals table prints them, so the action reads against them.
      const goal = m.goals.find((g) => g.id === r.goal_id);
      const row = goal ? goalRows([goal], locale, { mergeSingleMetric: true })[0] : undefined;
      runs.push(
        { text: r.goal_name, options: { bold: true, fontSize: 20, color: INK } },
        {
          text: `  ${statusLabel(r.status, TX.locale)}`,
          options: {
            bold: true,
            fontSize: 13,
            color: STATUS_COLOR[r.status] ?? MUTED,
            breakLine: true,
          },
        },
      );
      if (row)
        runs.push({
          text: [
            `${TX.deck.goalProgress} ${row.progress}`,
            ...(row.current ? [`${TX.deck.current} ${row.current}`] : []),
            ...(row.target ? [`${TX.deck.target} ${row.target}`] : []),
          ].join(' · '),
          options: { fontSize: 13, color: MUTED, breakLine: true },
        });
      for (const item of r.items) {
        const { action, reason } = TX.vocabulary.recommendation(item);
        runs.push(
          {
            text: `${TX.priority[item.priority] ?? item.priority}: `,
            options: {
              bold: true,
              fontSize: 17,
              color: INK,
              bullet: { type: 'number' },
              indentLevel: 1,
            },
          },
          { text: action, options: { fontSize: 17, color: INK, breakLine: true } },
          {
            text: reason,
            options: { fontSize: 13, color: MUTED, indentLevel: 1, breakLine: true },
          },
        );
      }
    }
    slide.addText(runs, {
      x: 0.5,
      y: 1.1,
      w: 5.6,
      h: 3.9,
      fontFace: FONT,
      valign: 'top',
      paraSpaceAfter: 6,
      fit: 'shrink',
    });
    const box = { x: 6.4, y: 1.1, w: W - 0.5 - 6.4, h: 3.9 };
    card(slide, box.x, box.y, box.w, box.h);
    const steps: TextRun[] = [
      {
        text: TX.deck.nextSteps.toUpperCase(),
        options: { fontSize: 10, bold: true, color: MUTED, breakLine: true },
      },
    ];
    if (upcoming.length === 0)
      steps.push({ text: TX.deck.noNextSteps, options: { fontSize: 12, color: MUTED } });
    for (const u of upcoming)
      steps.push(
        { text: u.date, options: { fontSize: 13, bold: true, color: MUTED, breakLine: true } },
        { text: u.name, options: { fontSize: 16, bold: true, color: INK, breakLine: true } },
        {
          text: u.status,
          options: {
            fontSize: 13,
            bold: true,
            color: (u.statusKey && STATUS_COLOR[u.statusKey]) || MUTED,
            breakLine: true,
          },
        },
        ...(u.detail
          ? [{ text: u.detail, options: { fontSize: 13, color: MUTED, breakLine: true } }]
          : []),
      );
    cardText(slide, box, steps);
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
    objectName: 'container:card',
  });
  slide.addShape('rect', {
    x: 0.5,
    y: 1.2,
    w: 0.08,
    h: 1.4,
    fill: { color },
    line: { color },
    objectName: 'container:band',
  });
  slide.addText(
    [
      {
        text: TX.health.score.toUpperCase(),
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
  slide.addText(`${TX.health.history} · ${h.historyCaption}`, {
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
  const title = TX.section.health;
  if (!h && !k) {
    muted(slideFor(deck, title, notes), TX.health.none, 1.2);
    return;
  }
  const count = (h ? 1 : 0) + (k ? 1 : 0);
  const part = (i: number) => (count > 1 ? partOf(i, count) : undefined);
  if (h) {
    const slide = slideFor(deck, title, notes, part(1));
    healthTile(slide, h);
    healthHistory(slide, h);
    const rows: Cell[][] = [
      header([TX.health.component, TX.health.componentScore, TX.health.weight], [1, 2]),
      ...h.components.map((c) => [
        cell(c.name),
        cell(c.score, { align: 'right' }),
        cell(c.weight, { align: 'right' }),
      ]),
    ];
    slide.addTable(rows, { x: 0.5, y: 2.95, w: 4.6, colW: [2.6, 1.0, 1.0], fontFace: FONT });
    const runs: TextRun[] = [
      {
        text: TX.health.activeTriggers,
        options: { bold: true, fontSize: 12, color: INK, breakLine: true },
      },
    ];
    if (h.triggers.length === 0)
      runs.push({ text: TX.health.noTriggers, options: { fontSize: 10, color: MUTED } });
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
    if (!k) muted(slide, TX.health.noKpis, 4.7);
  }
  if (k) {
    const slide = slideFor(deck, title, notes, part(count));
    if (!h) muted(slide, TX.health.noHealth, 4.75, 0.3);
    slide.addText(k.title, {
      x: 0.5,
      y: 0.9,
      w: CONTENT_W,
      h: 0.28,
      fontFace: FONT,
      fontSize: 11,
      bold: true,
      color: MUTED,
    });
    const compact: CellProps = { fontSize: 8.5, margin: [0.02, 0.05, 0.02, 0.05] };
    const head = header(
      [
        TX.health.kpi,
        TX.health.value,
        TX.health.rating,
        TX.health.target,
        TX.health.minimum,
        TX.health.benchmark,
        TX.health.bestInClass,
        TX.health.trend,
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
      y: 1.2,
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
  rollup,
  goals,
  value,
  milestones,
  benchmarks,
  trends: goalSlides,
  health,
  recommendations,
};

/**
 * The deck's order: each goal's own slide follows the goals table, so a CSM walks from the
 * overview of goals into each one; the other sections keep the order asked for.
 */
export function deckSections(sections: readonly ReportSection[]): ReportSection[] {
  if (!sections.includes('goals') || !sections.includes('trends')) return [...sections];
  const out: ReportSection[] = sections.filter((s) => s !== 'trends');
  out.splice(out.indexOf('goals') + 1, 0, 'trends');
  return out;
}

function defineMaster(deck: Deck, customerName: string): void {
  deck.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { line: { x: 0.5, y: 5.15, w: CONTENT_W, h: 0, line: { color: LINE, width: 0.75 } } },
      {
        text: {
          text: `${customerName} · ${TX.deck.footer}`,
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
}

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
  const brand = brandOf(input);
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_16x9';
  const tx = reportText(locale);
  deck.title = fillIn(tx, tx.text.documentTitle, { name: c.name });
  deck.subject = fillIn(tx, tx.text.subject, {
    name: c.name,
    period: periodLabel(m, locale),
    periodName: periodName(m.metrics.period, locale),
  });
  deck.author = 'CSCX Success Kit';
  deck.company = 'CSCX';
  [ACCENT, FONT, LOGO, TX] = [brand.color, brand.font, brand.logo, tx];
  try {
    deck.theme = { headFontFace: FONT, bodyFontFace: FONT };
    defineMaster(deck, c.name);
    titleSlide(deck, input);
    for (const s of deckSections(input.sections)) SLIDES[s](deck, input);
  } finally {
    [ACCENT, FONT, LOGO, TX] = [
      DEFAULT_BRAND.color,
      DEFAULT_BRAND.font,
      null,
      reportText(undefined),
    ];
  }
  const out = await deck.write({ outputType: 'uint8array' });
  if (!(out instanceof Uint8Array)) throw new TypeError('pptxgenjs did not return bytes');
  return stableOoxml(out, when, 'DEFLATE', deckLanguage(locale, brand.font));
}

/**
 * East Asian typefaces PowerPoint has for a language: pptxgenjs gives every run one typeface for
 * Latin, East Asian and complex scripts alike, and a Latin brand font (Arial) has no kana.
 */
const EAST_ASIAN_FONT: Readonly<Record<string, string>> = { ja: 'Yu Gothic' };

/**
 * The deck's language in its XML: pptxgenjs marks every run `lang="en-US"` (its default), which
 * would have PowerPoint spell-check German as English; for Japanese the runs also name an East
 * Asian typeface. US English needs no rewrite (its bytes stay as pptxgenjs writes them).
 */
function deckLanguage(
  locale: string,
  font: string,
): ((name: string, xml: string) => string) | undefined {
  if (locale === 'en-US') return undefined;
  const tag = escapeXmlAttr(locale);
  const ea = EAST_ASIAN_FONT[locale.split('-')[0]?.toLowerCase() ?? ''];
  const face = escapeXmlAttr(font);
  return (name, xml) => {
    if (!/^ppt\/(slides|notesSlides|charts|slideMasters|slideLayouts)\/[^/]+\.xml$/.test(name))
      return xml;
    const withLang = xml.replace(/\blang="en-US"/g, `lang="${tag}"`);
    return ea === undefined
      ? withLang
      : withLang.replaceAll(`<a:ea typeface="${face}"`, `<a:ea typeface="${ea}"`);
  };
}

/** Text for an XML attribute value. */
function escapeXmlAttr(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
