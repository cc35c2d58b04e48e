// The CSM's tools: the portfolio (also at 10,000 customers, virtualised) and the goal editor.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';

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

const meta: Meta<DisplayArgs> = {
  title: 'Tools',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** The portfolio example of openapi.yaml: Acme and Globex. */
export const Portfolio: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-portfolio .data=${examples.portfolio} locale=${locale} theme=${theme}></success-portfolio>
  </div>`,
};

/** A manager's whole book: 10,000 customers; the grid renders only what is in view. */
export const PortfolioTenThousand: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-portfolio .customers=${manyCustomers(10_000)} locale=${locale} theme=${theme}></success-portfolio>
  </div>`,
};

/** Editing PRD-165's TC-165.1 goal (no client: the form, live calc preview, validation). */
export const GoalEditor: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-editor customer-id="cus_acme" .goal=${examples.schemas.SuccessGoal} locale=${locale} theme=${theme}></goal-editor>
  </div>`,
};

/** A new goal for Acme: the empty form. */
export const GoalEditorNew: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-editor customer-id="cus_acme" locale=${locale} theme=${theme}></goal-editor>
  </div>`,
};
