/**
 * `@cscx/success-calc/i18n`: the message catalogue the elements and the reports share (the
 * lookup, plural forms, the pseudo-locale, text direction) and the kit's shared words in any
 * registered language. Apart from the main entry: a page that only formats numbers in English
 * pays nothing for it (DESIGN.md: calc whole <= 10 KB).
 */
export * from './catalogue.js';
export * from './vocabulary.js';
