// The CSM's tools: the portfolio (also at 10,000 customers, virtualised) and the goal editor.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { SuccessPortfolio } from '../../packages/elements/src/success-portfolio/success-portfolio.js';
import {
  accountFamily,
  backdrop,
  type DisplayArgs,
  displayArgs,
  displayArgTypes,
  manyCustomers,
} from './args.js';

const meta: Meta<DisplayArgs> = {
  title: 'Tools',
  component: 'success-portfolio',
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

/**
 * An account hierarchy, collapsed: the parent (Jasper Studios) with its disclosure closed, its
 * three children hidden under it.
 */
export const PortfolioParentCollapsed: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-portfolio .customers=${accountFamily().rows} locale=${locale} theme=${theme}></success-portfolio>
  </div>`,
};

/** The same hierarchy with the parent expanded: its children listed under it, indented. */
export const PortfolioParentExpanded: Story = {
  render: ({ locale, theme }) => {
    const { rows, parentId } = accountFamily();
    // Once the element is upgraded (a template's element may not be yet when `ref` sees it).
    const expand = (el?: Element) => {
      if (!el) return;
      void customElements
        .whenDefined('success-portfolio')
        .then(() => (el as SuccessPortfolio).toggleChildren(parentId, true));
    };
    return html`<div style=${backdrop(theme)}>
      <success-portfolio ${ref(expand)} .customers=${rows} locale=${locale} theme=${theme}></success-portfolio>
    </div>`;
  },
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
