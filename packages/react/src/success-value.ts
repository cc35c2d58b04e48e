'use client';
// Imported from the define module, not the package index: it registers <success-value> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessValue as SuccessValueElement } from '@cscx/success-elements/define/success-value.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessError: successEvent('success-error'),
};

type Properties = 'customerId' | 'value' | 'explanations' | 'heading' | DisplayOptions;

/**
 * The props of {@link SuccessValue}: `React.ComponentProps<typeof SuccessValue>`.
 *
 * @example
 * function Framed(props: SuccessValueProps) {
 *   return <SuccessValue className="framed" {...props} />;
 * }
 */
export type SuccessValueProps = WrapperProps<SuccessValueElement, Properties, typeof events>;

/**
 * `<success-value>`: the value delivered (time saved, cost reduction, revenue impact) and the
 * ROI against the investment. Given `value` (a `ValueDelivered`) it renders it; given
 * `customerId` inside a `SuccessProvider` it fetches it.
 *
 * Events: `onSuccessDefineGoals`, `onSuccessError`.
 *
 * @example
 * <SuccessValue value={metrics.metrics.value_delivered} currency="USD" />
 */
export const SuccessValue: Wrapper<SuccessValueElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-value',
    elementClass: SuccessValueElement,
    events,
    displayName: 'SuccessValue',
  });
