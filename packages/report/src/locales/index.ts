// The report's translations and calc's, registered once by the renderers (sections.ts's
// reportText) rather than as an import side effect: the package is `sideEffects: false`, so a
// bundler may drop a module imported only for what it does on load.
import { registerTranslation, type Translation } from '@cscx/success-calc/i18n';
import { deDE as calcDeDE } from '@cscx/success-calc/locales/de-DE';
import { esES as calcEsES } from '@cscx/success-calc/locales/es-ES';
import { explainDeDE } from '@cscx/success-calc/locales/explain-de-DE';
import { explainEsES } from '@cscx/success-calc/locales/explain-es-ES';
import { explainFrFR } from '@cscx/success-calc/locales/explain-fr-FR';
import { explainJaJP } from '@cscx/success-calc/locales/explain-ja-JP';
import { frFR as calcFrFR } from '@cscx/success-calc/locales/fr-FR';
import { jaJP as calcJaJP } from '@cscx/success-calc/locales/ja-JP';
import { deDE } from './de-DE.js';
import { esES } from './es-ES.js';
import { frFR } from './fr-FR.js';
import { jaJP } from './ja-JP.js';

/** The report's own translations of every shipped locale (its `report.*` domains). */
export const REPORT_TRANSLATIONS: readonly Translation[] = [deDE, frFR, esES, jaJP];

/** The locales the report ships, each with calc's shared words and the report's own. */
export const REPORT_LOCALES: readonly string[] = REPORT_TRANSLATIONS.map((t) => t.locale);

let registered = false;

/**
 * Registers calc's shared words and the report's words for de-DE, fr-FR, es-ES and ja-JP with the
 * kit's catalogue. Idempotent; the renderers call it, so a caller only needs it to read the
 * report's tables (messages.ts) directly.
 *
 * @example
 * registerReportTranslations();
 * messagesFor(SECTION_MESSAGES, 'de-DE').value; // 'Erzielter Nutzen'
 */
export function registerReportTranslations(): void {
  if (registered) return;
  registered = true;
  // calc's first: a report translation may refine a shared word for print, never the reverse.
  // calc's derivation texts too: the report's formula notes and the derivations it words itself.
  registerTranslation(
    calcDeDE,
    calcFrFR,
    calcEsES,
    calcJaJP,
    explainDeDE,
    explainFrFR,
    explainEsES,
    explainJaJP,
    ...REPORT_TRANSLATIONS,
  );
}
