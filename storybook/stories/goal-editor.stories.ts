// <goal-editor> in every state storybook/stories/args.ts names for it (`parameters: { element,
// states }`; coverage.test.ts checks none is missing), with its docs page generated from
// custom-elements.json (the meta's `component`). Provider states use the story clients
// (story-clients.ts), answering from openapi.yaml's examples.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Goal editor',
  component: 'goal-editor',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** A new goal for Acme: the empty form. */
export const GoalEditorEmpty: Story = {
  parameters: { element: 'goal-editor', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-editor customer-id="cus_acme" locale=${locale} theme=${theme}></goal-editor>
  </div>`,
};

/** TC-165.1 for a viewer: the fields read-only, no Save, Add or Remove. */
export const GoalEditorReadOnly: Story = {
  parameters: { element: 'goal-editor', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-editor readonly customer-id="cus_acme" .goal=${examples.schemas.SuccessGoal} locale=${locale} theme=${theme}></goal-editor>
  </div>`,
};

/** Editing TC-165.1 inside a provider: saving goes through the provider's client. */
export const GoalEditorInProvider: Story = {
  parameters: { element: 'goal-editor', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <goal-editor customer-id="cus_acme" .goal=${examples.schemas.SuccessGoal}></goal-editor>
    </success-provider>
  </div>`,
};
