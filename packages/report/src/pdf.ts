// The report as a PDF (PRD-165 FR-165.16, TC-165.3): a cover with the headline numbers, then the
// requested sections in order. DejaVu Sans is embedded (pdfkit subsets it) because the 14
// standard PDF fonts only cover Latin-1 and customer names arrive in any script. Tables never
// cut a row and repeat their header on each page; charts are vector (Vega SVG via svg-to-pdfkit).
// The PDF is tagged (PDF/UA's structure): headings, paragraphs, lists, tables with header cells
// and figures with alternate text, in reading order; rules, frames, bars, repeated table headers
// and page footers are artifacts, so assistive technology reads the report and skips decoration.
import { formatDate, formatMoney } from '@cscx/success-calc';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { trendChartSvg } from './chart-svg.js';
import {
  type Brand,
  benchmarkTable,
  brandOf,
  DEFAULT_BRAND,
  derivation,
  executiveSummary,
  fillIn,
  generatedAt,
  goalRows,
  HEALTH_BAND_COLOR,
  headlineKpis,
  healthSummary,
  KPI_RATING_COLOR,
  type Kpi,
  kpiTable,
  milestoneLists,
  periodLabel,
  periodName,
  provenance,
  reportText,
  rollupTable,
  STATUS_COLOR,
  segmentLabel,
  statusLabel,
  trendAltText,
  trendCaption,
  valueTable,
} from './sections.js';
import type { ReportInput, ReportSection } from './types.js';

/** The two faces of the embedded font, as TrueType or OpenType bytes (a single font or a collection). */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  /** In a font collection (.ttc), the PostScript name of the regular face, e.g. `NotoSansCJKjp-Regular`. */
  readonly regularName?: string | undefined;
  /** In a font collection (.ttc), the PostScript name of the bold face. */
  readonly boldName?: string | undefined;
}

export interface PdfOptions {
  /**
   * The fonts to embed. In Node they default to DejaVu Sans from `dejavu-fonts-ttf`, and for a
   * Japanese report to the system's Noto Sans CJK (Debian's `fonts-noto-cjk`); in a browser
   * pass the bytes (fetched from wherever the host serves them). For a Japanese report they
   * must carry Japanese glyphs.
   */
  readonly fonts?: PdfFonts | undefined;
}

/**
 * A report's language needs glyphs the PDF's fonts do not have (Japanese without a CJK font):
 * thrown instead of printing empty boxes. Install Noto Sans CJK (`fonts-noto-cjk`) or pass
 * `fonts` with Japanese glyphs.
 *
 * @example
 * try { await renderReportPdf(input); } catch (e) { if (e instanceof ReportFontError) ... }
 */
export class ReportFontError extends Error {
  override readonly name = 'ReportFontError';
  constructor(
    /** The report's locale. */
    readonly locale: string,
  ) {
    super(
      `A ${locale} PDF needs a font with its script's glyphs and none was found: install Noto Sans CJK (Debian: fonts-noto-cjk) or pass PdfOptions.fonts with such a font.`,
    );
  }
}

/** Languages whose words DejaVu Sans cannot draw (no CJK glyphs). */
const CJK = /^(ja|zh|ko)(-|$)/i;

/**
 * Where Linux distributions install Noto Sans CJK (Debian and Ubuntu's fonts-noto-cjk, Fedora,
 * Arch), with the faces of the Japanese variant inside the collections.
 */
const NOTO_CJK_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/OTF',
];

let cjkFonts: Promise<PdfFonts | null> | undefined;

/** The system's Noto Sans CJK JP, read once per process; null without one (or outside Node). */
function nodeCjkFonts(): Promise<PdfFonts | null> {
  cjkFonts ??= (async () => {
    if (typeof process === 'undefined' || !process.versions?.node) return null;
    const { readFile } = await import('node:fs/promises');
    for (const dir of NOTO_CJK_DIRS) {
      try {
        const [regular, bold] = await Promise.all([
          readFile(`${dir}/NotoSansCJK-Regular.ttc`),
          readFile(`${dir}/NotoSansCJK-Bold.ttc`),
        ]);
        return {
          regular,
          bold,
          regularName: 'NotoSansCJKjp-Regular',
          boldName: 'NotoSansCJKjp-Bold',
        };
      } catch {
        // Not installed here: the next place.
      }
    }
    return null;
  })();
  return cjkFonts;
}

/** The fonts a report in `locale` embeds: the caller's, else DejaVu Sans or a CJK font. */
async function fontsFor(locale: string, given: PdfFonts | undefined): Promise<PdfFonts> {
  if (given) return given;
  if (!CJK.test(locale)) return nodeFonts();
  const cjk = await nodeCjkFonts();
  if (!cjk) throw new ReportFontError(locale);
  return cjk;
}

const INK = '#1c2430';
const MUTED = '#5b6675';
const LINE = '#d9dee5';
/** Each document's brand (its colour, its logo), set once when the document is made. */
const BRANDS = new WeakMap<object, Brand>();
/** Base64 SVG bytes as text (UTF-8), in Node and browsers alike. */
const svgText = (base64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)));
const accent = (doc: object) => `#${(BRANDS.get(doc) ?? { color: DEFAULT_BRAND.color }).color}`;
const TRACK = '#edf0f4';
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const MARGIN = { top: 56, bottom: 56, left: 48, right: 48 };
const PAD = 4;

let defaultFonts: Promise<PdfFonts> | undefined;

