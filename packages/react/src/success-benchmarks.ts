'use client';
// Imported from the define module, not the package index: it registers <success-benchmarks> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessBenchmarks as SuccessBenchmarksElement } from '@cscx/success-elements/define/success-benchmarks.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessError: successEvent('success-error'),
};

type Properties =
  | 'customerId'
  | 'benchmarks'
  | 'explanations'
  | 'note'
  | 'customerName'
  | 'heading'
  | DisplayOptions;

/**
 * The props of {@link SuccessBenchmarks}: `React.ComponentProps<typeof SuccessBenchmarks>`.
 *
 * @example
 * function Framed(props: SuccessBenchmarksProps) {
 *   return <SuccessBenchmarks className="framed" {...props} />;
 * }
 */
export type SuccessBenchmarksProps = WrapperProps<
  SuccessBenchmarksElement,
  Properties,
  typeof events
>;

/**
 * `<success-benchmarks>`: the customer against its peers (same segment): peer average and
 * percentile rank. Given `benchmarks` it renders them; given `customerId` inside a
 * `SuccessProvider` it fetches them.
 *
 * Events: `onSuccessError`.
 *
 * @example
 * <SuccessBenchmarks benchmarks={account.benchmarks} customerName="Acme Corp" />
 */
export const SuccessBenchmarks: Wrapper<SuccessBenchmarksElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-benchmarks',
    elementClass: SuccessBenchmarksElement,
    events,
    displayName: 'SuccessBenchmarks',
  });
