// <success-kpis> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/KPIs',
  component: 'success-kpis',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-kpis> inside a provider, while the first answer is on its way. */
export const KpisLoading: Story = {
  parameters: { element: 'success-kpis', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> fetched for a customer with nothing recorded yet. */
export const KpisEmpty: Story = {
  parameters: { element: 'success-kpis', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> when the request failed: the problem's title and Retry. */
export const KpisError: Story = {
  parameters: { element: 'success-kpis', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const KpisStale: Story = {
  parameters: { element: 'success-kpis', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme" ${ref(refreshOnceShown)}></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> with some values missing (not measured yet). */
export const KpisPartial: Story = {
  parameters: { element: 'success-kpis', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> given its data as a property: no client, nothing fetched, nothing to change. */
export const KpisReadOnly: Story = {
  parameters: { element: 'success-kpis', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-kpis .data=${examples.customerKpis} locale=${locale} theme=${theme}></success-kpis>
  </div>`,
};

/** <success-kpis> fetching through <success-provider>, which sets its locale and theme. */
export const KpisInProvider: Story = {
  parameters: { element: 'success-kpis', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};
