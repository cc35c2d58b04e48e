// Issue 11, "The same numbers everywhere, proven": every headline figure of the API's
// getCustomerSuccessMetrics, formatted by calc's formatters (the single formatting source), is
// what the dashboard shows in Chromium (the real elements against the real server) and what the
// server's report endpoint puts in the PDF (read with pdf.js), the PPTX (slide and chart XML) and
// the HTML report, for Acme and generated customers, in en-US and de-DE. Figures are found by
// their labels and parts, never by whole-text equality: other text (disclosures, notes) may sit
// around them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatBenchmarkValue,
  formatDate,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
  goalsOnTrackOrExceeded,
  MISSING_VALUE,
  STATUS_TEXT,
} from '../packages/calc/src/index.js';
import { type Vocabulary, vocabulary } from '../packages/calc/src/vocabulary.js';
import { benchmarkLabel, fillIn, reportText } from '../packages/report/src/sections.js';
import { readPdf, readPptx, runs } from '../packages/report/src/testing/read.js';
import {
  type components,
  createSuccessClient,
  type SuccessClient,
} from '../packages/sdk/src/index.js';
import { createApp, DEFAULT_STATIC } from '../packages/server/src/app.js';
import { type TestApp, TOKENS, testApp } from '../packages/server/src/testing/harness.js';
import { type Listening, listen } from '../packages/server/src/testing/listen.js';
import { launchChromium } from '../scripts/chromium.mjs';

type CustomerSuccessMetrics = components['schemas']['CustomerSuccessMetrics'];
type AccountSuccessMetrics = components['schemas']['AccountSuccessMetrics'];
type ReportFormat = components['schemas']['ReportFormat'];
type ReportSection = components['schemas']['ReportSection'];

const LOCALES = ['en-US', 'de-DE'] as const;
type Locale = (typeof LOCALES)[number];
/** Generated customers whose reports are read (besides Acme), and those seen in Chromium. */
const REPORT_CUSTOMERS = 50;
const BROWSER_CUSTOMERS = 20;

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** A goal's row as a surface shows it. */
interface GoalShown {
  name: string;
  status?: string | undefined;
  progress?: string | undefined;
}

/** What one surface shows: the headline figures by name, and each goal's row by goal. */
interface Shown {
  readonly headline: Record<string, string | undefined>;
  readonly goals: readonly GoalShown[];
  /** The surface's whole text, for the figures read as runs (milestones, benchmarks, trends). */
  readonly text?: string;
}

// Intl puts no-break spaces (U+00A0, U+202F) where a PDF's text layer may give plain ones:
// what a reader sees is compared, so every run of white space is one space.
const norm = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim();

/**
 * The language each surface speaks in each locale: the reports and the dashboard both switch
 * their words with `locale` (issue 14), from calc's one vocabulary (reportText registers the
 * shipped translations in this process; the elements load theirs in the browser).
 */
const reportWords = (locale: Locale): Vocabulary => reportText(locale).vocabulary;
const dashboardWords = reportWords;

// Every status word of every locale, longest first (a surface's status is found by its word).
const STATUS_WORDS = [
  ...new Set([
    ...Object.values(STATUS_TEXT),
    ...LOCALES.flatMap((l) => Object.keys(STATUS_TEXT).map((k) => reportWords(l).status(k))),
  ]),
].sort((a, b) => b.length - a.length);

