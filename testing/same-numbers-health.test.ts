// The same numbers everywhere, for health and KPIs (issue 13's Reports bullet, issue 11's rule):
// the health score, its band and every KPI value of getCustomerHealth and getCustomerKpis, as
// calc's formatters format them, are what the server's report puts in the PDF (read with
// poppler's pdftotext), the PPTX (slide XML) and the HTML report, for Acme and a customer of
// every band, in en-US and de-DE. Figures are found by their labels, never by whole-text equality.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatHours,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../packages/calc/src/index.js';
import { KPI_FIGURES } from '../packages/calc/src/kpi.js';
import { KPI_TEXT, reportText } from '../packages/report/src/sections.js';
import { readPptx, runs } from '../packages/report/src/testing/read.js';
import {
  type components,
  createSuccessClient,
  type SuccessClient,
} from '../packages/sdk/src/index.js';
import { createApp, DEFAULT_STATIC } from '../packages/server/src/app.js';
import { type TestApp, TOKENS, testApp } from '../packages/server/src/testing/harness.js';
import { type Listening, listen } from '../packages/server/src/testing/listen.js';

type CustomerHealth = components['schemas']['CustomerHealth'];
type CustomerKpis = components['schemas']['CustomerKpis'];
type ReportFormat = components['schemas']['ReportFormat'];

const LOCALES = ['en-US', 'de-DE'] as const;
type Locale = (typeof LOCALES)[number];

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#\d+|\w+);/g, (whole, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? whole),
  );

/**
 * A KPI's value as calc's formatters give it for its unit: what every report must show. Written
 * here from calc's functions, not the report's, so a report that formats a KPI its own way fails.
 */
/** The unit words the reports print, written out by hand per language (the reports speak it). */
const UNIT_WORDS: Readonly<Record<string, { none: string; min: string; months: string }>> = {
  en: { none: 'Not measured', min: 'min', months: 'months' },
  de: { none: 'Nicht gemessen', min: 'Min.', months: 'Monate' },
};

function kpiShown(v: number | null, unit: string, locale: Locale): string {
  const w = UNIT_WORDS[locale.slice(0, 2)] ?? UNIT_WORDS.en;
  if (!w) throw new Error('no unit words');
  if (v === null) return w.none;
  const n = (d: number) => formatNumber(v, { locale, maximumFractionDigits: d });
  if (unit === '%') return formatPercent(v, { locale, maximumFractionDigits: 1 });
  if (unit === 'h') return formatHours(v, { locale, maximumFractionDigits: 1 });
  if (unit === 'min') return `${n(1)} ${w.min}`;
  if (unit === 'months') return `${n(1)} ${w.months}`;
  if (unit === '1..5') return `${n(2)} / 5`;
  if (unit === '1..7') return `${n(2)} / 7`;
  if (unit === '-100..100') return n(1);
  return formatMoney(v, unit, { locale });
}

interface Expected {
  /** The score's label in the report's language ("Health score"). */
  readonly scoreLabel: string;
  readonly score: string;
  readonly band: string;
  readonly kpis: readonly (readonly [label: string, value: string])[];
}

function expected(h: CustomerHealth, k: CustomerKpis, locale: Locale): Expected {
  return {
    scoreLabel: reportText(locale).health.score,
    score:
      h.score === null
        ? ''
        : `${formatNumber(h.score, { locale, maximumFractionDigits: 0 })} / 100`,
    // The band's and the KPIs' names in the report's language.
    band: h.band ? reportText(locale).vocabulary.healthBand(h.band) : '',
    kpis: k.observation
      ? KPI_FIGURES.map((key) => [
          reportText(locale).kpi[key],
          kpiShown(k.kpis[key].value, k.kpis[key].unit, locale),
        ])
      : [],
  };
}

/** Acme as PRD-style pins, written out by hand (en-US): catches calc and the reports moving together. */
const ACME_PINS: Expected = {
  scoreLabel: 'Health score',
  score: '84 / 100',
  band: 'Good',
  kpis: [
    [KPI_TEXT.nrr, '100%'],
    [KPI_TEXT.clv, '$2,599,128'],
    [KPI_TEXT.cac_payback, '7.4 months'],
    [KPI_TEXT.csat, '4.28 / 5'],
    [KPI_TEXT.nps, '33.3'],
    [KPI_TEXT.aht, '10.1 min'],
    [KPI_TEXT.ttr_low, '81.4 hrs'],
  ],
};