/** DejaVu Sans from the dejavu-fonts-ttf package, read once per process. */
function nodeFonts(): Promise<PdfFonts> {
  defaultFonts ??= (async () => {
    const [{ readFile }, { createRequire }] = await Promise.all([
      import('node:fs/promises'),
      import('node:module'),
    ]);
    const require = createRequire(import.meta.url);
    const [regular, bold] = await Promise.all([
      readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    ]);
    return { regular, bold };
  })();
  return defaultFonts;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** pdfkit's options for a structure element, with the attributes its types leave out. */
interface StructOptions {
  readonly alt?: string;
  /** [left, top, right, bottom] in page coordinates from the top left. */
  readonly bbox?: readonly [number, number, number, number];
  readonly scope?: 'Row' | 'Column' | 'Both';
}

// Where new content goes in the structure tree: the document, a section, a list, a table row.
const PARENT = new WeakMap<Doc, Struct>();

function parentOf(doc: Doc): Struct {
  const parent = PARENT.get(doc);
  if (!parent) throw new Error('pdf: content drawn outside the structure tree');
  return parent;
}

/**
 * Paints `draw` as an artifact: decoration (rules, frames, bars, shading) or pagination (page
 * footers, a table header repeated on a new page) that a screen reader skips. Never called
 * inside `mark`: pdfkit closes any open structure content when an artifact starts.
 */
function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** Content of one structure element (P, H1, TD, Figure...) under the current parent. */
function mark(doc: Doc, tag: string, draw: () => void, options: StructOptions = {}): void {
  // pdfkit runs `draw` as soon as the element joins the (already attached) tree.
  parentOf(doc).add(doc.struct(tag, options as PDFKit.Mixins.StructureElementOptions, draw));
}

/** A grouping element (Sect, L, Table, TR...) under the current parent. */
function open(doc: Doc, tag: string): Struct {
  const el = doc.struct(tag);
  parentOf(doc).add(el);
  return el;
}

/** Runs `body` with `el` as the parent of what it draws. */
function inside(doc: Doc, el: Struct, body: () => void): void {
  const outer = parentOf(doc);
  PARENT.set(doc, el);
  try {
    body();
  } finally {
    PARENT.set(doc, outer);
  }
}

function hex(color: string): string {
  return color.startsWith('#') ? color : `#${color}`;
}

function statusColor(key: string | null): string {
  return hex((key && STATUS_COLOR[key]) || MUTED);
}

/** The writable area of the current page. */
function frame(doc: Doc) {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  return { left, right, width: right - left, bottom: doc.page.height - doc.page.margins.bottom };
}

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > frame(doc).bottom) doc.addPage();
}

/** A paragraph (or the element `o.tag`) across the frame's width. */
function text(
  doc: Doc,
  s: string,
  o: { size?: number; bold?: boolean; color?: string; gap?: number; tag?: string } = {},
): void {
  const f = frame(doc);
  mark(doc, o.tag ?? 'P', () => {
    doc
      .font(o.bold ? BOLD : REGULAR)
      .fontSize(o.size ?? 10)
      .fillColor(o.color ?? INK)
      .text(s, f.left, doc.y, { width: f.width });
  });
  if (o.gap) doc.y += o.gap;
}

function heading(doc: Doc, title: string): void {
  // A heading never ends a page alone: keep room for it and the first lines under it.
  ensureSpace(doc, 90);
  doc.y += 10;
  text(doc, title, { size: 15, bold: true, tag: 'H2' });
  const f = frame(doc);
  artifact(doc, () => {
    doc
      .moveTo(f.left, doc.y + 2)
      .lineTo(f.right, doc.y + 2)
      .lineWidth(0.75)
      .strokeColor(LINE)
      .stroke();
  });
  doc.y += 8;
}

function note(doc: Doc, s: string): void {
  ensureSpace(doc, 14);
  text(doc, s, { size: 8, color: MUTED, gap: 2 });
}

// ------------------------------------------------------------------------------------ tables

interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

interface Cell {
  readonly text: string;
  readonly sub?: string;
  readonly bold?: boolean;
  readonly color?: string;
  readonly indent?: number;
  /** Draws a progress bar for this percent before the text. */
  readonly bar?: number | null;
}

interface Row {
  readonly cells: readonly Cell[];
  /** Shaded group row (a goal above its metrics, a list heading). */
  readonly group?: boolean;
  /** Never the last row of a page (a goal stays with its first metric). */
  readonly keepWithNext?: boolean;
  readonly total?: boolean;
}

const BAR_WIDTH = 34;
// No row taller than this: a pathological cell is cut with an ellipsis rather than overflowing.
const MAX_ROW_HEIGHT = 200;

function cellWidth(col: Column, cell: Cell): number {
  return col.width - 2 * PAD - (cell.indent ?? 0) - (cell.bar !== undefined ? BAR_WIDTH + 4 : 0);
}

/**
 * The font size at which every word of `text` fits `width` (the current font), at most `size`:
 * pdfkit breaks a word too long for its column between letters ("Übertroff/en" in German), so
 * such a word is set a little smaller instead, never below `least` of `size` (headers, in
 * capitals, may go smaller than cells). Text whose words fit keeps its size, so English layouts
 * stay as they were.
 */
function wordFit(doc: Doc, text: string, size: number, width: number, least = 0.75): number {
  doc.fontSize(size);
  const longest = Math.max(0, ...text.split(/\s+/).map((w) => doc.widthOfString(w)));
  if (longest <= width) return size;
  // A little under the exact fit: pdfkit wraps a word that fills its width to the last point.
  return Math.max(size * least, Math.floor(((size * width) / longest) * 97) / 100);
}

