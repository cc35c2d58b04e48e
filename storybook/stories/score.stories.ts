// <success-score> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/Score',
  component: 'success-score',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-score> inside a provider, while the first answer is on its way. */
export const ScoreLoading: Story = {
  parameters: { element: 'success-score', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> fetched for a customer with nothing recorded yet. */
export const ScoreEmpty: Story = {
  parameters: { element: 'success-score', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> when the request failed: the problem's title and Retry. */
export const ScoreError: Story = {
  parameters: { element: 'success-score', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const ScoreStale: Story = {
  parameters: { element: 'success-score', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme" ${ref(refreshOnceShown)}></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> with some values missing (not measured yet). */
export const ScorePartial: Story = {
  parameters: { element: 'success-score', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> given its data as a property: no client, nothing fetched, nothing to change. */
export const ScoreReadOnly: Story = {
  parameters: { element: 'success-score', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-score .score=${examples.accountSuccessMetrics.success_score} locale=${locale} theme=${theme}></success-score>
  </div>`,
};

/** <success-score> fetching through <success-provider>, which sets its locale and theme. */
export const ScoreInProvider: Story = {
  parameters: { element: 'success-score', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};
