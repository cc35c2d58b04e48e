// The report in the reader's language: in the pseudo-locale every word the report itself prints
// comes out accented inside ⟦…⟧, so any string that skipped the catalogue shows as plain
// English; in German and Japanese the labels read in that language, in all three formats.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDate } from '@cscx/success-calc';
import { FORMULAS, formulaWords } from '@cscx/success-calc/explain';
import { PSEUDO_LOCALE } from '@cscx/success-calc/i18n';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from './html.js';
import { REPORT_TABLES } from './messages.js';
import { renderReportPdf } from './pdf.js';
import { renderReportPptx } from './pptx.js';
import { reportText } from './sections.js';
import { readPptx, runs } from './testing/read.js';
import { acmeInput } from './testing/variants.js';
import type { ReportInput } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'cscx-report-languages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as poppler reads it, in reading order. */
function pdfText(bytes: Uint8Array): string {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};
const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? m);

/** What the deck says: every slide's and note's runs, and its charts' titles and series names. */
async function pptxText(bytes: Uint8Array): Promise<string> {
  const deck = await readPptx(bytes);
  const charts = await Promise.all(
    deck.files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).map((f) => deck.read(f)),
  );
  return decode(
    [
      ...deck.slides.flatMap(runs),
      ...[...deck.notes.values()].flatMap(runs),
      ...charts.flatMap((xml) => [
        ...runs(xml),
        ...[...xml.matchAll(/<c:tx>\s*<c:strRef>.*?<c:v>([^<]*)<\/c:v>/gs)].map((m) => m[1] ?? ''),
      ]),
      // Shapes' descriptions: the charts' and pictures' alternate text.
      ...deck.slides.flatMap((xml) => [...xml.matchAll(/descr="([^"]*)"/g)].map((m) => m[1] ?? '')),
    ].join('\n'),
  );
}

/** What the HTML says: its text (styles left out) and its labels for assistive technology. */
function htmlText(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '');
  const labels = [...body.matchAll(/(?:aria-label|alt)="([^"]*)"/g)].map((m) => m[1] ?? '');
  return decode([body.replace(/<[^>]+>/g, '\n'), ...labels].join('\n'));
}

/** Every string of the input: what the API says (names, notes, units, explanations) is data. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The input's strings with letters, longest first: what the API sent (names, notes, its
 * explanations) is data; calc's formulas and derivations the report writes itself are not, so
 * an English one in another language's report is caught.
 */
function dataOf(input: ReportInput): string[] {
  return strings(input)
    .map(squash)
    .filter((s) => /\p{L}/u.test(s))
    .sort((a, b) => b.length - a.length);
}

/** `text` with every data string cut out (whole strings, long enough not to cut words: "h"). */
function withoutData(text: string, data: readonly string[]): string {
  let rest = squash(text);
  for (const s of data) if (s.length >= 4) rest = rest.split(s).join(' ');
  return rest;
}

/**
 * The words of `text` that are neither inside ⟦…⟧ (a catalogue message in the pseudo-locale)
 * nor data: the input's own strings and calc's texts are cut out whole, then what remains may
 * only be words of the input's short strings (names, units; a cell may split a name across
 * lines), month names and the unit abbreviations calc's formatters print.
 */
function untranslated(text: string, input: ReportInput): string[] {
  let rest = squash(text);
  // Innermost first: a message may hold another in a place ("Line chart of …: ⟦1 measurement⟧").
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  const data = dataOf(input);
  rest = withoutData(rest, data);
  const allowed = new Set(
    [
      ...data.filter((s) => s.length <= 60).flatMap((s) => s.split(/[^\p{L}]+/u)),
      ...Array.from({ length: 12 }, (_, i) => [
        formatDate(`2026-${String(i + 1).padStart(2, '0')}-15`, {
          locale: 'en-US',
          style: 'short',
        }),
        formatDate(`2026-${String(i + 1).padStart(2, '0')}-15`, { locale: 'en-US', style: 'long' }),
      ]).flatMap(([a, b]) => `${a} ${b}`.split(/[^\p{L}]+/u)),
      'hrs',
      'hr',
      'h',
      'ms',
      'min',
      'x',
      'K',
      'M',
    ]
      .filter((w) => w !== '')
      .map((w) => w.toLowerCase()),
  );
  return rest.split(/[^\p{L}]+/u).filter((w) => w !== '' && !allowed.has(w.toLowerCase()));
}

