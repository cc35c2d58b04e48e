// Issue 14, "Languages": the API words its explanations in the language Accept-Language asks
// for (among the shipped locales, default en-US), says which in Content-Language, varies on
// Accept-Language, and its read cache never serves one language's text to another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiInputs, kpiValues } from '../derive/kpis.js';
import type { KpiObservationRecord } from '../repo/kpis.js';
import { type TestApp, TOKENS, testApp } from '../testing/harness.js';
import { type Listening, listen } from '../testing/listen.js';
import { describeBackends } from '../testing/test-db.js';
import { negotiateLocale } from './language.js';

describe('negotiateLocale', () => {
  it('picks the shipped locale the header weighs highest, by full tag, then by language', () => {
    expect(negotiateLocale('de-DE')).toBe('de-DE');
    expect(negotiateLocale('de-AT')).toBe('de-DE');
    expect(negotiateLocale('de')).toBe('de-DE');
    expect(negotiateLocale('FR-ca')).toBe('fr-FR');
    expect(negotiateLocale('fr;q=0.5, ja')).toBe('ja-JP');
    expect(negotiateLocale('pt-BR, es;q=0.3')).toBe('es-ES');
    expect(negotiateLocale('en-GB, de;q=0.9')).toBe('en-US');
    expect(negotiateLocale('de;q=0, fr;q=0.1')).toBe('fr-FR');
    // The pseudo-locale by its exact tag, for tests of pages that show the API's words.
    expect(negotiateLocale('en-XA')).toBe('en-XA');
    expect(negotiateLocale('en')).toBe('en-US');
  });

  it('answers en-US for none, *, a language it does not ship and a malformed header', () => {
    for (const h of [
      undefined,
      '',
      '*',
      'pt-BR',
      'zz',
      ';;;',
      'de;q=abc;x',
      '💥',
      'x'.repeat(2000),
    ])
      expect(negotiateLocale(h), String(h)).toBe(h === 'de;q=abc;x' ? 'de-DE' : 'en-US');
  });
});

describe("a KPI's reason", () => {
  it("says why CLV has no value when the segment lost no ARR, in the request's language", () => {
    const month: KpiObservationRecord = {
      customer_id: 'cus_x',
      period: '2026-03',
      arr: { starting_arr: 100_000, expansion: 0, contraction: 0, churned: 0 },
      financials: { gross_margin_pct: 80, cac: 10_000 },
      csat: null,
      nps: null,
      ces: null,
      tickets: null,
      source: null,
      note: null,
      recorded_at: 0,
      updated_at: 0,
    };
    const noChurn = { atStart: 10, lost: 0 };
    const clv = (locale: string) =>
      kpiValues(
        kpiInputs(month, '2026-03', noChurn, noChurn, noChurn, locale),
        null,
        'USD',
        undefined,
        locale,
      ).clv;
    expect(clv('de-DE').value).toBe(null);
    expect(clv('de-DE').reason).toMatch(
      /^Das Segment hat in den 12 Monaten bis 2026-03 keinen ARR verloren/,
    );
    expect(clv('en-US').reason).toMatch(/^The segment lost no ARR in the 12 months to 2026-03/);
    expect(clv('ja-JP').reason).not.toMatch(/[A-Za-z]{4,}/);
  });
});

