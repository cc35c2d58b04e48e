// <goal-progress> in every state storybook/stories/args.ts names for it (`parameters: { element,
// states }`; coverage.test.ts checks none is missing), with its docs page generated from
// custom-elements.json (the meta's `component`). Provider states use the story clients
// (story-clients.ts), answering from openapi.yaml's examples.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Goal progress',
  component: 'goal-progress',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <goal-progress goal-id> inside a provider, while the goal is on its way. */
export const GoalProgressLoading: Story = {
  parameters: { element: 'goal-progress', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <goal-progress goal-id="${examples.schemas.SuccessGoal.id}"></goal-progress>
    </success-provider>
  </div>`,
};

/** <goal-progress goal-id> when the request failed. */
export const GoalProgressError: Story = {
  parameters: { element: 'goal-progress', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <goal-progress goal-id="${examples.schemas.SuccessGoal.id}"></goal-progress>
    </success-provider>
  </div>`,
};

/** <goal-progress goal-id> fetched through the provider. */
export const GoalProgressInProvider: Story = {
  parameters: { element: 'goal-progress', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <goal-progress goal-id="${examples.schemas.SuccessGoal.id}"></goal-progress>
    </success-provider>
  </div>`,
};
