import { PSEUDO_LOCALE, registerTranslation } from '@cscx/success-calc/i18n';
import { deDE } from '@cscx/success-calc/locales/de-DE';
import { esES } from '@cscx/success-calc/locales/es-ES';
import { explainDeDE } from '@cscx/success-calc/locales/explain-de-DE';
import { explainEsES } from '@cscx/success-calc/locales/explain-es-ES';
import { explainFrFR } from '@cscx/success-calc/locales/explain-fr-FR';
import { explainJaJP } from '@cscx/success-calc/locales/explain-ja-JP';
import { frFR } from '@cscx/success-calc/locales/fr-FR';
import { jaJP } from '@cscx/success-calc/locales/ja-JP';
import type { MiddlewareHandler } from 'hono';
import type { Env } from './context.js';

// calc's translations, once per process: the shared words, the explanations' sentences and the
// formula words.
registerTranslation(deDE, frFR, esES, jaJP, explainDeDE, explainFrFR, explainEsES, explainJaJP);

/** The locale the API answers in when the client names none it ships. */
export const DEFAULT_LOCALE = 'en-US';

/** The locales whose words the API's texts (explanations, health causes, KPI texts) come in. */
export const SHIPPED_LOCALES: readonly string[] = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP'];

const TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$|^\*$/;

/**
 * The shipped locale that best serves an `Accept-Language` header (RFC 9110 §12.5.4): ranges by
 * their `q` weight (ties in the order given), each matched to a shipped locale by its full tag,
 * then by its language (`de-AT` and `de` read German); a range no shipped locale serves is
 * passed over; `*`, a malformed header or none at all give {@link DEFAULT_LOCALE}. The
 * pseudo-locale `en-XA`, asked for by its exact tag, is served too: every word accented in
 * `⟦…⟧`, so a page's test sees at once a sentence that skipped the catalogue. Never throws:
 * a header the server cannot use is not an error, the answer is simply English.
 *
 * @example
 * negotiateLocale('de-CH, fr;q=0.8'); // 'de-DE'
 * negotiateLocale('pt-BR, ja;q=0.5'); // 'ja-JP'
 * negotiateLocale(undefined); // 'en-US'
 */
export function negotiateLocale(header: string | undefined): string {
  if (!header || header.length > 1000) return DEFAULT_LOCALE;
  const ranges: { tag: string; q: number; i: number }[] = [];
  header.split(',').forEach((part, i) => {
    const [range = '', ...params] = part.trim().split(';');
    const tag = range.trim();
    if (!TAG.test(tag)) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (q > 0) ranges.push({ tag: tag.toLowerCase(), q, i });
  });
  ranges.sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LOCALE;
    if (tag === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
    const exact = SHIPPED_LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split('-')[0];
    const same = SHIPPED_LOCALES.find((l) => l.toLowerCase().split('-')[0] === language);
    if (same) return same;
  }
  return DEFAULT_LOCALE;
}

/**
 * The request's locale ({@link negotiateLocale}) for the routes (`c.get('locale')`), and on the
 * answer `Content-Language` (the language its texts are in) and `Vary: Accept-Language` (a cache
 * between client and server keeps one copy per language).
 */
export function negotiatedLanguage(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const locale = negotiateLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    await next();
    const h = c.res.headers;
    // A route that answers in another language says so itself (a report in its `locale`);
    // problem details are English.
    if (!h.has('content-language')) h.set('content-language', c.res.status >= 400 ? 'en' : locale);
    const vary = h.get('vary');
    if (!vary) h.set('vary', 'Accept-Language');
    else if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(vary))
      h.set('vary', `${vary}, Accept-Language`);
  };
}
