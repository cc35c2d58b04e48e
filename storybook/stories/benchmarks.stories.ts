// <success-benchmarks> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/Benchmarks',
  component: 'success-benchmarks',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-benchmarks> inside a provider, while the first answer is on its way. */
export const BenchmarksLoading: Story = {
  parameters: { element: 'success-benchmarks', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> fetched for a customer with nothing recorded yet. */
export const BenchmarksEmpty: Story = {
  parameters: { element: 'success-benchmarks', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> when the request failed: the problem's title and Retry. */
export const BenchmarksError: Story = {
  parameters: { element: 'success-benchmarks', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const BenchmarksStale: Story = {
  parameters: { element: 'success-benchmarks', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme" ${ref(refreshOnceShown)}></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> with some values missing (not measured yet). */
export const BenchmarksPartial: Story = {
  parameters: { element: 'success-benchmarks', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> given its data as a property: no client, nothing fetched, nothing to change. */
export const BenchmarksReadOnly: Story = {
  parameters: { element: 'success-benchmarks', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-benchmarks .benchmarks=${examples.schemas.Benchmarks} customer-name="Globex Corp" locale=${locale} theme=${theme}></success-benchmarks>
  </div>`,
};

/** <success-benchmarks> fetching through <success-provider>, which sets its locale and theme. */
export const BenchmarksInProvider: Story = {
  parameters: { element: 'success-benchmarks', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};