function rowHeight(doc: Doc, cols: readonly Column[], row: Row, size: number): number {
  let h = 0;
  row.cells.forEach((cell, i) => {
    const col = cols[i];
    if (!col) return;
    const width = cellWidth(col, cell);
    doc.font(cell.bold || row.group || row.total ? BOLD : REGULAR);
    doc.fontSize(wordFit(doc, cell.text, size, width));
    let ch = doc.heightOfString(cell.text || ' ', { width });
    if (cell.sub)
      ch +=
        doc
          .font(REGULAR)
          .fontSize(size - 1.5)
          .heightOfString(cell.sub, { width }) + 1;
    h = Math.max(h, ch);
  });
  return Math.min(h, MAX_ROW_HEIGHT) + 2 * PAD;
}

/**
 * The header row: the table's first row of TH cells, or, repeated at the top of a further
 * page, an artifact (the structure has the header once).
 */
function drawHeader(doc: Doc, cols: readonly Column[], size: number, repeated: boolean): void {
  const f = frame(doc);
  const y = doc.y;
  doc
    .font(BOLD)
    .fontSize(size - 1.5)
    .fillColor(MUTED);
  let h = 0;
  const headerSize = (col: Column) =>
    wordFit(doc.font(BOLD), col.header.toUpperCase(), size - 1.5, col.width - 2 * PAD, 0.6);
  for (const col of cols) {
    doc.fontSize(headerSize(col));
    h = Math.max(h, doc.heightOfString(col.header.toUpperCase(), { width: col.width - 2 * PAD }));
  }
  const cell = (col: Column, x: number) => () => {
    doc
      .font(BOLD)
      .fontSize(headerSize(col))
      .fillColor(MUTED)
      .text(col.header.toUpperCase(), x + PAD, y + PAD, {
        width: col.width - 2 * PAD,
        align: col.align ?? 'left',
        lineBreak: true,
      });
  };
  const cells = () => {
    let x = f.left;
    for (const col of cols) {
      if (repeated) cell(col, x)();
      else mark(doc, 'TH', cell(col, x), { scope: 'Column' });
      x += col.width;
    }
  };
  if (repeated) artifact(doc, cells, 'Pagination');
  else inside(doc, open(doc, 'TR'), cells);
  const bottom = y + h + 2 * PAD;
  artifact(doc, () => {
    doc.moveTo(f.left, bottom).lineTo(f.right, bottom).lineWidth(1).strokeColor(MUTED).stroke();
  });
  doc.y = bottom;
}

function drawRow(doc: Doc, cols: readonly Column[], row: Row, h: number, size: number): void {
  const f = frame(doc);
  const y = doc.y;
  // Shading and progress bars first, as decoration: the cells' text says the same.
  artifact(doc, () => {
    if (row.group) doc.rect(f.left, y, f.width, h).fillColor('#f5f7fa').fill();
    let x = f.left;
    row.cells.forEach((cell, i) => {
      const col = cols[i];
      if (col && cell.bar !== undefined) {
        const cx = x + PAD + (cell.indent ?? 0);
        const pct = cell.bar === null ? 0 : Math.max(0, Math.min(100, cell.bar));
        const by = y + PAD + size * 0.35;
        doc.roundedRect(cx, by, BAR_WIDTH, 4, 2).fillColor(TRACK).fill();
        if (pct > 0)
          doc
            .roundedRect(cx, by, (BAR_WIDTH * pct) / 100, 4, 2)
            .fillColor(accent(doc))
            .fill();
      }
      x += col?.width ?? 0;
    });
  });
  inside(doc, open(doc, 'TR'), () => {
    let x = f.left;
    row.cells.forEach((cell, i) => {
      const col = cols[i];
      if (!col) return;
      const cx = x + PAD + (cell.indent ?? 0) + (cell.bar !== undefined ? BAR_WIDTH + 4 : 0);
      const width = cellWidth(col, cell);
      if (cell.text === '' && !cell.sub) {
        // An empty cell keeps the columns aligned for a screen reader, with nothing to read.
        open(doc, 'TD');
      } else {
        mark(doc, 'TD', () => {
          doc.font(cell.bold || row.group || row.total ? BOLD : REGULAR);
          doc
            .fontSize(wordFit(doc, cell.text, size, width))
            .fillColor(cell.color ?? INK)
            .text(cell.text, cx, y + PAD, {
              width,
              align: col.align ?? 'left',
              height: MAX_ROW_HEIGHT,
              ellipsis: true,
            });
          if (cell.sub) {
            doc
              .font(REGULAR)
              .fontSize(size - 1.5)
              .fillColor(MUTED)
              .text(cell.sub, cx, doc.y + 1, {
                width,
                height: MAX_ROW_HEIGHT / 2,
                ellipsis: true,
              });
          }
        });
      }
      x += col.width;
    });
  });
  artifact(doc, () => {
    doc
      .moveTo(f.left, y + h)
      .lineTo(f.right, y + h)
      .lineWidth(row.total ? 1 : 0.5)
      .strokeColor(row.total ? MUTED : LINE)
      .stroke();
  });
  doc.y = y + h;
}

/**
 * A table that breaks across pages cleanly: a row that does not fit moves whole to the next
 * page, where the header row is drawn again.
 */