/** The figures of `m` as calc formats them in `locale`: what every surface must show. */
function expected(m: CustomerSuccessMetrics, locale: Locale, words: Vocabulary): Shown {
  const g = m.metrics.goals;
  const v = m.metrics.value_delivered;
  const n = (x: number) => formatNumber(x, { locale, maximumFractionDigits: 0 });
  const score = m.metrics.success_score.score;
  return {
    headline: {
      'total value delivered': formatMoney(v.total_value, m.metrics.currency, {
        locale,
        compact: true,
      }),
      'ROI multiplier': formatMultiplier(v.roi_multiplier, { locale }),
      'goals achieved': `${n(g.achieved)} / ${n(g.total)}`,
      'achievement rate': formatPercent(g.achievement_rate, { locale }),
      'goals on track or exceeded': words.onTrackLine(
        goalsOnTrackOrExceeded({ total: g.total, achieved: g.achieved, onTrack: g.on_track }),
        g.total,
      ).figure,
      'goals on track': n(g.on_track),
      'goals at risk': n(g.at_risk),
      'success score': score === null ? MISSING_VALUE : n(score),
    },
    goals: m.goals.map((goal) => ({
      name: goal.name,
      status: words.goalStatus(goal.status, goal.exceeded),
      progress: formatPercent(goal.achievement_pct, { locale }),
    })),
  };
}

/** Every difference between what `shown` and what calc says, one line naming all four. */
function compare(who: string, locale: Locale, surface: string, want: Shown, got: Shown): string[] {
  const out: string[] = [];
  const at = `${who} · ${locale} · ${surface}`;
  for (const [figure, value] of Object.entries(want.headline)) {
    if (!(figure in got.headline)) continue;
    const shown = got.headline[figure];
    if (norm(shown) !== norm(value))
      out.push(`${at} · ${figure}: expected "${value}", shown "${shown ?? '(not found)'}"`);
  }
  want.goals.forEach((goal, i) => {
    const row = got.goals[i];
    if (!row || row.name !== goal.name) {
      out.push(`${at} · goal ${i + 1} "${goal.name}": row shows "${row?.name ?? '(no row)'}"`);
      return;
    }
    for (const part of ['status', 'progress'] as const) {
      if (norm(row[part]) !== norm(goal[part]))
        out.push(
          `${at} · goal "${goal.name}" ${part}: expected "${goal[part]}", shown "${row[part] ?? '(not found)'}"`,
        );
    }
  });
  if (got.goals.length !== want.goals.length)
    out.push(`${at} · goal rows: expected ${want.goals.length}, shown ${got.goals.length}`);
  return out;
}

/**
 * Acme as the product documents show it (PRD-165's mock-up, TC-165.1 104 %, TC-165.2 "4.2x"),
 * written out by hand: calc's formatters are the single source every surface calls, so a change
 * to them moves the expectation and the surfaces together; these pins are what catches it.
 */
const ACME_GOALS = [
  ['API response time', 'Exceeded', 119],
  ['Increase NPS', 'On track', 90],
  ['Reduce ticket time', 'Exceeded', 104],
  ['Revenue from upsell', 'At risk', 70],
  ['User adoption', 'On track', 95],
] as const;
/** Acme's goal rows with the status words of `words`. */
const acmeGoals = (words: Vocabulary, pct: (n: number) => string) =>
  ACME_GOALS.map(([name, status, n]) => ({
    name,
    status: words.status(
      status === 'Exceeded' ? 'exceeded' : status === 'On track' ? 'on_track' : 'at_risk',
    ),
    progress: pct(n),
  }));
/** Acme's figures in the reports' German (the dashboard's pin is ACME['de-DE']). */
const ACME_REPORT_DE: Shown = {
  headline: {
    'total value delivered': '285.000 $',
    'ROI multiplier': '4,2x',
    'goals achieved': '2 / 5',
    'achievement rate': '40 %',
    'goals on track or exceeded': '4 von 5',
    'goals on track': '2',
    'goals at risk': '1',
    'success score': '91',
  },
  goals: acmeGoals(vocabulary('de-DE'), (n) => `${n} %`),
};
const ACME: Record<Locale, Shown> = {
  'en-US': {
    headline: {
      'total value delivered': '$285K',
      'ROI multiplier': '4.2x',
      'goals achieved': '2 / 5',
      'achievement rate': '40%',
      'goals on track or exceeded': '4 of 5',
      'goals on track': '2',
      'goals at risk': '1',
      'success score': '91',
    },
    goals: ACME_GOALS.map(([name, status, pct]) => ({ name, status, progress: `${pct}%` })),
  },
  'de-DE': {
    headline: {
      'total value delivered': '285.000 $',
      'ROI multiplier': '4,2x',
      'goals achieved': '2 / 5',
      'achievement rate': '40 %',
      'goals on track or exceeded': '4 of 5',
      'goals on track': '2',
      'goals at risk': '1',
      'success score': '91',
    },
    goals: ACME_GOALS.map(([name, status, pct]) => ({ name, status, progress: `${pct} %` })),
  },
};

