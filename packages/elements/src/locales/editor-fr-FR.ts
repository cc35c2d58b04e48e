import type { Translation } from '@cscx/success-calc/i18n';

/** The goal editor's UI strings in fr-FR (its domains apart: the editor is the largest part). */
export const editorfrFR: Translation['messages'] = {};
