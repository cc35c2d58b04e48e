import type { Translation } from '@cscx/success-calc/i18n';
import { esES as calc } from '@cscx/success-calc/locales/es-ES';

export const esES: Translation = { locale: 'es-ES', name: '', messages: {} };

export const translations: readonly Translation[] = [calc, esES];
