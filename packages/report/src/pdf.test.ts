// The PDF report read back with pdf.js: what a reader sees on each page, the document's
// metadata, and how tables and charts are drawn.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from './html.js';
import { renderReportPdf } from './pdf.js';
import {
  DERIVATION_TITLE,
  HEALTH_TEXT,
  KPI_TEXT,
  REPORT_SECTIONS,
  reportText,
  SECTION_TITLE,
  STATUS_TEXT,
} from './sections.js';
import { readPdf, readPdfTags, structNodes } from './testing/read.js';
import {
  acmeInput,
  asParent,
  critical,
  empty,
  kpisUnmeasured,
  renamed,
  USD_CHILDREN,
  withGoals,
} from './testing/variants.js';

const dir = mkdtempSync(join(tmpdir(), 'cscx-report-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  readonly page: number;
  readonly text: string;
  readonly xMax: number;
  readonly yMax: number;
}

/** The PDF as poppler's pdftotext reads it: the layout text of each page, and every word's box. */
function pdftotext(bytes: Uint8Array): {
  pages: string[];
  words: Word[];
  height: number;
  width: number;
} {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  const [, w = '0', h = '0'] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(xml) ?? [];
  const words: Word[] = [];
  xml
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ))
        words.push({ page: i, text: m[3] ?? '', xMax: Number(m[1]), yMax: Number(m[2]) });
    });
  return { pages, words, width: Number(w), height: Number(h) };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('renderReportPdf', () => {
  it('prints the cover in words, not wire values: "All time", "Enterprise"', async () => {
    const pdf = await readPdf(await renderReportPdf(acmeInput()));
    const cover = squash(pdf.pages[0] ?? '');
    expect(cover).toContain('(All time)');
    expect(cover).toContain('Enterprise');
    expect(cover).not.toContain('(all)');
    expect(cover).not.toMatch(/\benterprise\b/);
  });

  it('prints a one-metric goal once, its figures on the goal row', async () => {
    const input = acmeInput(['goals']);
    const pdf = await readPdf(await renderReportPdf(input));
    const all = squash(pdf.pages.join('\n'));
    for (const g of input.metrics.goals) expect(g.metrics).toHaveLength(1);
    // One row a goal: one status a goal (a metric row under it would print a second).
    const start = all.indexOf('GOAL / METRIC');
    const end = all.indexOf(DERIVATION_TITLE, start);
    const table = all.slice(start, end < 0 ? undefined : end);
    const statuses = Object.values(STATUS_TEXT).join('|');
    expect(table.match(new RegExp(statuses, 'g'))).toHaveLength(input.metrics.goals.length);
    for (const g of input.metrics.goals) {
      const only = g.metrics[0];
      expect(table).toContain(squash(`Metric: ${only?.name ?? ''}`));
    }
    expect(all).toContain('11.5 hrs');
  });

  it('renders every section of Acme with the numbers the HTML report shows (TC-165.3)', async () => {
    // Every section: Acme as a parent, so "Accounts in this group" has accounts to list.
    const input = asParent(acmeInput(REPORT_SECTIONS), USD_CHILDREN);
    const pdf = await readPdf(await renderReportPdf(input));
    const all = pdf.pages.join('\n');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    for (const title of Object.values(SECTION_TITLE)) expect(all).toContain(title);
    const html = renderReportHtml(input);
    // PRD-165's mock-up: 2 of 5 goals, $285K value, ROI 4.2x on $68K, 2,400 hours saved.
    for (const shown of ['2 / 5', '$285K', '$285,000', '4.2x', '$68K', '2,400 hrs', '91 / 100']) {
      expect(html).toContain(shown);
      expect(all).toContain(shown);
    }
    expect(all).toContain('Strong');
    expect(all).toContain('Reduce ticket time');
    expect(all).toContain('11.5 hrs');
    expect(all).toContain('Upsell pipeline review');
    expect(all).toContain('Review the expansion pipeline with the account team');
    // The cover comes first: name and headline numbers on page 1.
    expect(pdf.pages[0]).toContain('Acme Corp');
    expect(pdf.pages[0]).toContain('INVESTMENT');
  });

  it("speaks the dashboard's vocabulary: on track or exceeded, Exceeded, ROI as a multiplier", async () => {
    const pdf = await readPdf(
      await renderReportPdf(acmeInput(['overview', 'goals', 'benchmarks'])),
    );
    const all = pdf.pages.join('\n');
    expect(all).toContain('4 of 5 goals on track or exceeded');
    expect(all).toContain('Exceeded');
    expect(all).not.toMatch(/Exceeding|on track or achieved/);
    expect(all).toContain('4.2x');
    expect(all).toContain('1.8x');
    expect(all).not.toContain('419%');
  });

  it('includes only the requested sections, in the requested order', async () => {
    const pdf = await readPdf(await renderReportPdf(acmeInput(['value', 'goals'])));
    const all = pdf.pages.join('\n');
    expect(all).toContain(SECTION_TITLE.value);
    expect(all).toContain(SECTION_TITLE.goals);
    expect(all.indexOf(SECTION_TITLE.value)).toBeLessThan(all.indexOf(SECTION_TITLE.goals));
    for (const absent of [
      'overview',
      'milestones',
      'benchmarks',
      'trends',
      'recommendations',
    ] as const)
      expect(all).not.toContain(SECTION_TITLE[absent]);
  });

  it('carries title, author, subject, language and the given creation date as metadata', async () => {
    const pdf = await readPdf(await renderReportPdf(acmeInput()));
    expect(pdf.info).toMatchObject({
      Title: 'Acme Corp: success report',
      Author: 'CSCX Success Kit',
      Language: 'en-US',
      CreationDate: 'D:20260430090000Z',
    });
    expect(pdf.info.Subject).toMatch(/^Customer success report for Acme Corp, .*\(All time\)$/);
  });

  it('gives the same bytes for the same input, so idempotent replays and tests are stable', async () => {
    const a = await renderReportPdf(acmeInput());
    const b = await renderReportPdf(acmeInput());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await renderReportPdf({ ...acmeInput(), generatedAt: '2026-05-01T00:00:00Z' });
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });

  it('extracts names in any script as text, with markup characters left as they are', async () => {
    const name = 'Ünïcødé Привет <script>&"\' Ελληνικά';
    const pdf = await readPdf(await renderReportPdf(renamed(acmeInput(), name)));
    expect(pdf.pages[0]).toContain(name);
    expect(pdf.info.Title).toBe(`${name}: success report`);
  });

  it('numbers every page in the footer', async () => {
    const pdf = await readPdf(await renderReportPdf(acmeInput()));
    const n = pdf.pages.length;
    pdf.pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${n}`);
      expect(text).toContain('Acme Corp · Success report');
    });
  });

  it('breaks a long goals table across pages with the header repeated and no row cut', async () => {
    const input = withGoals(acmeInput(['goals']), 40);
    const pdf = await readPdf(await renderReportPdf(input));
    const withGoalRows = pdf.pages.filter((p) => /Goal \d\d/.test(p));
    expect(withGoalRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withGoalRows) expect(page).toContain('GOAL / METRIC');
    // Every row whole on one page: a metric's name and its current value are never separated,
    // and a goal is never the last row of a page without its first metric.
    for (let i = 1; i <= 40; i++) {
      const n = String(i).padStart(2, '0');
      const pagesOf = (s: string) => pdf.pages.flatMap((p, j) => (p.includes(s) ? [j] : []));
      expect(pagesOf(`Goal ${n}`)).toHaveLength(1);
      const a = pagesOf(`Metric ${n}a`);
      expect(a).toEqual(pagesOf(`Goal ${n}`));
      expect(pdf.pages[a[0] ?? -1]).toMatch(
        new RegExp(`Metric ${n}a\\s+180 ms\\s+100 ms\\s+${99 + i} ms`),
      );
    }
  });

  it('draws trend charts as vector paths, not images, with calc-formatted tick labels', async () => {
    const pdf = await readPdf(await renderReportPdf(acmeInput(['trends'], 'de-DE')));
    expect(pdf.images.every((n) => n === 0)).toBe(true);
    expect(pdf.paths.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    const all = pdf.pages.join('\n');
    expect(all).toContain('Upsell revenue closed');
    // German month abbreviations from Intl, where Vega's own format would say "Jan".
    expect(all).toMatch(/31\.\s?Jan|Jan\.|Feb\./);
  });

  it('is a tagged PDF: headings, lists, tables with header cells, figures with alternate text', async () => {
    const tags = await readPdfTags(await renderReportPdf(acmeInput()));
    expect(tags.marked).toBe(true);
    expect(tags.trees.every((t) => t !== null)).toBe(true);
    // Every piece of text, chart labels included, is either tagged content or an artifact.
    expect(tags.untagged.every((t) => t === '')).toBe(true);
    expect(tags.tagged.join(' ')).toContain('Reduce ticket time');
    const nodes = tags.trees.flatMap((t) => structNodes(t));
    const roles = (role: string) => nodes.filter((n) => n.role === role);
    expect(roles('Document').length).toBeGreaterThanOrEqual(1);
    // The customer's name is the one H1; each of the 7 sections opens with an H2.
    expect(roles('H1')).toHaveLength(1);
    expect(roles('H2').length).toBeGreaterThanOrEqual(7);
    expect(roles('L').length).toBeGreaterThanOrEqual(1);
    expect(roles('LI').length).toBeGreaterThanOrEqual(2);
    // Goals, value, milestones, benchmarks: tables whose first row is header cells.
    expect(roles('Table').length).toBeGreaterThanOrEqual(4);
    expect(roles('TH').length).toBeGreaterThanOrEqual(4 * 3);
    expect(roles('TD').length).toBeGreaterThan(40);
    for (const t of roles('Table')) {
      const rows = structNodes(t).filter((n) => n.role === 'TR');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows[0]?.children?.every((c) => c.role === 'TH')).toBe(true);
    }
    // One figure per charted metric, each saying in words what it shows.
    const figures = roles('Figure').filter((f) => f.alt?.startsWith('Line chart'));
    // And the health history's bars.
    expect(roles('Figure').length - figures.length).toBe(1);
    expect(figures).toHaveLength(
      acmeInput().metrics.trends.filter((t) => t.points.length > 0).length,
    );
    for (const f of figures) expect(f.alt).toMatch(/^Line chart of .+: .+ target of .+\.$/);
    expect(figures.map((f) => f.alt).join('\n')).toContain(
      'Line chart of API response time (p95): 4 measurements from',
    );
    // Content is tagged: paragraphs and cells reach marked content on the page.
    expect(roles('P').some((p) => p.children?.some((c) => c.type === 'content'))).toBe(true);
  });

  it('keeps footers and repeated table headers out of the reading order; all other text is tagged', async () => {
    const tags = await readPdfTags(await renderReportPdf(withGoals(acmeInput(['goals']), 40)));
    expect(tags.trees.length).toBeGreaterThanOrEqual(3);
    tags.artifacts.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${tags.trees.length}`);
      expect(tags.tagged[i]).not.toContain('Page ');
      expect(tags.untagged[i]).toBe('');
    });
    // The goals table's header is read once, on the page where the table starts.
    expect(tags.tagged.filter((t) => t.includes('GOAL / METRIC'))).toHaveLength(1);
    expect(tags.artifacts.slice(1).every((t) => t.includes('GOAL / METRIC'))).toBe(true);
    expect(tags.tagged.join(' ')).toContain('Goal 40');
  });

  it('formats numbers in the requested locale', async () => {
    const pdf = await readPdf(await renderReportPdf(acmeInput(['overview', 'value'], 'de-DE')));
    const all = pdf.pages.join('\n');
    expect(all).toContain('4,2x');
    expect(all).toContain('285.000');
    expect(pdf.info.Language).toBe('de-DE');
  });

  it('rejects an invalid generatedAt with a clear error', async () => {
    await expect(renderReportPdf({ ...acmeInput(), generatedAt: 'yesterday' })).rejects.toThrow(
      /generatedAt must be a valid date/,
    );
  });

  it('says so where a section has nothing to show, and never prints NaN or Infinity', async () => {
    const pdf = await readPdf(await renderReportPdf(empty(acmeInput())));
    const all = pdf.pages.join('\n');
    for (const said of [
      'No goals yet',
      'No success goals defined.',
      'No value drivers recorded.',
      'None in this period.',
      'None planned.',
      'Benchmarks need at least 5 peers in the segment.',
      'No metrics to chart.',
      'No goal is at risk or missed: no action needed.',
      'No investment recorded.',
    ])
      expect(all).toContain(said);
    expect(all).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it('puts the Health and KPIs section on one page with the API figures, read by pdftotext', async () => {
    for (const input of [
      acmeInput(['overview', 'goals', 'health']),
      critical(acmeInput(['value', 'health'])),
    ]) {
      const { pages, words, height, width } = pdftotext(await renderReportPdf(input));
      const at = pages.findIndex((p) => p.includes(HEALTH_TEXT.score.toUpperCase()));
      expect(at).toBeGreaterThan(0);
      const page = squash(pages[at] ?? '');
      // Heading, score tile and the last KPI row on the same page: the section is not split.
      expect(page).toContain(SECTION_TITLE.health);
      expect(page).toContain(KPI_TEXT.ttr_low);
      expect(page).toContain('KPIs for March 2026, trends against February 2026');
      for (const name of [
        'Product usage',
        'Business outcomes',
        'Relationship quality',
        'Account growth',
      ])
        expect(page).toContain(name);
      expect(page).toMatch(
        /Net revenue retention \(NRR\) 100% Acceptable 110% 100% — 120% Unchanged/,
      );
      expect(page).toMatch(
        /Average handle time \(AHT\) 10\.1 min Below minimum 8 min — — — Worsening/,
      );
      expect(page).toContain('$2,599,128');
      // Nothing on the page runs into the bottom margin or off the right edge (the footer
      // sits in the margin on purpose: its words are the page's last line).
      const footerTop = height - 40;
      const inBody = words.filter((w) => w.page === at && w.yMax < footerTop);
      expect(inBody.length).toBeGreaterThan(100);
      for (const w of inBody) {
        expect(w.yMax, w.text).toBeLessThanOrEqual(height - 56 + 1);
        expect(w.xMax, w.text).toBeLessThanOrEqual(width - 48 + 1);
      }
    }
    // In German too (longer words and amounts: "2.599.128 $"), the section keeps to its page.
    const de = pdftotext(await renderReportPdf(critical(acmeInput(['goals', 'health'], 'de-DE'))));
    const german = reportText('de-DE');
    const deAt = de.pages.findIndex((p) => p.includes(german.health.score.toUpperCase()));
    expect(squash(de.pages[deAt] ?? '')).toContain(german.kpi.ttr_low);
    expect(squash(de.pages[deAt] ?? '')).toContain('2.599.128 $');
    for (const w of de.words.filter((x) => x.page === deAt && x.yMax < de.height - 40)) {
      expect(w.yMax, w.text).toBeLessThanOrEqual(de.height - 56 + 1);
      expect(w.xMax, w.text).toBeLessThanOrEqual(de.width - 48 + 1);
    }
    const bad = pdftotext(await renderReportPdf(critical(acmeInput(['health'])))).pages.join('\n');
    expect(squash(bad)).toContain('42 / 100');
    expect(bad).toContain('Critical');
    expect(bad).toContain('Score dropped more than 20 points · Apr 29, 2026');
    expect(bad).toContain('Fell <b>fast</b> & "hard": 84.15 to 41.5');
  });

  it('prints Not measured for KPIs without a value and one line for a customer with neither', async () => {
    const unmeasured = pdftotext(
      await renderReportPdf(kpisUnmeasured(acmeInput(['health']))),
    ).pages.join('\n');
    expect(squash(unmeasured)).toMatch(
      /Net revenue retention \(NRR\) Not measured — 110% 100% — 120% —/,
    );
    expect(unmeasured).not.toMatch(/NaN|Infinity|null/);
    const none = squash(
      pdftotext(await renderReportPdf(empty(acmeInput(['health'])))).pages.join('\n'),
    );
    expect(none).toContain(`${SECTION_TITLE.health} ${HEALTH_TEXT.none}`);
    expect(none).not.toContain(HEALTH_TEXT.score.toUpperCase());
  });

  it('tags the health history as a figure that says what it shows', async () => {
    const tags = await readPdfTags(await renderReportPdf(acmeInput(['health'])));
    const figures = tags.trees.flatMap((t) => structNodes(t)).filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt)).toContain(
      'Bar chart of the health score: 10 observations from Jul 31, 2025 to Apr 27, 2026, going from 71 to 84.',
    );
    expect(tags.untagged.every((t) => t === '')).toBe(true);
  });
});
