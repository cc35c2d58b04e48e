import type { Translation } from '@cscx/success-calc/i18n';
import { deDE as calc } from '@cscx/success-calc/locales/de-DE';

export const deDE: Translation = { locale: 'de-DE', name: '', messages: {} };

export const translations: readonly Translation[] = [calc, deDE];
