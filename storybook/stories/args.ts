import examples from 'virtual:cscx-examples';
import type { ArgTypes } from '@storybook/web-components-vite';

/** What every element's story lets a reader change: the locale and the theme. */
export interface DisplayArgs {
  locale: string;
  theme: 'light' | 'dark' | 'auto';
}

export const displayArgs: DisplayArgs = { locale: 'en-US', theme: 'light' };

export const displayArgTypes: Partial<ArgTypes<DisplayArgs>> = {
  locale: {
    control: 'select',
    options: ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'ar-EG', 'en-XA'],
  },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
};

/** The dark theme needs a dark page behind it to be read (and checked for contrast). */
export const backdrop = (theme: DisplayArgs['theme']): string =>
  theme === 'dark' ? 'background:#111827;padding:1rem' : 'padding:1rem';

/**
 * The story convention for states. A story that shows an element in one of the states below
 * says so in its parameters, `parameters: { element: 'success-kpis', states: ['loading'] }`;
 * storybook/stories/coverage.test.ts checks that every element of custom-elements.json has a
 * story for each state `requiredStates` lists for it. Stories modules export only stories:
 * helpers live here (or in another module that is not a `*.stories.ts`).
 *
 * - `loading`: inside a provider, the first answer still on its way (a client that never settles)
 * - `empty`: data with nothing in it (no goals, no customers, no observation)
 * - `error`: inside a provider, the request failed (a 500 problem): the title and Retry
 * - `stale`: the data shown, then a refresh that failed: the data stays, marked, with Retry
 * - `partial`: data with some values missing (null, not measured)
 * - `read-only`: the data given as a property, no client: nothing fetched, nothing to change
 *   (for `<goal-editor>`, its `readonly` attribute)
 * - `inside-a-provider`: fetched through `<success-provider>` by `customer-id` / `goal-id`
 */
export type StoryState =
  | 'loading'
  | 'empty'
  | 'error'
  | 'stale'
  | 'partial'
  | 'read-only'
  | 'inside-a-provider';

const allStates: readonly StoryState[] = [
  'loading',
  'empty',
  'error',
  'stale',
  'partial',
  'read-only',
  'inside-a-provider',
];

/**
 * Which states each element must have a story for. The data elements (they extend
 * SuccessElement and take data or fetch it by `customer-id`) have all of them. `<goal-progress>`
 * fetches one goal by `goal-id`: loading, error and inside a provider. `<goal-editor>` is a form:
 * empty (a new goal), read-only (its `readonly` attribute) and inside a provider (saving through
 * the provider's client). `<success-provider>` shows no data of its own: its loading,
 * error and stale states are those it gives the elements inside it. `<success-portfolio>` has
 * no stale banner: its stale story is a later page failing under the rows already shown.
 */
export const requiredStates: Readonly<Record<string, readonly StoryState[]>> = {
  'success-overview': allStates,
  'success-value': allStates,
  'success-goals-table': allStates,
  'success-milestones': allStates,
  'success-score': allStates,
  'success-health': allStates,
  'success-kpis': allStates,
  'success-alerts': allStates,
  'success-benchmarks': allStates,
  'success-trend-chart': allStates,
  'success-portfolio': allStates,
  'goal-progress': ['loading', 'error', 'inside-a-provider'],
  'goal-editor': ['empty', 'read-only', 'inside-a-provider'],
  'success-provider': ['loading', 'error', 'stale'],
};

type PortfolioRow = (typeof examples.portfolio.customers)[number];

/** `count` customers derived from the example rows, deterministic, for the large-book story. */
export function manyCustomers(count: number): PortfolioRow[] {
  const base = examples.portfolio.customers;
  const segments = ['enterprise', 'mid_market', 'smb'] as const;
  return Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length] as PortfolioRow;
    const total = 1 + (i % 7);
    const achieved = (i * 3) % (total + 1);
    return {
      ...row,
      customer_id: `cus_story_${i}`,
      name: `Customer ${String(i).padStart(5, '0')}`,
      segment: segments[i % 3] as PortfolioRow['segment'],
      goals_total: total,
      goals_achieved: achieved,
      goals_at_risk: (total - achieved) % 3,
      achievement_rate: (achieved / total) * 100,
      success_score: (i * 37) % 101,
      success_band: (['weak', 'moderate', 'strong'] as const)[
        i % 3
      ] as PortfolioRow['success_band'],
      // Every health band of seed 002 (90 / 70 / 50), and one customer in eleven without health.
      health_score: i % 11 === 0 ? null : (i * 29) % 101,
      health_band: (i % 11 === 0
        ? null
        : (i * 29) % 101 >= 90
          ? 'excellent'
          : (i * 29) % 101 >= 70
            ? 'good'
            : (i * 29) % 101 >= 50
              ? 'at_risk'
              : 'critical') as PortfolioRow['health_band'],
      roi_multiplier: ((i * 13) % 60) / 10,
      total_value: ((i * 7919) % 900) * 1000,
    };
  });
}

/**
 * A parent account and its three children among a few top-level customers (issue 16: the demo's
 * Jasper Studios has three), each child naming the parent in `parent_id`; the parent's row
 * counts them in `children_count`.
 */
export function accountFamily(): { rows: PortfolioRow[]; parentId: string } {
  const rows = manyCustomers(7);
  const parentId = 'cus_story_jasper';
  const names = [
    'Jasper Studios',
    'Jasper Studios Berlin',
    'Jasper Studios Lyon',
    'Jasper Studios Osaka',
  ];
  // From the fourth row: the parent gets a book with goals, value and ROI to show.
  names.forEach((name, n) => {
    const i = n + 3;
    const row = rows[i] as PortfolioRow;
    rows[i] =
      n === 0
        ? { ...row, customer_id: parentId, name, children_count: 3, parent_id: null }
        : {
            ...row,
            customer_id: `cus_story_jasper_${n}`,
            name,
            parent_id: parentId,
            children_count: 0,
          };
  });
  return { rows, parentId };
}