function table(doc: Doc, cols: readonly Column[], rows: readonly Row[], size = 9): void {
  const heights = rows.map((r) => rowHeight(doc, cols, r, size));
  const headerRoom = size * 2.5 + 2 * PAD;
  ensureSpace(doc, headerRoom + (heights[0] ?? 0));
  inside(doc, open(doc, 'Table'), () => {
    inside(doc, open(doc, 'THead'), () => drawHeader(doc, cols, size, false));
    inside(doc, open(doc, 'TBody'), () => {
      rows.forEach((row, i) => {
        const h = heights[i] ?? 0;
        const next = row.keepWithNext ? (heights[i + 1] ?? 0) : 0;
        if (doc.y + h + next > frame(doc).bottom) {
          doc.addPage();
          drawHeader(doc, cols, size, true);
        }
        drawRow(doc, cols, row, h, size);
      });
    });
  });
  doc.y += 6;
}

/** Column widths from fractions of the frame width. */
function columns(doc: Doc, spec: readonly [string, number, ('left' | 'right')?][]): Column[] {
  const w = frame(doc).width;
  return spec.map(([header, share, align]) => ({
    header,
    width: w * share,
    align: align ?? 'left',
  }));
}

// ---------------------------------------------------------------------------------- sections

function kpiTiles(doc: Doc, kpis: readonly Kpi[], perRow: number): void {
  const f = frame(doc);
  const gap = 10;
  const w = (f.width - gap * (perRow - 1)) / perRow;
  const h = 70;
  for (let i = 0; i < kpis.length; i += perRow) {
    ensureSpace(doc, h + gap);
    const y = doc.y;
    kpis.slice(i, i + perRow).forEach((k, j) => {
      const x = f.left + j * (w + gap);
      artifact(doc, () => {
        doc.roundedRect(x, y, w, h, 6).lineWidth(0.75).strokeColor(LINE).stroke();
      });
      // One tile reads as one paragraph group: "Goals achieved", "2 / 5", its context.
      inside(doc, open(doc, 'Div'), () => {
        mark(doc, 'P', () => {
          doc.font(BOLD).fontSize(7.5).fillColor(MUTED);
          doc.text(k.label.toUpperCase(), x + 10, y + 9, { width: w - 20, lineBreak: false });
        });
        mark(doc, 'P', () => {
          doc.font(BOLD).fontSize(20).fillColor(INK);
          doc.text(k.value, x + 10, y + 21, { width: w - 20, lineBreak: false, ellipsis: true });
        });
        if (k.detail) {
          mark(doc, 'P', () => {
            doc.font(REGULAR).fontSize(8).fillColor(MUTED);
            doc.text(k.detail, x + 10, y + 48, { width: w - 20, height: 18, ellipsis: true });
          });
        }
      });
    });
    doc.y = y + h + gap;
  }
}

function cover(doc: Doc, input: ReportInput): void {
  const { metrics: m, locale } = input;
  const c = m.customer;
  artifact(doc, () => {
    doc.rect(0, 0, doc.page.width, 8).fillColor(accent(doc)).fill();
  });
  const logo = BRANDS.get(doc)?.logo;
  if (logo) {
    // Top right of the cover, within 150 x 48 pt, its aspect kept; the customer's name is its alt.
    const [w, h] = [150, 48];
    const x = doc.page.width - MARGIN.right - w;
    mark(
      doc,
      'Figure',
      () => {
        if (logo.mediaType === 'image/png')
          doc.image(`data:image/png;base64,${logo.data}`, x, MARGIN.top - 8, {
            fit: [w, h],
            align: 'right',
          });
        else
          SVGtoPDF(doc, svgText(logo.data), x, MARGIN.top - 8, {
            width: w,
            height: h,
            preserveAspectRatio: 'xMaxYMin meet',
          });
      },
      { alt: c.name, bbox: [x, MARGIN.top - 8, x + w, MARGIN.top - 8 + h] },
    );
  }
  doc.y = MARGIN.top;
  const t = reportText(locale);
  text(doc, t.text.coverKicker, { size: 9, bold: true, color: accent(doc), gap: 4 });
  text(doc, c.name, { size: 26, bold: true, gap: 4, tag: 'H1' });
  text(
    doc,
    `${periodLabel(m, locale)} (${periodName(m.metrics.period, locale)}) · ${segmentLabel(c.segment, locale)}${c.industry ? ` · ${c.industry}` : ''}`,
    { size: 10, color: MUTED },
  );
  const on = formatDate(generatedAt(input), { locale, style: 'long' });
  text(doc, fillIn(t, t.text.generatedOn, { date: on }), {
    size: 10,
    color: MUTED,
    gap: 16,
  });
  const [goals, value, roi, score] = headlineKpis(m, locale);
  const investment: Kpi = {
    label: t.text.investment,
    value: formatMoney(c.investment, c.currency, { locale, compact: true }),
    detail: fillIn(t, t.text.perYear, {
      amount: formatMoney(c.investment, c.currency, { locale }),
    }),
  };
  kpiTiles(
    doc,
    [score, goals, value, roi, investment].filter((k): k is Kpi => k !== undefined),
    3,
  );
}

function overview(doc: Doc, input: ReportInput): void {
  const { account: a, locale } = input;
  const lines = executiveSummary(a, locale);
  if (lines.length > 0) {
    inside(doc, open(doc, 'L'), () => {
      for (const line of lines) {
        ensureSpace(doc, 16);
        inside(doc, open(doc, 'LI'), () =>
          text(doc, `•  ${line}`, { size: 10.5, gap: 2, tag: 'LBody' }),
        );
      }
    });
  }
}

/**
 * The appendix: every shown section's derivations, the same lines as the PPTX speaker notes
 * and the HTML report's details, under one heading after the sections.
 */
