// <success-value> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/Value',
  component: 'success-value',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-value> inside a provider, while the first answer is on its way. */
export const ValueLoading: Story = {
  parameters: { element: 'success-value', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> fetched for a customer with nothing recorded yet. */
export const ValueEmpty: Story = {
  parameters: { element: 'success-value', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> when the request failed: the problem's title and Retry. */
export const ValueError: Story = {
  parameters: { element: 'success-value', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const ValueStale: Story = {
  parameters: { element: 'success-value', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme" ${ref(refreshOnceShown)}></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> with some values missing (not measured yet). */
export const ValuePartial: Story = {
  parameters: { element: 'success-value', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> given its data as a property: no client, nothing fetched, nothing to change. */
export const ValueReadOnly: Story = {
  parameters: { element: 'success-value', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-value .value=${examples.customerSuccessMetrics.metrics.value_delivered} locale=${locale} theme=${theme}></success-value>
  </div>`,
};

/** <success-value> fetching through <success-provider>, which sets its locale and theme. */
export const ValueInProvider: Story = {
  parameters: { element: 'success-value', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};
