// The "Accounts in this group" section (issue 16): a parent's children with their goals, value in
// their own currency, score and ROI, and the group's totals exactly as calc's accountRollup gives
// them (never summed across currencies) in HTML, PDF and PPTX; one line for a customer without
// children; the default sections only for a parent; every word translated.
import { formatMoney, formatMultiplier, formatNumber } from '@cscx/success-calc';
import { accountRollup } from '@cscx/success-calc/rollup';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './html.js';
import { renderReportPdf } from './pdf.js';
import { renderReportPptx } from './pptx.js';
import { defaultSections, reportText, rollupTable } from './sections.js';
import { readPdf, readPptx, runs } from './testing/read.js';
import { acmeInput, asParent, MIXED_CHILDREN, USD_CHILDREN } from './testing/variants.js';

const parent = (children = USD_CHILDREN, locale = 'en-US') =>
  asParent(acmeInput(['overview', 'rollup'], locale), children);

/** The section's HTML, between its heading and the next section. */
function section(html: string): string {
  const m = /<section id="rollup">([\s\S]*?)<\/section>/.exec(html);
  if (!m?.[1]) throw new Error('no rollup section');
  return m[1];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the rollup section', () => {
  it("lists the parent and each child with its goals, value in its currency, score and ROI, and the group's total as calc computes it", () => {
    const input = parent();
    const r = input.metrics.rollup!;
    const html = section(renderReportHtml(input));
    const own = input.metrics.metrics;
    expect(html).toContain('Acme Corp (this account)');
    expect(html).toContain(
      `<td class="num">${own.goals.achieved} / ${own.goals.total}</td><td class="num">${own.goals.at_risk}</td><td class="num">${formatMoney(own.value_delivered.total_value, 'USD', { locale: 'en-US' })}</td>`,
    );
    for (const c of r.children) {
      expect(html).toContain(
        `<td class="num">${c.goals_achieved} / ${c.goals_total}</td><td class="num">${c.goals_at_risk}</td><td class="num">${formatMoney(c.total_value, c.currency, { locale: 'en-US' })}</td><td class="num">${c.success_score === null ? '—' : formatNumber(c.success_score, { locale: 'en-US', maximumFractionDigits: 0 })}</td><td class="num">${c.roi_multiplier === null ? '—' : formatMultiplier(c.roi_multiplier, { locale: 'en-US' })}</td>`,
      );
    }
    // The one total is calc's: value summed, ROI = Σ value / Σ investment, score weighted.
    const calc = accountRollup([
      {
        id: 'cus_acme',
        currency: 'USD',
        investment: 68_000,
        totalValue: own.value_delivered.total_value,
        score: own.success_score.score,
        goals: input.metrics.goals.map((g) => ({ status: g.status })),
      },
      ...USD_CHILDREN.map((c) => ({
        id: c.id,
        currency: c.currency,
        investment: c.investment,
        totalValue: c.value,
        score: c.score,
        goals: c.goals.map((status) => ({ status })),
      })),
    ]);
    expect(r.by_currency[0]!.total_value).toBe(calc.byCurrency[0]!.totalValue);
    const total = /<tfoot>([\s\S]*)<\/tfoot>/.exec(html)?.[1] ?? '';
    expect(total).toContain(
      `<th scope="row">Group total</th><td class="num">${calc.achieved} / ${calc.goals}</td><td class="num">${calc.atRisk}</td><td class="num">${formatMoney(calc.byCurrency[0]!.totalValue, 'USD', { locale: 'en-US' })}</td><td class="num">${formatNumber(calc.successScore!, { locale: 'en-US', maximumFractionDigits: 0 })}</td><td class="num">${formatMultiplier(calc.roiMultiplier, { locale: 'en-US' })}</td>`,
    );
    expect(html).toContain(
      `Accounts rolled up, this one included: 4. Goals achieved: ${calc.achieved} of ${calc.goals}`,
    );
    // A child's name is data: text, never markup.
    expect(html).toContain('Acme South &amp; Partners &lt;Retail&gt;');
    expect(html).not.toContain('<Retail>');
  });

  it('gives each currency its own total and no group amount when currencies are mixed, and says so', () => {
    const input = parent(MIXED_CHILDREN);
    const r = input.metrics.rollup!;
    expect(r.by_currency.map((c) => c.currency)).toEqual(['EUR', 'JPY', 'USD']);
    const t = rollupTable(input.metrics, 'en-US');
    if (!t.ok) throw new Error('a parent');
    expect(t.totals.map((x) => [x.name, x.value, x.roi])).toEqual([
      ...r.by_currency.map((c) => [
        `Total in ${c.currency}`,
        formatMoney(c.total_value, c.currency, { locale: 'en-US' }),
        formatMultiplier(c.roi_multiplier, { locale: 'en-US' }),
      ]),
      ['Group total', '—', '—'],
    ]);
    const html = decode(section(renderReportHtml(input)));
    expect(html).toContain('The accounts are in several currencies (EUR, JPY, USD)');
    // No amount anywhere adds yen to dollars or euros.
    const all = r.by_currency.reduce((v, c) => v + c.total_value, 0);
    expect(html).not.toContain(formatMoney(all, 'USD', { locale: 'en-US' }));
    expect(html).toContain(formatMoney(4_500_000, 'JPY', { locale: 'en-US' }));
  });

  it('prints the same figures in the PDF and the deck', async () => {
    const input = parent(MIXED_CHILDREN);
    const t = rollupTable(input.metrics, 'en-US');
    if (!t.ok) throw new Error('a parent');
    const pdf = (await readPdf(await renderReportPdf(input))).pages.join('\n');
    const deck = await readPptx(await renderReportPptx(input));
    const slides = deck.slides.filter((x) => runs(x).includes('Accounts in this group'));
    expect(slides).toHaveLength(1);
    const slide = slides[0] ?? '';
    const words = runs(slide).map(decode);
    for (const row of [...t.rows, ...t.totals]) {
      for (const figure of [row.name, row.goals, row.value, row.score, row.roi].filter(Boolean)) {
        expect(pdf, figure).toContain(figure);
        expect(words, figure).toContain(figure);
      }
    }
    expect(pdf).toContain('Accounts in this group');
    expect(words).toContain(t.summary);
  });

  it('splits a large group over several slides, the totals on the last', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      ...USD_CHILDREN[0]!,
      id: `cus_k${i}`,
      name: `Child ${String(i + 1).padStart(2, '0')}`,
    }));
    const deck = await readPptx(await renderReportPptx(parent(many)));
    const slides = deck.slides.filter((x) =>
      runs(x).some((r) => r.startsWith('Accounts in this group')),
    );
    expect(slides).toHaveLength(3);
    expect(runs(slides[0]!)).toContain('Accounts in this group (1 of 3)');
    expect(runs(slides[2]!)).toContain('Group total');
    expect(slides.slice(0, 2).some((x) => runs(x).includes('Group total'))).toBe(false);
  });

  it('is in the default sections only for a parent, and named for another customer says in one line it has no child accounts', async () => {
    expect(defaultSections(parent())).toContain('rollup');
    expect(defaultSections(acmeInput())).not.toContain('rollup');
    const input = acmeInput(['rollup']);
    const html = section(renderReportHtml(input));
    expect(html).toContain('<p class="empty">Acme Corp has no child accounts.</p>');
    expect(html).not.toContain('<table');
    const deck = await readPptx(await renderReportPptx(input));
    expect(deck.slides).toHaveLength(2);
    expect(runs(deck.slides[1]!).filter((r) => !/^\d+$/.test(r))).toEqual([
      'Accounts in this group',
      'Acme Corp has no child accounts.',
    ]);
    const pdf = (await readPdf(await renderReportPdf(input))).pages.join('\n');
    expect(pdf).toContain('Acme Corp has no child accounts.');
  });

  it('reads in German, French, Spanish and Japanese', () => {
    const titles: Record<string, string> = {
      'de-DE': 'Konten dieser Gruppe',
      'fr-FR': 'Comptes de ce groupe',
      'es-ES': 'Cuentas de este grupo',
      'ja-JP': 'このグループのアカウント',
    };
    for (const [locale, title] of Object.entries(titles)) {
      const input = parent(MIXED_CHILDREN, locale);
      const html = renderReportHtml(input);
      expect(html).toContain(`<h2>${title}</h2>`);
      const R = reportText(locale).rollup;
      const body = decode(section(html));
      for (const w of [R.account, R.groupTotal, R.weighting]) expect(body).toContain(w);
      expect(body).not.toContain('Accounts rolled up');
      expect(body).not.toContain('Group total');
      expect(body).toContain(formatMoney(61_000, 'EUR', { locale }));
    }
  });
});