function appendix(doc: Doc, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const parts = input.sections
    .map((s) => [s, derivation(s, m, a, locale, input)] as const)
    .filter(([, lines]) => lines.length > 0);
  if (parts.length === 0) return;
  const t = reportText(locale);
  heading(doc, t.text.derivationTitle);
  for (const [s, lines] of parts) {
    ensureSpace(doc, 40);
    text(doc, t.section[s], { size: 10, bold: true, gap: 2, tag: 'H3' });
    for (const line of lines) note(doc, line);
    doc.y += 4;
  }
}

function goals(doc: Doc, input: ReportInput): void {
  const { metrics: m, locale } = input;
  const T = reportText(locale).text;
  if (m.goals.length === 0) {
    note(doc, T.noGoals);
    return;
  }
  const cols = columns(doc, [
    [T.goalMetric, 0.34],
    [T.baseline, 0.12, 'right'],
    [T.target, 0.12, 'right'],
    [T.current, 0.12, 'right'],
    [T.progress, 0.18],
    [T.status, 0.12],
  ]);
  const rows: Row[] = goalRows(m.goals, locale, { mergeSingleMetric: true }).map((r) =>
    r.kind === 'goal'
      ? {
          group: true,
          // A goal whose metrics follow stays with them; a one-metric goal is a row of its own.
          keepWithNext: r.target === '',
          cells: [
            { text: r.name, sub: r.sub },
            // A one-metric goal carries its metric's figures on its own row.
            { text: r.baseline },
            { text: r.target },
            { text: r.current },
            { text: r.progress, bar: r.progressPct },
            { text: r.status, color: statusColor(r.statusKey) },
          ],
        }
      : {
          cells: [
            { text: r.name, indent: 10 },
            { text: r.baseline },
            { text: r.target },
            { text: r.current },
            r.progressPct === null
              ? { text: r.progress }
              : { text: r.progress, bar: r.progressPct },
            { text: r.status, color: statusColor(r.statusKey), bold: true },
          ],
        },
  );
  table(doc, cols, rows);
}

function value(doc: Doc, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const v = valueTable(a, m, locale);
  const T = reportText(locale).text;
  const cols = columns(doc, [
    [T.sourceOfValue, 0.4],
    [T.annualValue, 0.22, 'right'],
    [T.hoursSaved, 0.2, 'right'],
    [T.confidence, 0.18],
  ]);
  const rows: Row[] =
    v.rows.length === 0
      ? [{ cells: [{ text: T.noValueDrivers, color: MUTED }] }]
      : v.rows.map((r) => ({
          cells: [
            { text: r.label },
            { text: r.annualValue },
            { text: r.hours },
            { text: r.confidence },
          ],
        }));
  rows.push({
    total: true,
    cells: [
      { text: v.total.label },
      { text: v.total.annualValue },
      { text: v.total.hours },
      { text: '' },
    ],
  });
  table(doc, cols, rows);
  kpiTiles(
    doc,
    v.facts.map(([label, val]) => ({ label, value: val, detail: '' })),
    3,
  );
  for (const n of v.notes) note(doc, n);
}

/** Accounts in this group: the parent and its children, then the totals per currency. */
function rollup(doc: Doc, input: ReportInput): void {
  const r = rollupTable(input.metrics, input.locale);
  if (!r.ok) {
    note(doc, r.note);
    return;
  }
  ensureSpace(doc, 16);
  text(doc, r.summary, { size: 10, gap: 6 });
  const [account, goalsAchieved, atRisk, value, score, roi] = r.headers;
  const cols = columns(doc, [
    [account, 0.32],
    [goalsAchieved, 0.15, 'right'],
    [atRisk, 0.11, 'right'],
    [value, 0.18, 'right'],
    [score, 0.13, 'right'],
    [roi, 0.11, 'right'],
  ]);
  table(
    doc,
    cols,
    [...r.rows, ...r.totals].map((x) => ({
      ...(x.total ? { total: true } : {}),
      cells: [x.name, x.goals, x.atRisk, x.value, x.score, x.roi].map((t) => ({ text: t })),
    })),
  );
  for (const n of r.notes) note(doc, n);
}

function milestones(doc: Doc, input: ReportInput): void {
  const { metrics: m, account: a, locale } = input;
  const l = milestoneLists(m, a, locale);
  const T = reportText(locale).text;
  const cols = columns(doc, [
    [T.date, 0.16],
    [T.milestone, 0.66],
    [T.status, 0.18],
  ]);
  const rows: Row[] = [];
  const group = (title: string, empty: string, items: typeof l.achieved) => {
    rows.push({
      group: true,
      keepWithNext: true,
      cells: [{ text: title }, { text: '' }, { text: '' }],
    });
    if (items.length === 0)
      rows.push({ cells: [{ text: '' }, { text: empty, color: MUTED }, { text: '' }] });
    for (const x of items)
      rows.push({
        cells: [
          { text: x.date, color: MUTED },
          x.detail ? { text: x.name, sub: x.detail } : { text: x.name },
          { text: x.status, color: statusColor(x.statusKey), bold: true },
        ],
      });
  };
  group(T.achieved, T.noneAchieved, l.achieved);
  group(T.upcoming, T.noneUpcoming, l.upcoming);
  table(doc, cols, rows);
}

function benchmarks(doc: Doc, input: ReportInput): void {
  const { account: a, locale } = input;
  const b = benchmarkTable(a, locale);
  if (!b.ok) {
    note(doc, b.note);
    return;
  }
  const T = reportText(locale).text;
  const cols = columns(doc, [
    [T.metric, 0.4],
    [a.customer.name, 0.2, 'right'],
    [T.peerAverage, 0.2, 'right'],
    [T.percentile, 0.2, 'right'],
  ]);
  table(
    doc,
    cols,
    b.rows.map((r) => ({ cells: r.map((t) => ({ text: t })) })),
  );
  note(doc, b.note);
}