interface Sampled {
  readonly id: string;
  readonly who: string;
  readonly metrics: CustomerSuccessMetrics;
  readonly account: AccountSuccessMetrics;
}

/**
 * A figure shown as a run of parts in reading order (a milestone's date, name and status; a
 * benchmark row's label, value, peer average and percentile; a trend's forecast), with at most
 * `gap` characters of other text (a description, a column label) between two parts.
 */
interface Run {
  readonly what: string;
  readonly parts: readonly string[];
  readonly gap: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` shows `run`'s parts in order, each apart from the next by at most its gap. */
function shows(text: string, run: Run): boolean {
  const parts = run.parts.map((p) => escapeRe(norm(p) ?? ''));
  const between = run.gap === 0 ? '\\s+' : `\\s+(?:[\\s\\S]{0,${run.gap}}?\\s)?`;
  return new RegExp(`(^|\\s)${parts.join(between)}(?=\\s|$)`).test(text);
}

type Surface = 'dashboard' | 'report';

/**
 * Milestones (names, dates, status), benchmark rows (ROI as "4.2x", peer average, percentile)
 * and trend forecasts as calc formats the API's figures. The dashboard shows the achieved
 * milestones and the benchmarks; the reports also the upcoming milestones and the forecasts.
 */
function expectedRuns(c: Sampled, locale: Locale, surface: Surface): Run[] {
  const words = surface === 'report' ? reportWords(locale) : dashboardWords(locale);
  const short = (d: string) => formatDate(d, { locale, style: 'short' });
  const runs: Run[] = c.metrics.metrics.milestones.map((x) => ({
    what: `milestone "${x.name}" achieved`,
    parts: [short(x.achieved_date), x.name],
    gap: 0,
  }));
  if (surface === 'report')
    for (const x of c.account.upcoming_milestones)
      runs.push({
        what: `upcoming milestone "${x.name}" ${x.status}`,
        parts: [short(x.target_date), x.name, words.milestoneStatus(x.status)],
        gap: 400,
      });
  // The dashboard's benchmark rows are not read as one run yet (their layout differs).
  for (const r of surface === 'report' ? (c.account.benchmarks?.rows ?? []) : []) {
    const f = (v: number | null) => formatBenchmarkValue(r.metric, v, { locale });
    runs.push({
      what: `benchmark "${r.label}" (value, peer average, percentile)`,
      parts: [
        benchmarkLabel(r, locale),
        f(r.value),
        f(r.peer_average),
        r.percentile === null
          ? MISSING_VALUE
          : formatNumber(r.percentile, { locale, maximumFractionDigits: 0 }),
      ],
      gap: 40,
    });
  }
  if (surface === 'report')
    for (const t of c.metrics.trends)
      if (t.forecast_date)
        runs.push({
          what: `trend "${t.name}" forecast`,
          parts: [t.name, forecastWords(locale), formatDate(t.forecast_date, { locale })],
          gap: 200,
        });
  return runs;
}

/** The runs of `expectedRuns` that `text` (a surface's whole text) does not show. */
function checkRuns(c: Sampled, locale: Locale, surface: string, text: string, kind: Surface) {
  const t = norm(text) ?? '';
  return expectedRuns(c, locale, kind)
    .filter((r) => !shows(t, r))
    .map(
      (r) => `${c.who} · ${locale} · ${surface} · ${r.what}: "${r.parts.join(' … ')}" not shown`,
    );
}

/** `shown` against calc's formatting of the API, and Acme's also against its pins. */
/** "forecast to reach it": a trend caption's words before the forecast date, in `locale`. */
function forecastWords(locale: Locale): string {
  const t = reportText(locale);
  return fillIn(t, t.trend.captionForecast, { date: '' }).trim();
}

function check(c: Sampled, locale: Locale, surface: string, shown: Shown): string[] {
  const report = surface !== 'dashboard';
  const words = report ? reportWords(locale) : dashboardWords(locale);
  const out = compare(c.who, locale, surface, expected(c.metrics, locale, words), shown);
  const pin = report && locale === 'de-DE' ? ACME_REPORT_DE : pinIn(ACME[locale], words);
  if (c.id === 'cus_acme')
    out.push(...compare(c.who, locale, `${surface} (PRD-165 pin)`, pin, shown));
  return out;
}

/** The Acme pin with its words in `words`' language (its figures stay as pinned). */
function pinIn(pin: Shown, words: Vocabulary): Shown {
  if (words.locale === undefined || /^en/.test(words.locale)) return pin;
  const byWord = new Map(Object.entries(STATUS_TEXT).map(([key, word]) => [word, key]));
  const summary = /^(\d+) of (\d+)$/.exec(pin.headline['goals on track or exceeded'] ?? '');
  return {
    headline: {
      ...pin.headline,
      'goals on track or exceeded': summary
        ? words.onTrackLine(Number(summary[1]), Number(summary[2])).figure
        : pin.headline['goals on track or exceeded'],
    },
    goals: pin.goals.map((g) => ({
      ...g,
      status:
        g.status === undefined
          ? g.status
          : words.status(
              byWord.get(g.status as (typeof STATUS_TEXT)[keyof typeof STATUS_TEXT]) ?? g.status,
            ),
    })),
  };
}

/** Counts of status words over goal rows, formatted as the summary counts are. */
function statusCounts(
  goals: Shown['goals'],
  locale: Locale,
  words: Vocabulary,
): Record<string, string> {
  const n = (word: string) =>
    formatNumber(goals.filter((g) => norm(g.status) === word).length, {
      locale,
      maximumFractionDigits: 0,
    });
  return { 'goals on track': n(words.status('on_track')) };
}

const PERCENT = /^(—|-?[\d.,\s]+\s?%)$/;

/** The status word a piece of text ends with, and what comes before it. */
function splitStatus(text: string): [string, string] | null {
  const t = norm(text) ?? '';
  for (const w of STATUS_WORDS)
    if (t === w || t.endsWith(` ${w}`)) return [t.slice(0, -w.length).trim(), w];
  return null;
}

/**
 * The figures of a report read as a sequence of text pieces (PDF lines, PPTX runs, HTML text
 * nodes), found by their labels: a headline's value follows its label, a summary line's figure
 * comes before its words, a goal's progress and status follow its name in the goals section.
 */
function fromPieces(
  pieces: readonly string[],
  goalNames: readonly string[],
  locale: Locale,
): Shown {
  const p = pieces.map((s) => norm(s) ?? '').filter((s) => s !== '');
  const after = (label: string, k = 1) => {
    const i = p.findIndex((s) => s.toLowerCase() === label.toLowerCase());
    return i < 0 ? undefined : p[i + k];
  };
  const summary = (words: RegExp) => {
    const i = p.findIndex((s) => words.test(s));
    if (i < 0) return undefined;
    const own = (p[i] ?? '').replace(words, '').replace(/^•\s*/, '').trim();
    return own !== '' ? own : p[i - 1];
  };
  // The reports' labels in the report's language.
  const t = reportText(locale);
  const words = t.vocabulary;
  const literal = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rateWords = new RegExp(
    `^${literal(t.text.achievementRate).replace('\\{rate\\}', '(.*?)')}$`,
  );
  const rateText = after(t.text.goalsAchieved, 2);
  const rate = rateText === undefined ? undefined : (rateWords.exec(rateText)?.[1] ?? rateText);
  const goalsAt = p.indexOf(t.section.goals);
  const goals: GoalShown[] = [];
  let cursor = goalsAt;
  for (const name of goalNames) {
    const i = p.indexOf(name, cursor + 1);
    if (i < 0) {
      goals.push({ name: '(not found)' });
      continue;
    }
    cursor = i;
    const row: GoalShown = { name };
    // Progress and status, one piece each or one together, within the next few pieces (a
    // goal's sub-line of target date, owner and notes may come first; a one-metric goal's row
    // carries its baseline, target and current before them, so the progress is the percentage
    // right before the status).
    for (let k = i + 1; k < Math.min(p.length, i + 12); k++) {
      const s = p[k] ?? '';
      const prev = p[k - 1] ?? '';
      if (k > i + 1 && (STATUS_WORDS as readonly string[]).includes(s) && PERCENT.test(prev)) {
        [row.progress, row.status] = [prev, s];
        break;
      }
      const both = splitStatus(s);
      const tail = both && /(?:^|\s)(—|-?[\d.,]+\s?%)$/.exec(both[0]);
      if (both && tail) {
        [row.progress, row.status] = [tail[1], both[1]];
        break;
      }
    }
    goals.push(row);
  }
  return {
    headline: {
      'total value delivered': after(t.text.valueDelivered),
      'ROI multiplier': after(t.text.roi),
      'goals achieved': after(t.text.goalsAchieved),
      'achievement rate': rate,
      'goals on track or exceeded': summary(
        new RegExp(`\\s*${literal(words.onTrackLine(0, 0).words)}$`),
      ),
      'goals at risk': summary(
        new RegExp(
          `\\s*(${literal(words.atRiskLine(1).words)}|${literal(words.atRiskLine(2).words)})$`,
        ),
      ),
      'success score': after(t.text.successScore)?.replace(/\s*\/\s*100$/, ''),
      ...statusCounts(goals, locale, words),
    },
    goals,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? whole),
  );

/** The text nodes of an HTML page, in document order (no styles, scripts or attributes). */
function htmlPieces(html: string): string[] {
  const body = html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '');
  return body.split(/<[^>]*>/).map(decode);
}

/** A minimal host page: the real elements, bundled from source, inside a provider. */
async function buildDashboardPage(dir: string): Promise<void> {
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import '@cscx/success-elements/define/success-provider.js';
import '@cscx/success-elements/define/success-overview.js';
const q = new URLSearchParams(location.search);
const provider = document.createElement('success-provider');
provider.setAttribute('base-url', '');
provider.setAttribute('token', ${JSON.stringify(TOKENS.manager)});
provider.setAttribute('locale', q.get('locale') ?? 'en-US');
const overview = document.createElement('success-overview');
overview.setAttribute('customer-id', q.get('customer') ?? '');
provider.append(overview);
document.body.append(provider);
`,
  );
  await build({
    entryPoints: [entry],
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    alias: {
      '@cscx/success-elements': root('packages/elements/src'),
      '@cscx/success-sdk': root('packages/sdk/src/index.ts'),
      '@cscx/success-calc': root('packages/calc/src/index.ts'),
      // esbuild takes the longest matching alias: subpaths need their own.
      '@cscx/success-calc/i18n': root('packages/calc/src/i18n.ts'),
      '@cscx/success-calc/locales/de-DE': root('packages/calc/src/locales/de-DE.ts'),
      '@cscx/success-calc/locales/fr-FR': root('packages/calc/src/locales/fr-FR.ts'),
      '@cscx/success-calc/locales/es-ES': root('packages/calc/src/locales/es-ES.ts'),
      '@cscx/success-calc/locales/ja-JP': root('packages/calc/src/locales/ja-JP.ts'),
    },
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>same numbers</title><script type="module" src="/entry.js"></script></head><body></body></html>',
  );
}

