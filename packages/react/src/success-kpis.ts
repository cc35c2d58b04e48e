'use client';
// Imported from the define module, not the package index: it registers <success-kpis> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessKpis as SuccessKpisElement } from '@cscx/success-elements/define/success-kpis.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessError: successEvent('success-error'),
};

type Properties = 'customerId' | 'period' | 'data' | 'heading' | DisplayOptions;

/**
 * The props of {@link SuccessKpis}: `React.ComponentProps<typeof SuccessKpis>`.
 *
 * @example
 * function Framed(props: SuccessKpisProps) {
 *   return <SuccessKpis className="framed" {...props} />;
 * }
 */
export type SuccessKpisProps = WrapperProps<SuccessKpisElement, Properties, typeof events>;

/**
 * `<success-kpis>`: a customer's retention and service KPIs (seeds 002 and 003) as tiles rated
 * against the seeds' thresholds. Given `data` it renders it; given `customerId` (and optionally
 * `period`) inside a `SuccessProvider` it fetches it.
 *
 * Events: `onSuccessError`.
 *
 * @example
 * <SuccessKpis customerId="cus_acme" />
 */
export const SuccessKpis: Wrapper<SuccessKpisElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-kpis',
    elementClass: SuccessKpisElement,
    events,
    displayName: 'SuccessKpis',
  });