/** What one surface's text (pieces in reading order, or one string) fails to show of `want`. */
function missing(
  who: string,
  surface: string,
  text: string,
  want: Expected,
  kpiMatch: (label: string, value: string) => boolean,
): string[] {
  const out: string[] = [];
  const t = norm(text);
  const label = escapeRe(want.scoreLabel);
  if (want.score && !new RegExp(`${label} ${escapeRe(norm(want.score))}`, 'i').test(t))
    out.push(`${who} · ${surface} · health score: expected "${want.score}"`);
  if (want.band && !t.includes(want.band))
    out.push(`${who} · ${surface} · band: expected "${want.band}"`);
  for (const [label, value] of want.kpis)
    if (!kpiMatch(label, value)) out.push(`${who} · ${surface} · ${label}: expected "${value}"`);
  return out;
}

describe('health and KPIs read the same in the API and every report format', () => {
  let t: TestApp;
  let server: Listening;
  let client: SuccessClient;
  let dir: string;
  const sampled: { id: string; who: string; health: CustomerHealth; kpis: CustomerKpis }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cscx-same-health-'));
    t = await testApp('pglite');
    server = await listen(
      createApp({ db: t.db, clock: t.clock, static: { ...DEFAULT_STATIC, cdnDir: null } }),
    );
    client = createSuccessClient({ baseUrl: server.url, token: TOKENS.manager, retries: 0 });
    const ids: string[] = [];
    for await (const c of client.listCustomers.all({ limit: 100 })) ids.push(c.id);
    ids.sort();
    // Acme, then the first customer of each band (and one without a KPI observation, if any).
    const bands = new Set<string>();
    let withoutKpis = false;
    for (const id of ['cus_acme', ...ids.filter((x) => x !== 'cus_acme')]) {
      const health = await client.getCustomerHealth({ customerId: id });
      const kpis = await client.getCustomerKpis({ customerId: id });
      const band = health.band ?? 'none';
      const fresh = id === 'cus_acme' || !bands.has(band) || (!kpis.observation && !withoutKpis);
      if (!fresh) continue;
      bands.add(band);
      withoutKpis ||= !kpis.observation;
      sampled.push({ id, who: `${id} (${band})`, health, kpis });
      if (bands.size >= 5 && sampled.length >= 5) break;
    }
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const report = async (id: string, format: ReportFormat, locale: Locale) => {
    const file = await client.generateSuccessReport({
      customerId: id,
      body: { format, locale, include_sections: ['health'] },
    });
    return new Uint8Array(await file.arrayBuffer());
  };

  it('samples Acme and customers of every band', () => {
    expect(sampled[0]?.id).toBe('cus_acme');
    const bands = new Set(sampled.map((s) => s.health.band));
    for (const b of ['excellent', 'good', 'at_risk', 'critical']) expect(bands).toContain(b);
  });

  it('shows the API figures in the PDF, the PPTX and the HTML report', async () => {
    const out: string[] = [];
    for (const c of sampled) {
      for (const locale of LOCALES) {
        const want = expected(c.health, c.kpis, locale);
        const pins = c.id === 'cus_acme' && locale === 'en-US' ? [want, ACME_PINS] : [want];
        const who = `${c.who} · ${locale}`;

        const file = join(dir, `${c.id}-${locale}.pdf`);
        writeFileSync(file, await report(c.id, 'pdf', locale));
        // -raw: the text in the order it is drawn, so a KPI's value follows its name.
        const pdf = norm(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
        const inPdf = (label: string, value: string) =>
          new RegExp(`${escapeRe(label)} ${escapeRe(norm(value))}(?: |$)`).test(pdf);
        for (const w of pins) out.push(...missing(who, 'PDF', pdf, w, inPdf));

        const deck = await readPptx(await report(c.id, 'ppt', locale));
        const pieces = deck.slides.flatMap((s) => runs(s).map((r) => norm(decode(r))));
        const inPptx = (label: string, value: string) =>
          pieces.some((p, i) => p === label && pieces[i + 1] === norm(value));
        for (const w of pins) out.push(...missing(who, 'PPTX', pieces.join(' '), w, inPptx));

        const html = new TextDecoder().decode(await report(c.id, 'html', locale));
        const cells = html
          .replace(/<(style|title)\b[\s\S]*?<\/\1>/g, '')
          .split(/<[^>]*>/)
          .map((s) => norm(decode(s)))
          .filter((s) => s !== '');
        const inHtml = (label: string, value: string) =>
          cells.some((p, i) => p === label && cells[i + 1] === norm(value));
        for (const w of pins) out.push(...missing(who, 'HTML', cells.join(' '), w, inHtml));
      }
    }
    expect(out).toEqual([]);
  }, 300_000);
});