async function trends(doc: Doc, input: ReportInput): Promise<void> {
  const { metrics: m, locale } = input;
  const words = reportText(locale);
  if (m.trends.length === 0) {
    note(doc, words.text.noCharts);
    return;
  }
  const f = frame(doc);
  const gap = 18;
  const colWidth = (f.width - gap) / 2;
  const charts = await Promise.all(
    m.trends.map((t) => trendChartSvg(t, { width: colWidth - 46, height: 80, locale })),
  );
  for (let i = 0; i < m.trends.length; i += 2) {
    const pair = m.trends.slice(i, i + 2);
    doc.font(BOLD).fontSize(9.5);
    const captionH = Math.max(
      ...pair.map(
        (t) =>
          doc.font(BOLD).fontSize(9.5).heightOfString(t.name, { width: colWidth }) +
          doc
            .font(REGULAR)
            .fontSize(8)
            .heightOfString(trendCaption(t, locale), { width: colWidth }),
      ),
    );
    const chartH = 130;
    ensureSpace(doc, captionH + chartH + 12);
    const y = doc.y;
    pair.forEach((t, j) => {
      const x = f.left + j * (colWidth + gap);
      mark(doc, 'H3', () => {
        doc.font(BOLD).fontSize(9.5).fillColor(INK).text(t.name, x, y, { width: colWidth });
      });
      mark(doc, 'P', () => {
        doc
          .font(REGULAR)
          .fontSize(8)
          .fillColor(MUTED)
          .text(trendCaption(t, locale), x, doc.y, { width: colWidth });
      });
      const svg = charts[i + j];
      const top = y + captionH + 4;
      if (svg) {
        mark(
          doc,
          'Figure',
          () => {
            SVGtoPDF(doc, svg, x, top, {
              width: colWidth,
              height: chartH,
              preserveAspectRatio: 'xMinYMin meet',
              fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
            });
          },
          { alt: trendAltText(t, locale), bbox: [x, top, x + colWidth, top + chartH] },
        );
      } else {
        mark(doc, 'P', () => {
          doc
            .font(REGULAR)
            .fontSize(8)
            .fillColor(MUTED)
            .text(words.trend.noMeasurements, x, top, { width: colWidth });
        });
      }
    });
    doc.y = y + captionH + chartH + 12;
  }
}

function recommendations(doc: Doc, input: ReportInput): void {
  const { account: a, locale } = input;
  const words = reportText(locale);
  const recs = a.recommendations ?? [];
  if (recs.length === 0) {
    note(doc, words.text.noActions);
    return;
  }
  const f = frame(doc);
  for (const r of recs) {
    ensureSpace(doc, 60);
    const y = doc.y;
    const status = statusLabel(r.status, locale);
    const statusW = doc.font(BOLD).fontSize(8.5).widthOfString(status);
    let below = y;
    mark(doc, 'H3', () => {
      doc
        .font(BOLD)
        .fontSize(11)
        .fillColor(INK)
        .text(r.goal_name, f.left, y, { width: f.width - statusW - 12 });
      below = doc.y;
    });
    mark(doc, 'P', () => {
      doc
        .font(BOLD)
        .fontSize(8.5)
        .fillColor(statusColor(r.status))
        .text(status, f.right - statusW, y + 2, { width: statusW + 1, lineBreak: false });
    });
    doc.y = Math.max(below, y + 14) + 2;
    r.items.forEach((item, i) => {
      const when = words.priority[item.priority] ?? item.priority;
      const { action, reason } = words.vocabulary.recommendation(item);
      const line = `${i + 1}. ${when}: ${action}`;
      const h =
        doc
          .font(REGULAR)
          .fontSize(10)
          .heightOfString(line, { width: f.width - 14 }) +
        doc
          .font(REGULAR)
          .fontSize(8.5)
          .heightOfString(reason, { width: f.width - 14 });
      ensureSpace(doc, h + 4);
      const iy = doc.y;
      mark(doc, 'P', () => {
        doc
          .font(BOLD)
          .fontSize(10)
          .fillColor(INK)
          .text(`${i + 1}. ${when}:`, f.left + 8, iy, {
            continued: true,
          });
        doc.font(REGULAR).text(` ${action}`);
      });
      mark(doc, 'P', () => {
        doc
          .font(REGULAR)
          .fontSize(8.5)
          .fillColor(MUTED)
          .text(reason, f.left + 20, doc.y, { width: f.width - 20 });
      });
      doc.y += 3;
    });
    doc.y += 6;
  }
}

const TILE_H = 84;
// Small enough for every KPI on one line of the table, so the section keeps to one page.
const KPI_SIZE = 7;

