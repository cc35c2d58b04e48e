// <success-health> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/Health',
  component: 'success-health',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-health> inside a provider, while the first answer is on its way. */
export const HealthLoading: Story = {
  parameters: { element: 'success-health', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> fetched for a customer with nothing recorded yet. */
export const HealthEmpty: Story = {
  parameters: { element: 'success-health', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> when the request failed: the problem's title and Retry. */
export const HealthError: Story = {
  parameters: { element: 'success-health', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const HealthStale: Story = {
  parameters: { element: 'success-health', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme" ${ref(refreshOnceShown)}></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> with some values missing (not measured yet). */
export const HealthPartial: Story = {
  parameters: { element: 'success-health', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> given its data as a property: no client, nothing fetched, nothing to change. */
export const HealthReadOnly: Story = {
  parameters: { element: 'success-health', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-health .data=${examples.schemas.CustomerHealth} locale=${locale} theme=${theme}></success-health>
  </div>`,
};

/** <success-health> fetching through <success-provider>, which sets its locale and theme. */
export const HealthInProvider: Story = {
  parameters: { element: 'success-health', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};
