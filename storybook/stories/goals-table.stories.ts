// <success-goals-table> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/Goals table',
  component: 'success-goals-table',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-goals-table> inside a provider, while the first answer is on its way. */
export const GoalsTableLoading: Story = {
  parameters: { element: 'success-goals-table', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> fetched for a customer with nothing recorded yet. */
export const GoalsTableEmpty: Story = {
  parameters: { element: 'success-goals-table', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> when the request failed: the problem's title and Retry. */
export const GoalsTableError: Story = {
  parameters: { element: 'success-goals-table', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const GoalsTableStale: Story = {
  parameters: { element: 'success-goals-table', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme" ${ref(refreshOnceShown)}></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> with some values missing (not measured yet). */
export const GoalsTablePartial: Story = {
  parameters: { element: 'success-goals-table', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> given its data as a property: no client, nothing fetched, nothing to change. */
export const GoalsTableReadOnly: Story = {
  parameters: { element: 'success-goals-table', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-goals-table .goals=${examples.customerSuccessMetrics.goals} locale=${locale} theme=${theme}></success-goals-table>
  </div>`,
};

/** <success-goals-table> fetching through <success-provider>, which sets its locale and theme. */
export const GoalsTableInProvider: Story = {
  parameters: { element: 'success-goals-table', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};