/** The score tile: the score, its band's name beside a swatch of the band's colour, the date. */
function healthTile(
  doc: Doc,
  h: NonNullable<ReturnType<typeof healthSummary>>,
  x: number,
  y: number,
  w: number,
  locale: string,
): void {
  const color = hex(HEALTH_BAND_COLOR[h.bandKey]);
  const HEALTH_TEXT = reportText(locale).health;
  artifact(doc, () => {
    doc.roundedRect(x, y, w, TILE_H, 6).lineWidth(0.75).strokeColor(LINE).stroke();
    doc
      .rect(x, y + 6, 4, TILE_H - 12)
      .fillColor(color)
      .fill();
  });
  inside(doc, open(doc, 'Div'), () => {
    mark(doc, 'P', () => {
      doc.font(BOLD).fontSize(7.5).fillColor(MUTED);
      doc.text(HEALTH_TEXT.score.toLocaleUpperCase(locale), x + 12, y + 9, {
        width: w - 20,
        lineBreak: false,
      });
    });
    mark(doc, 'P', () => {
      doc.font(BOLD).fontSize(20).fillColor(INK);
      doc.text(h.score, x + 12, y + 21, { width: w - 20, lineBreak: false, ellipsis: true });
    });
    artifact(doc, () => {
      doc
        .rect(x + 12, y + 50, 8, 8)
        .fillColor(color)
        .fill();
    });
    mark(doc, 'P', () => {
      doc.font(BOLD).fontSize(9).fillColor(color);
      doc.text(h.band, x + 24, y + 49, { width: w - 32, lineBreak: false, ellipsis: true });
    });
    if (h.asOf) {
      mark(doc, 'P', () => {
        doc.font(REGULAR).fontSize(8).fillColor(MUTED);
        doc.text(h.asOf, x + 12, y + 65, { width: w - 20, lineBreak: false, ellipsis: true });
      });
    }
  });
}

/** The history as bars in their bands' colours, with the score over each bar and the dates. */
function healthHistory(
  doc: Doc,
  h: NonNullable<ReturnType<typeof healthSummary>>,
  x: number,
  y: number,
  w: number,
  locale: string,
): void {
  const n = h.history.length;
  const HEALTH_TEXT = reportText(locale).health;
  if (n === 0) return;
  const top = y + 12;
  const chartH = TILE_H - 34;
  const slot = w / n;
  const bw = Math.max(3, Math.min(22, slot - 6));
  mark(
    doc,
    'Figure',
    () => {
      doc
        .font(BOLD)
        .fontSize(8.5)
        .fillColor(INK)
        .text(HEALTH_TEXT.history, x, y, { width: w, lineBreak: false });
      h.history.forEach((p, i) => {
        const bh = Math.max(1, (p.value / 100) * chartH);
        const bx = x + i * slot + (slot - bw) / 2;
        const by = top + 10 + chartH - bh;
        doc.rect(bx, by, bw, bh).fillColor(hex(HEALTH_BAND_COLOR[p.bandKey])).fill();
        doc
          .font(REGULAR)
          .fontSize(6.5)
          .fillColor(INK)
          .text(p.score, bx - 6, by - 8, { width: bw + 12, align: 'center', lineBreak: false });
      });
      const first = h.history[0];
      const last = h.history.at(-1);
      doc.font(REGULAR).fontSize(7).fillColor(MUTED);
      if (first)
        doc.text(first.shortDate, x, top + chartH + 13, { width: w / 2, lineBreak: false });
      if (last && n > 1)
        doc.text(last.shortDate, x + w / 2, top + chartH + 13, {
          width: w / 2,
          align: 'right',
          lineBreak: false,
        });
    },
    { alt: h.historyAlt, bbox: [x, y, x + w, y + TILE_H] },
  );
}

/** Health and KPIs: tile and history side by side, the components, active triggers, the KPI table. */
function health(doc: Doc, input: ReportInput): void {
  const { locale } = input;
  const h = healthSummary(input.health, locale);
  const k = kpiTable(input.kpis, locale);
  const HEALTH_TEXT = reportText(locale).health;
  if (!h && !k) {
    note(doc, HEALTH_TEXT.none);
    return;
  }
  const f = frame(doc);
  if (h) {
    ensureSpace(doc, TILE_H + 8);
    const y = doc.y;
    const tileW = 170;
    healthTile(doc, h, f.left, y, tileW, locale);
    healthHistory(doc, h, f.left + tileW + 24, y, f.width - tileW - 24, locale);
    doc.y = y + TILE_H + 8;
    note(doc, h.historyCaption);
    table(
      doc,
      columns(doc, [
        [HEALTH_TEXT.component, 0.24],
        [HEALTH_TEXT.componentScore, 0.1, 'right'],
        [HEALTH_TEXT.weight, 0.1, 'right'],
        [HEALTH_TEXT.source, 0.56],
      ]),
      h.components.map((c) => ({
        cells: [
          { text: c.name },
          { text: c.score },
          { text: c.weight },
          { text: c.source, color: MUTED },
        ],
      })),
      KPI_SIZE + 1.5,
    );
    ensureSpace(doc, 30);
    text(doc, HEALTH_TEXT.activeTriggers, { size: 10, bold: true, gap: 2, tag: 'H3' });
    if (h.triggers.length === 0) note(doc, HEALTH_TEXT.noTriggers);
    for (const t of h.triggers) {
      ensureSpace(doc, 30);
      text(doc, `${t.name} · ${t.date}`, {
        size: 9,
        bold: true,
        color: hex(HEALTH_BAND_COLOR[t.bandKey]),
      });
      note(doc, `${t.change}. ${t.cause}`);
    }
    doc.y += 4;
  } else {
    note(doc, HEALTH_TEXT.noHealth);
  }
  if (!k) {
    note(doc, HEALTH_TEXT.noKpis);
    return;
  }
  ensureSpace(doc, 60);
  text(doc, k.title, { size: 10, bold: true, gap: 2, tag: 'H3' });
  table(
    doc,
    columns(doc, [
      [HEALTH_TEXT.kpi, 0.23],
      [HEALTH_TEXT.value, 0.13, 'right'],
      [HEALTH_TEXT.rating, 0.135],
      [HEALTH_TEXT.target, 0.08, 'right'],
      [HEALTH_TEXT.minimum, 0.08, 'right'],
      [HEALTH_TEXT.benchmark, 0.095, 'right'],
      [HEALTH_TEXT.bestInClass, 0.075, 'right'],
      [HEALTH_TEXT.trend, 0.175],
    ]),
    k.rows.map((r) => ({
      cells: [
        { text: r.name },
        r.value === HEALTH_TEXT.notMeasured
          ? { text: r.value, color: MUTED }
          : { text: r.value, bold: true },
        {
          text: r.rating,
          color: r.ratingKey ? hex(KPI_RATING_COLOR[r.ratingKey] ?? MUTED) : MUTED,
        },
        { text: r.target },
        { text: r.minimum },
        { text: r.benchmark },
        { text: r.bestInClass },
        { text: r.trend },
      ],
    })),
    KPI_SIZE,
  );
}

