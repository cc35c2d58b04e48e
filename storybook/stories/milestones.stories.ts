// <success-milestones> in every state storybook/stories/args.ts names for it (`parameters: { element,
// states }`; coverage.test.ts checks none is missing), with its docs page generated from
// custom-elements.json (the meta's `component`). Provider states use the story clients
// (story-clients.ts), answering from openapi.yaml's examples.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { refreshOnceShown, storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Milestones',
  component: 'success-milestones',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-milestones> inside a provider, while the first answer is on its way. */
export const MilestonesLoading: Story = {
  parameters: { element: 'success-milestones', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> fetched for a customer with nothing recorded yet. */
export const MilestonesEmpty: Story = {
  parameters: { element: 'success-milestones', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> when the request failed: the problem's title and Retry. */
export const MilestonesError: Story = {
  parameters: { element: 'success-milestones', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const MilestonesStale: Story = {
  parameters: { element: 'success-milestones', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme" ${ref(refreshOnceShown)}></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> with some values missing (not measured yet). */
export const MilestonesPartial: Story = {
  parameters: { element: 'success-milestones', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> given its data as a property: no client, nothing fetched, nothing to change. */
export const MilestonesReadOnly: Story = {
  parameters: { element: 'success-milestones', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-milestones .milestones=${examples.customerSuccessMetrics.milestones} locale=${locale} theme=${theme}></success-milestones>
  </div>`,
};

/** <success-milestones> fetching through <success-provider>, which sets its locale and theme. */
export const MilestonesInProvider: Story = {
  parameters: { element: 'success-milestones', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};
