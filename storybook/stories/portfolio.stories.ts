// <success-portfolio> in every state storybook/stories/args.ts names for it (`parameters: { element,
// states }`; coverage.test.ts checks none is missing), with its docs page generated from
// custom-elements.json (the meta's `component`). Provider states use the story clients
// (story-clients.ts), answering from openapi.yaml's examples.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Portfolio',
  component: 'success-portfolio',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-portfolio> inside a provider, while the first answer is on its way. */
export const PortfolioLoading: Story = {
  parameters: { element: 'success-portfolio', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> fetched for a customer with nothing recorded yet. */
export const PortfolioEmpty: Story = {
  parameters: { element: 'success-portfolio', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> when the request failed: the problem's title and Retry. */
export const PortfolioError: Story = {
  parameters: { element: 'success-portfolio', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/**
 * <success-portfolio> has no stale banner (refresh() starts over, without the old rows): its
 * nearest state is the first page shown and a later page failing, the rows kept, with Retry.
 */
export const PortfolioStale: Story = {
  parameters: { element: 'success-portfolio', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['first-page', 'failed'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> with some values missing (not measured yet). */
export const PortfolioPartial: Story = {
  parameters: { element: 'success-portfolio', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> given its data as a property: no client, nothing fetched, nothing to change. */
export const PortfolioReadOnly: Story = {
  parameters: { element: 'success-portfolio', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-portfolio .data=${examples.portfolio} locale=${locale} theme=${theme}></success-portfolio>
  </div>`,
};

/** <success-portfolio> fetching through <success-provider>, which sets its locale and theme. */
export const PortfolioInProvider: Story = {
  parameters: { element: 'success-portfolio', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};