describe('the report in the reader’s language', () => {
  const pseudo = acmeInput(undefined, PSEUDO_LOCALE);

  it('in the pseudo-locale prints no word of its own outside the catalogue: HTML', () => {
    expect(untranslated(htmlText(renderReportHtml(pseudo)), pseudo)).toEqual([]);
  });

  it('in the pseudo-locale prints no word of its own outside the catalogue: PDF (pdftotext)', async () => {
    expect(untranslated(pdfText(await renderReportPdf(pseudo)), pseudo)).toEqual([]);
  });

  it('in the pseudo-locale prints no word of its own outside the catalogue: PPTX slides, notes and charts', async () => {
    expect(untranslated(await pptxText(await renderReportPptx(pseudo)), pseudo)).toEqual([]);
  });

  it('finds a word left out of the catalogue (the check itself works)', () => {
    const html = renderReportHtml(pseudo).replace('</footer>', ' Confidential draft</footer>');
    expect(untranslated(htmlText(html), pseudo)).toEqual(['Confidential', 'draft']);
  });

  // Words of the report's English tables that German would never print: every label of the
  // catalogue that has a German translation different from its English.
  const german = acmeInput(undefined, 'de-DE');
  const english = REPORT_TABLES.flatMap((t) =>
    Object.values(t.en).filter((m): m is string => typeof m === 'string'),
  );
  const de = reportText('de-DE');
  const englishOnly = [
    ...new Set(
      english
        .filter((m) => !/[{}]/.test(m) && m.length >= 8 && /\s/.test(m))
        .filter((m) => !Object.values(de).some((table) => Object.values(table).includes(m))),
    ),
  ];

  const germanLabels = [
    'bei 68.000 $ Investition',
    'Erreichte Ziele',
    'Erzielter Nutzen',
    'Vergleichswerte',
    'Empfohlene Maßnahmen',
    'Ausgangswert',
    'Zielen im Plan oder übertroffen',
    'So werden diese Zahlen berechnet',
    // A recommendation, from its code and causes (the API's English words are data, cut above).
    'bei 70 % des Zielwerts',
  ];
  const englishAction = 'Review the expansion pipeline with the account team';

  // The English labels a German text still has once the data (names, calc's formulas) is cut.
  const leftInEnglish = (text: string) => {
    const rest = withoutData(text, dataOf(german));
    return englishOnly.filter((m) => rest.includes(m));
  };

  it('in de-DE reads German labels in the HTML, none of the English ones', () => {
    const text = squash(htmlText(renderReportHtml(german)));
    for (const label of germanLabels) expect(text).toContain(label);
    expect(text).toContain('Die Expansions-Pipeline mit dem Account-Team durchgehen');
    expect(text).not.toContain(englishAction);
    expect(leftInEnglish(text)).toEqual([]);
    expect(renderReportHtml(german)).toContain('<html lang="de">');
  });

  it('in de-DE reads German labels in the PDF, none of the English ones', async () => {
    const text = squash(pdfText(await renderReportPdf(german)));
    for (const label of germanLabels.filter((l) => l !== 'Ausgangswert'))
      expect(text).toContain(label);
    expect(text).toContain('AUSGANGSWERT');
    expect(text).toMatch(/Seite 1 von \d/);
    expect(text).not.toContain(englishAction);
    expect(leftInEnglish(text)).toEqual([]);
  });

  it('in de-DE reads German labels in the deck, its notes and charts, marked as German', async () => {
    const bytes = await renderReportPptx(german);
    const text = squash(await pptxText(bytes));
    for (const label of [
      'bei 68.000 $ Investition',
      'Erfolgsübersicht',
      'Erzielter Jahresnutzen nach Kategorie',
      'Gemessen',
      'NÄCHSTE SCHRITTE',
      'bei 70 % des Zielwerts',
    ])
      expect(text).toContain(label);
    expect(text).not.toContain(englishAction);
    expect(leftInEnglish(text)).toEqual([]);
    const deck = await readPptx(bytes);
    expect(deck.slides.join('')).toContain('lang="de-DE"');
    expect(deck.slides.join('')).not.toContain('lang="en-US"');
  });

  // The formula notes (PDF appendix, speaker notes): calc's formulas in German, none in English.
  const formulaNotes = (text: string) => {
    const english = Object.values(FORMULAS)
      .map((f) => f.words.slice(0, 28))
      .filter((start) => text.includes(start) || text.includes(start.toLowerCase()));
    return {
      english,
      german: text.includes(formulaWords('goal_counts.achievement_rate', 'de-DE')),
    };
  };

  it('in de-DE writes every formula note of the PDF and the deck in German, none in English', async () => {
    expect(formulaWords('goal_counts.achievement_rate', 'de-DE')).toBe(
      'Zielerreichungsquote = erreichte Ziele / Ziele × 100.',
    );
    const pdf = formulaNotes(squash(pdfText(await renderReportPdf(german))));
    const deck = formulaNotes(squash(await pptxText(await renderReportPptx(german))));
    expect({ pdf, deck }).toEqual({
      pdf: { english: [], german: true },
      deck: { english: [], german: true },
    });
    const html = squash(htmlText(renderReportHtml(german)));
    expect(html).toContain('ROI-Faktor = Gesamtwert / Investition.');
    expect(html).toMatch(/\(angezeigt [\d,]+x\)/);
  });

  // .ci/run installs Debian's fonts-noto-cjk; a machine without it gets ReportFontError instead.
  const noto = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');

  it.skipIf(!noto)(
    'in ja-JP embeds a Japanese font: pdftotext reads the Japanese labels',
    async () => {
      const input = acmeInput(undefined, 'ja-JP');
      const text = squash(pdfText(await renderReportPdf(input)));
      for (const label of [
        'サクセスレポート',
        '創出価値',
        '達成した目標',
        'これらの数値の算出方法',
      ])
        expect(text).toContain(label);
      expect(text).toContain('投資額 $6.8万 に対して');
    },
  );

  it('in ja-JP sets the deck’s East Asian font and the HTML’s language', async () => {
    const input = acmeInput(undefined, 'ja-JP');
    const deck = await readPptx(await renderReportPptx(input));
    expect(deck.slides.join('')).toContain('<a:ea typeface="Yu Gothic"');
    expect(deck.slides.join('')).toContain('lang="ja-JP"');
    const html = renderReportHtml(input);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('Noto Sans CJK JP');
  });
});