/** What the dashboard shows, read from its parts through the shadow roots. */
function readDashboard(
  page: Page,
  goalCount: number,
  benchmark: string | null,
  english: boolean,
): Promise<Shown> {
  return page.evaluate(
    async (count: number, bench: string | null, inEnglish: boolean) => {
      // The text a reader sees in `el`, shadow roots included; disclosures and hidden helper
      // text are not the figure.
      const text = (node: Node | null): string => {
        if (!node) return '';
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        if (!(node instanceof Element || node instanceof ShadowRoot)) return '';
        if (node instanceof Element) {
          if (/^(style|script|details|summary|template)$/.test(node.localName)) return '';
          if (node.hasAttribute('hidden') || node.classList.contains('visually-hidden')) return '';
          if (node.shadowRoot) return text(node.shadowRoot);
        }
        let out = '';
        for (const c of node.childNodes) out += text(c);
        return out;
      };
      const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
      const deadline = Date.now() + 30_000;
      const ready = () => {
        const ov = document.querySelector('success-overview')?.shadowRoot;
        const table = ov?.querySelector('success-goals-table')?.shadowRoot;
        const score = ov?.querySelector('success-score')?.shadowRoot;
        const rows = table?.querySelectorAll('tbody tr').length ?? 0;
        // The benchmarks come with the account view, a request of their own.
        const benchmarks = ov?.querySelector('success-benchmarks')?.shadowRoot ?? null;
        const benched = bench === null || text(benchmarks).includes(bench);
        // Another language arrives as its own chunk after the first (English) render.
        const worded =
          inEnglish || text(ov?.querySelector('#cards-heading') ?? null) !== 'Success overview';
        return ov?.querySelector('[part~="cards"]') &&
          rows === count &&
          score?.firstElementChild &&
          benched &&
          worded
          ? ov
          : null;
      };
      let ov = ready();
      while (!ov && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        ov = ready();
      }
      if (!ov)
        return {
          headline: { dashboard: `not rendered: ${clean(text(document.body)).slice(0, 300)}` },
          goals: [],
        };
      const headline: Record<string, string | undefined> = {};
      // By position (goals, value, ROI, score), not by label: the labels are in the locale's words.
      const LABELS = ['Goals achieved', 'Value delivered', 'ROI', 'Success score'];
      const cards = [...ov.querySelectorAll('.cards > .card')];
      for (const card of cards) {
        const label = LABELS[cards.indexOf(card)];
        const figure = card.querySelector('.figure');
        const sub = card.querySelector('.sub');
        if (label === 'Goals achieved') {
          headline['goals achieved'] = clean(text(figure));
          headline['achievement rate'] = clean(text(sub));
        } else if (label === 'Value delivered')
          headline['total value delivered'] = clean(text(figure));
        else if (label === 'ROI') headline['ROI multiplier'] = clean(text(figure));
        else if (label === 'Success score') {
          const gauge = card.querySelector('success-score')?.shadowRoot;
          const shown = gauge?.querySelector('.figure');
          // "91/100": the number, without its "/100" (a note instead when there is no score).
          headline['success score'] = shown
            ? clean(text(shown)).replace(/\s*\/\s*100$/, '')
            : clean(text(gauge ?? null)) || undefined;
        }
      }
      headline['goals on track or exceeded'] = clean(
        text(ov.querySelector('[part~="summary"] strong')),
      );
      headline['goals at risk'] = String(
        ov.querySelectorAll('[part~="at-risk"] li.risk:not(.missed)').length,
      );
      const table = ov.querySelector('success-goals-table')?.shadowRoot;
      const goals = [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => ({
        name: clean(text(tr.querySelector('button.goal'))),
        // The figure, not the cell: the cell also holds its label for the phone layout.
        progress: clean(
          text(tr.querySelector('.col-progress .progress') ?? tr.querySelector('.col-progress')),
        ),
        status: clean(text(tr.querySelector('[part~="status"]'))),
      }));
      return { headline, goals, text: clean(text(ov)) };
    },
    goalCount,
    benchmark,
    english,
  );
}