describeBackends('explanations in the negotiated language (%s)', (backend) => {
  let t: TestApp;
  let server: Listening;
  beforeAll(async () => {
    t = await testApp(backend);
    server = await listen(t.app);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
  });

  const get = async (path: string, language?: string) => {
    const r = await fetch(`${server.url}${path}`, {
      headers: {
        authorization: `Bearer ${TOKENS.csm}`,
        ...(language ? { 'accept-language': language } : {}),
      },
    });
    return { r, body: (await r.json()) as Record<string, unknown> };
  };
  type Explained = { explanations: Record<string, { text: string; formula: string }> };
  const text = (body: unknown, pointer: string) =>
    (body as Explained).explanations[pointer]?.text ?? '';
  const METRICS = '/api/reports/success-metrics/cus_acme?explain=true';

  it('words the metrics in German for Accept-Language: de-DE, and says so in Content-Language', async () => {
    const { r, body } = await get(METRICS, 'de-DE');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-language')).toBe('de-DE');
    expect(r.headers.get('vary')).toMatch(/accept-language/i);
    expect(text(body, '/metrics/goals/total')).toBe('5 Ziele insgesamt');
    expect(text(body, '/metrics/goals/achievement_rate')).toMatch(/^\d+ \/ 5 × 100 = [\d,]+ %$/);
    expect(text(body, '/metrics/value_delivered/roi_multiplier')).toMatch(/\(angezeigt [\d,]+x\)$/);
    // Only the words change: the same formulas, inputs and results as in English.
    const en = await get(METRICS);
    const de = (body as Explained).explanations;
    for (const [pointer, e] of Object.entries((en.body as Explained).explanations)) {
      expect(de[pointer]?.formula, pointer).toBe(e.formula);
    }
  });

  it('does not serve a cached English answer to a German request, nor the German one after', async () => {
    const path = `${METRICS}&period=all`;
    const first = await get(path, 'en-US');
    expect(first.r.headers.get('content-language')).toBe('en-US');
    expect(text(first.body, '/metrics/goals/total')).toBe('5 goals in all');
    const german = await get(path, 'de-CH, en;q=0.5');
    expect(german.r.headers.get('content-language')).toBe('de-DE');
    expect(text(german.body, '/metrics/goals/total')).toBe('5 Ziele insgesamt');
    const again = await get(path);
    expect(again.r.headers.get('content-language')).toBe('en-US');
    expect(text(again.body, '/metrics/goals/total')).toBe('5 goals in all');
    const account = await get('/api/intelligence/success-metrics/cus_acme?explain=true', 'ja-JP');
    expect(account.r.headers.get('content-language')).toBe('ja-JP');
    expect(text(account.body, '/executive_summary/goals_total')).toBe('目標は全部で 5 件');
  });

  it('words a goal in French, and keeps problem details English (Content-Language: en)', async () => {
    const list = await get('/api/reports/success-metrics/cus_acme');
    const goals = (list.body as { goals: { id: string }[] }).goals;
    const goal = await get(`/api/success-goals/${goals[0]?.id}?explain=true`, 'fr');
    expect(goal.r.headers.get('content-language')).toBe('fr-FR');
    expect(text(goal.body, '/status')).toMatch(
      / : (atteint|en bonne voie|à risque|manqué)$|^Non commencé/,
    );
    const missing = await get('/api/success-goals/goal_nope?explain=true', 'fr-FR');
    expect(missing.r.status).toBe(404);
    expect(missing.r.headers.get('content-language')).toBe('en');
  });

  type Kpis = { note: string | null; kpis: Record<string, { reason: string | null }> };
  /** The English words left once every pseudo-locale `⟦…⟧` message is taken out. */
  const englishIn = (text: string) => text.replace(/⟦[^⟧]*⟧/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];

  it("words a KPI's reason and a missing month's note in the negotiated language", async () => {
    // A month without an observation: every KPI has a reason, the answer a note.
    const path = '/api/customers/cus_acme/kpis?period=2019-03';
    const en = (await get(path)).body as unknown as Kpis;
    expect(en.kpis.csat?.reason).toMatch(/No CSAT answers recorded for 2019-03\./);
    expect(en.note).toBe('No KPI observation recorded for 2019-03.');
    const de = await get(path, 'de-DE');
    expect(de.r.headers.get('content-language')).toBe('de-DE');
    const body = de.body as unknown as Kpis;
    expect(body.kpis.csat?.reason).toMatch(/Keine CSAT-Antworten für 2019-03 erfasst\./);
    expect(body.note).toBe('Keine KPI-Beobachtung für 2019-03 erfasst.');
    // The pseudo-locale: not one English word in any reason or the note.
    const pseudo = (await get(path, 'en-XA')).body as unknown as Kpis;
    const left = [pseudo.note ?? '', ...Object.values(pseudo.kpis).map((k) => k.reason ?? '')]
      .map(englishIn)
      .filter((w) => w.length > 0);
    expect(left).toEqual([]);
  });

  it('words the health note of a customer without observations in the negotiated language', async () => {
    // A fresh customer: no health observation yet.
    const made = await fetch(`${server.url}/api/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'cus_language',
        name: 'Language Co',
        segment: 'mid_market',
        currency: 'USD',
        csm_id: 'csm_riley',
      }),
    });
    expect(made.status).toBe(201);
    const health = async (language: string) =>
      (await (
        await fetch(`${server.url}/api/customers/cus_language/health`, {
          headers: { authorization: `Bearer ${TOKENS.manager}`, 'accept-language': language },
        })
      ).json()) as { note: string };
    expect((await health('en-US')).note).toMatch(/^No health observation recorded yet\./);
    const ja = await health('ja-JP');
    expect(ja.note).toBe(
      'ヘルスの観測値はまだ記録されていません。記録するとヘルススコアが得られます。',
    );
    const pseudo = await health('en-XA');
    expect(englishIn(pseudo.note)).toEqual([]);
  });
});