/**
 * The height a section needs to stay on one page, when it should: the health section starts on
 * a new page rather than being split under the previous section (at most a page's height).
 */
function keepTogether(doc: Doc, s: ReportSection, input: ReportInput): number {
  if (s !== 'health') return 0;
  const h = healthSummary(input.health, input.locale);
  const k = kpiTable(input.kpis, input.locale);
  const body = frame(doc).bottom - doc.page.margins.top;
  const need =
    40 +
    (h ? TILE_H + 30 + (h.components.length + 1) * 17 + 40 + h.triggers.length * 34 : 20) +
    (k ? 40 + (k.rows.length + 1) * 20 : 20);
  return Math.min(need, body);
}

const SECTIONS: Readonly<
  Record<ReportSection, (doc: Doc, input: ReportInput) => void | Promise<void>>
> = {
  overview,
  rollup,
  goals,
  value,
  milestones,
  benchmarks,
  trends,
  health,
  recommendations,
};

/** Page numbers and the report's name in every page's bottom margin. */
function footers(doc: Doc, input: ReportInput): void {
  const range = doc.bufferedPageRange();
  const t = reportText(input.locale);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const f = frame(doc);
    // Writing inside the bottom margin would make pdfkit start a new page: lift it meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 34;
    artifact(
      doc,
      () => {
        doc
          .moveTo(f.left, y - 6)
          .lineTo(f.right, y - 6)
          .lineWidth(0.5)
          .strokeColor(LINE)
          .stroke();
        doc
          .font(REGULAR)
          .fontSize(8)
          .fillColor(MUTED)
          .text(fillIn(t, t.text.footer, { name: input.metrics.customer.name }), f.left, y, {
            width: f.width * 0.7,
            lineBreak: false,
            ellipsis: true,
          });
        doc.text(
          fillIn(t, t.text.page, { page: i - range.start + 1, count: range.count }),
          f.left + f.width * 0.7,
          y,
          { width: f.width * 0.3, align: 'right', lineBreak: false },
        );
      },
      'Pagination',
    );
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Renders the report as a PDF: a cover with the success score and band, goals achieved, value
 * delivered, ROI and investment, then the requested sections in order, page numbers in the
 * footer, and document metadata (title, author, subject, language). The same input gives the
 * same bytes: the creation date is `input.generatedAt` (or the metrics' `as_of`), never the clock.
 *
 * @example
 * const pdf = await renderReportPdf({ metrics, account, sections: REPORT_SECTIONS, locale: 'en-US',
 *   generatedAt: '2026-04-30T09:00:00Z' });
 * await writeFile('acme-corp-success-report.pdf', pdf);
 */
export async function renderReportPdf(
  input: ReportInput,
  options: PdfOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = await fontsFor(input.locale, options.fonts);
  const when = generatedAt(input);
  const { metrics: m, locale } = input;
  const c = m.customer;
  const brand = brandOf(input);
  const t = reportText(locale);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: locale,
    displayTitle: true,
    info: {
      Title: fillIn(t, t.text.documentTitle, { name: c.name }),
      Author: 'CSCX Success Kit',
      Subject: fillIn(t, t.text.subject, {
        name: c.name,
        period: periodLabel(m, locale),
        periodName: periodName(m.metrics.period, locale),
      }),
      Keywords: fillIn(t, t.text.keywords, { sections: input.sections.join(', ') }),
      Creator: '@cscx/success-report',
      Producer: '@cscx/success-report (pdfkit)',
      CreationDate: when,
      ModDate: when,
    },
  });
  BRANDS.set(doc, brand);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, toBuffer(fonts.regular), fonts.regularName);
  doc.registerFont(BOLD, toBuffer(fonts.bold), fonts.boldName);
  doc.font(REGULAR);

  const root = doc.struct('Document');
  doc.addStructure(root);
  PARENT.set(doc, root);
  inside(doc, open(doc, 'Sect'), () => cover(doc, input));
  for (const s of input.sections) {
    const sect = open(doc, 'Sect');
    PARENT.set(doc, sect);
    ensureSpace(doc, keepTogether(doc, s, input));
    heading(doc, t.section[s]);
    await SECTIONS[s](doc, input);
    PARENT.set(doc, root);
  }
  const sect = open(doc, 'Sect');
  PARENT.set(doc, sect);
  appendix(doc, input);
  PARENT.set(doc, root);
  doc.y += 12;
  note(doc, provenance(m, locale));
  footers(doc, input);
  doc.end();
  await ended;
  const size = chunks.reduce((n, ch) => n + ch.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const ch of chunks) {
    out.set(ch, at);
    at += ch.length;
  }
  return out;
}

/** pdfkit's font loader wants a Buffer in Node (an ArrayBuffer in browsers). */
function toBuffer(bytes: Uint8Array): Buffer | ArrayBuffer {
  if (typeof Buffer !== 'undefined')
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return bytes.slice().buffer;
}