describe('the same numbers on every surface', () => {
  let t: TestApp;
  let server: Listening;
  let client: SuccessClient;
  let pageDir: string;
  /** Acme and the generated customers, with their metrics (customers with goals only). */
  const customers: Sampled[] = [];
  let withoutGoals = 0;

  beforeAll(async () => {
    pageDir = mkdtempSync(join(tmpdir(), 'cscx-same-numbers-'));
    const [app] = await Promise.all([testApp('pglite'), buildDashboardPage(pageDir)]);
    t = app;
    server = await listen(
      createApp({
        db: t.db,
        clock: t.clock,
        static: { ...DEFAULT_STATIC, hostPageDir: pageDir, cdnDir: null },
      }),
    );
    client = createSuccessClient({ baseUrl: server.url, token: TOKENS.manager, retries: 0 });
    const ids: string[] = [];
    for await (const c of client.listCustomers.all({ limit: 100 })) ids.push(c.id);
    ids.sort();
    // Acme first, then generated customers spread over the whole seed.
    const generated = ids.filter((id) => id !== 'cus_acme');
    const step = Math.max(1, Math.floor(generated.length / (REPORT_CUSTOMERS + 10)));
    for (const id of ['cus_acme', ...generated.filter((_, i) => i % step === 0)]) {
      if (customers.length > REPORT_CUSTOMERS) break;
      const metrics = await client.getCustomerSuccessMetrics({ customerId: id });
      if (metrics.metrics.goals.total === 0) {
        withoutGoals++;
        continue;
      }
      const account = await client.getAccountSuccessMetrics({
        customerId: id,
        includeBenchmarks: true,
      });
      customers.push({ id, who: `${metrics.customer.name} (${id})`, metrics, account });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
    rmSync(pageDir, { recursive: true, force: true });
  });

  it('covers Acme and at least 50 generated customers', () => {
    expect(customers[0]?.id).toBe('cus_acme');
    expect(
      customers.length - 1,
      `${withoutGoals} sampled customers had no goals`,
    ).toBeGreaterThanOrEqual(REPORT_CUSTOMERS);
  });

  it("calc formats Acme's API figures as PRD-165 shows them", () => {
    const acme = customers[0];
    expect(acme?.id).toBe('cus_acme');
    if (!acme) return;
    const out = LOCALES.flatMap((locale) =>
      compare(acme.who, locale, 'calc', ACME[locale], expected(acme.metrics, locale, vocabulary())),
    );
    expect(out).toEqual([]);
  });

  it('the dashboard in Chromium shows what calc formats from the API', async () => {
    let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
    const mismatches: string[] = [];
    try {
      chromium = await launchChromium('cscx-same-numbers');
      const page = await chromium.browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      for (const c of customers.slice(0, BROWSER_CUSTOMERS + 1)) {
        for (const locale of LOCALES) {
          await page.goto(`${server.url}/?customer=${c.id}&locale=${locale}`, {
            waitUntil: 'load',
          });
          const shown = await readDashboard(
            page,
            c.metrics.goals.length,
            c.account.benchmarks?.rows[0]?.label ?? null,
            locale.startsWith('en'),
          );
          shown.headline['goals on track'] ??= statusCounts(
            shown.goals,
            locale,
            dashboardWords(locale),
          )['goals on track'];
          mismatches.push(...check(c, locale, 'dashboard', shown));
          mismatches.push(...checkRuns(c, locale, 'dashboard', shown.text ?? '', 'dashboard'));
          if (shown.headline.dashboard)
            mismatches.push(`${c.who} · ${locale} · dashboard · ${shown.headline.dashboard}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await chromium?.close();
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  const report = async (
    id: string,
    format: ReportFormat,
    locale: Locale,
    sections: ReportSection[],
  ) => {
    const file = await client.generateSuccessReport({
      customerId: id,
      body: { format, locale, include_sections: sections },
    });
    return new Uint8Array(await file.arrayBuffer());
  };

  /** The sections whose figures are compared, in every format. */
  const SHOWN: ReportSection[] = ['overview', 'goals', 'milestones', 'benchmarks', 'trends'];

  it('the PDF, PPTX and HTML reports show what calc formats from the API', async () => {
    const mismatches: string[] = [];
    for (const c of customers) {
      const names = c.metrics.goals.map((g) => g.name);
      for (const locale of LOCALES) {
        const pdf = await readPdf(await report(c.id, 'pdf', locale, SHOWN));
        const lines = pdf.pages.flatMap((page) => page.split('\n'));
        mismatches.push(...check(c, locale, 'PDF', fromPieces(lines, names, locale)));
        mismatches.push(...checkRuns(c, locale, 'PDF', lines.join(' '), 'report'));

        const deck = await readPptx(await report(c.id, 'ppt', locale, [...SHOWN, 'value']));
        const slideRuns = deck.slides.flatMap((s) => runs(s).map(decode));
        mismatches.push(...check(c, locale, 'PPTX slides', fromPieces(slideRuns, names, locale)));
        mismatches.push(...checkRuns(c, locale, 'PPTX slides', slideRuns.join(' '), 'report'));
        // The value chart's cached numbers are the API's, category by category: only the
        // categories that delivered value (no zero bars), adding up to the total delivered.
        const charts = [...deck.chartsBySlide.values()].flat();
        const values = await Promise.all(charts.map((ch) => deck.read(ch)));
        const chart = values.find((xml) => xml.includes(reportText(locale).deck.valueByCategory));
        const cache = (part: string | undefined) =>
          [...(part ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decode(m[1] ?? ''));
        const labels = cache(chart?.split('<c:cat>')[1]?.split('</c:cat>')[0]);
        const amounts = cache(chart?.split('<c:val>')[1]?.split('</c:val>')[0]).map(Number);
        const bars = new Map(labels.map((l, i) => [l, amounts[i]]));
        const want = c.account.value_summary.categories.filter((k) => k.annual_value > 0);
        if (want.length > 0 && !chart)
          mismatches.push(`${c.who} · ${locale} · PPTX chart · no value chart`);
        for (const k of want)
          if (bars.get(k.label) !== k.annual_value)
            mismatches.push(
              `${c.who} · ${locale} · PPTX chart · ${k.label}: expected ${k.annual_value}, chart has ${bars.get(k.label) ?? '(not found)'}`,
            );
        if (bars.size !== want.length || amounts.some((x) => x === 0))
          mismatches.push(`${c.who} · ${locale} · PPTX chart · bars ${labels.join(', ')}`);
        const sum = amounts.reduce((a, b) => a + b, 0);
        if (chart && Math.abs(sum - c.metrics.metrics.value_delivered.total_value) > 0.5)
          mismatches.push(
            `${c.who} · ${locale} · PPTX chart · bars add up to ${sum}, not the total delivered ${c.metrics.metrics.value_delivered.total_value}`,
          );

        const html = new TextDecoder().decode(await report(c.id, 'html', locale, SHOWN));
        const pieces = htmlPieces(html);
        mismatches.push(...check(c, locale, 'HTML', fromPieces(pieces, names, locale)));
        mismatches.push(...checkRuns(c, locale, 'HTML', pieces.join(' '), 'report'));
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);
});
