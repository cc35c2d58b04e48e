import type { Translation } from '@cscx/success-calc/i18n';

/** The goal editor's UI strings in ja-JP (its domains apart: the editor is the largest part). */
export const editorjaJP: Translation['messages'] = {};
