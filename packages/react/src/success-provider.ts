'use client';
// Imported from the define module, not the package index: it registers <success-provider> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessProvider as SuccessProviderElement } from '@cscx/success-elements/define/success-provider.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  // The provider dispatches nothing itself: these are its descendants' events, which bubble
  // through it (composed, so from inside shadow roots too).
  onSuccessGoalSelect: successEvent('success-goal-select'),
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessGenerateReport: successEvent('success-generate-report'),
  onSuccessGoalSaved: successEvent('success-goal-saved'),
  onSuccessGoalDeleted: successEvent('success-goal-deleted'),
  onSuccessMeasurementRecorded: successEvent('success-measurement-recorded'),
  onSuccessMilestoneSaved: successEvent('success-milestone-saved'),
  onSuccessCancel: successEvent('success-cancel'),
  onSuccessCustomerSelect: successEvent('success-customer-select'),
  onSuccessChartRender: successEvent('success-chart-render'),
  onSuccessError: successEvent('success-error'),
  onSuccessAlertAcknowledged: successEvent('success-alert-acknowledged'),
  onSuccessAlertDismissed: successEvent('success-alert-dismissed'),
};

type Properties =
  | 'baseUrl'
  | 'token'
  | 'tokenUrl'
  | 'tokenProvider'
  | 'getToken'
  | 'client'
  | 'locale'
  | 'currency'
  | 'theme';

/**
 * The props of `SuccessProvider`: `React.ComponentProps<typeof SuccessProvider>`.
 *
 * @example
 * function Framed(props: SuccessProviderProps) {
 *   return <SuccessProvider className="framed" {...props} />;
 * }
 */
export type SuccessProviderProps = WrapperProps<SuccessProviderElement, Properties, typeof events>;

/**
 * `<success-provider>`: holds the API client and the display options (`locale`, `currency`,
 * `theme`) for every success element inside it, at any depth. It builds an SDK client from
 * `baseUrl` and a token: `token`, or short-lived ones from `tokenUrl` (your backend's endpoint),
 * `tokenProvider` or `getToken`; or it uses the `client` you give it. It renders only its
 * children.
 *
 * It fires no event of its own, but the elements' events bubble through it: an `onSuccess…`
 * prop here hears that event from every element inside (e.g. one `onSuccessError` for all).
 *
 * @example
 * <SuccessProvider baseUrl="https://api.example.com" token={token} locale="de-DE">
 *   <SuccessOverview customerId="cus_acme" />
 * </SuccessProvider>
 */
export const SuccessProvider: Wrapper<SuccessProviderElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-provider',
    elementClass: SuccessProviderElement,
    events,
    displayName: 'SuccessProvider',
  });
