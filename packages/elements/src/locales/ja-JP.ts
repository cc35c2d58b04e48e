import type { Translation } from '@cscx/success-calc/i18n';
import { jaJP as calc } from '@cscx/success-calc/locales/ja-JP';

export const jaJP: Translation = { locale: 'ja-JP', name: '', messages: {} };

export const translations: readonly Translation[] = [calc, jaJP];
