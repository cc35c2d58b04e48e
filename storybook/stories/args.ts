import type { ArgTypes } from '@storybook/web-components-vite';

/** What every element's story lets a reader change: the locale and the theme. */
export interface DisplayArgs {
  locale: string;
  theme: 'light' | 'dark' | 'auto';
}

export const displayArgs: DisplayArgs = { locale: 'en-US', theme: 'light' };

export const displayArgTypes: Partial<ArgTypes<DisplayArgs>> = {
  locale: { control: 'select', options: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'] },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
};

/** The dark theme needs a dark page behind it to be read (and checked for contrast). */
export const backdrop = (theme: DisplayArgs['theme']): string =>
  theme === 'dark' ? 'background:#111827;padding:1rem' : 'padding:1rem';
