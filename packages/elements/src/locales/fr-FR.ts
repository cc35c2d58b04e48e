import type { Translation } from '@cscx/success-calc/i18n';
import { frFR as calc } from '@cscx/success-calc/locales/fr-FR';

export const frFR: Translation = { locale: 'fr-FR', name: '', messages: {} };

export const translations: readonly Translation[] = [calc, frFR];
