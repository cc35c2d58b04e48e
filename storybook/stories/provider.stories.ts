// <success-provider> in every state storybook/stories/args.ts names for it (`parameters: { element,
// states }`; coverage.test.ts checks none is missing), with its docs page generated from
// custom-elements.json (the meta's `component`). Provider states use the story clients
// (story-clients.ts), answering from openapi.yaml's examples.

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { refreshOnceShown, storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Provider',
  component: 'success-provider',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** The provider while its elements' first answers are on their way. */
export const ProviderLoading: Story = {
  parameters: { element: 'success-provider', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** The provider's client failing: each element inside shows the problem and Retry. */
export const ProviderError: Story = {
  parameters: { element: 'success-provider', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** The provider's data shown, then a refresh that failed: kept, marked stale. */
export const ProviderStale: Story = {
  parameters: { element: 'success-provider', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme" ${ref(refreshOnceShown)}></success-kpis>
    </success-provider>
  </div>`,
};
