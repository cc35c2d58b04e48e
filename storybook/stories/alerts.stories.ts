// <success-alerts> in every state of args.ts: a customer's alerts, newest first, with their
// causes, and Acknowledge and Dismiss inside a provider (the story client answers the changes).

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { refreshOnceShown, storyAlerts, storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Alerts',
  component: 'success-alerts',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** Inside a provider: open alerts have Acknowledge and Dismiss, an acknowledged one Dismiss. */
export const AlertsInProvider: Story = {
  parameters: { element: 'success-alerts', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-alerts customer-id="cus_acme"></success-alerts>
    </success-provider>
  </div>`,
};

export const AlertsDark: Story = { ...AlertsInProvider, args: { theme: 'dark' } };

export const AlertsGerman: Story = { ...AlertsInProvider, args: { locale: 'de-DE' } };

/** Inside a provider, while the first answer is on its way. */
export const AlertsLoading: Story = {
  parameters: { element: 'success-alerts', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-alerts customer-id="cus_acme"></success-alerts>
    </success-provider>
  </div>`,
};

/** Nothing left to act on. */
export const AlertsEmpty: Story = {
  parameters: { element: 'success-alerts', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-alerts customer-id="cus_acme"></success-alerts>
    </success-provider>
  </div>`,
};

/** The request failed: the problem's title and Retry. */
export const AlertsError: Story = {
  parameters: { element: 'success-alerts', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-alerts customer-id="cus_acme"></success-alerts>
    </success-provider>
  </div>`,
};

/** Shown, then a refresh that failed: the alerts stay, marked stale, with Retry. */
export const AlertsStale: Story = {
  parameters: { element: 'success-alerts', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-alerts customer-id="cus_acme" ${ref(refreshOnceShown)}></success-alerts>
    </success-provider>
  </div>`,
};

/** More alerts than one page: the newest are shown, with a note that older ones are not. */
export const AlertsPartial: Story = {
  parameters: { element: 'success-alerts', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-alerts customer-id="cus_acme"></success-alerts>
    </success-provider>
  </div>`,
};

/** Given as a property, no client: nothing fetched, no buttons (as for a read-only token). */
export const AlertsReadOnly: Story = {
  parameters: { element: 'success-alerts', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-alerts .data=${storyAlerts()} locale=${locale} theme=${theme}></success-alerts>
  </div>`,
};
