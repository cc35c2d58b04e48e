'use client';
// Imported from the define module, not the package index: it registers <success-alerts> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessAlerts as SuccessAlertsElement } from '@cscx/success-elements/define/success-alerts.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessAlertAcknowledged: successEvent('success-alert-acknowledged'),
  onSuccessAlertDismissed: successEvent('success-alert-dismissed'),
  onSuccessError: successEvent('success-error'),
};

type Properties =
  | 'customerId'
  | 'data'
  | 'heading'
  | 'readonly'
  | 'refreshInterval'
  | DisplayOptions;

/**
 * The props of {@link SuccessAlerts}: `React.ComponentProps<typeof SuccessAlerts>`.
 *
 * @example
 * function Framed(props: SuccessAlertsProps) {
 *   return <SuccessAlerts className="framed" {...props} />;
 * }
 */
export type SuccessAlertsProps = WrapperProps<SuccessAlertsElement, Properties, typeof events>;

/**
 * `<success-alerts>`: a customer's (`customerId`) or the whole portfolio's alerts, newest
 * first, with Acknowledge and Dismiss inside a `SuccessProvider` (none for a read-only token).
 *
 * Events: `onSuccessAlertAcknowledged`, `onSuccessAlertDismissed`, `onSuccessError`.
 *
 * @example
 * <SuccessAlerts customerId="cus_acme" refreshInterval={60} />
 */
export const SuccessAlerts: Wrapper<SuccessAlertsElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-alerts',
    elementClass: SuccessAlertsElement,
    events,
    displayName: 'SuccessAlerts',
  });
