'use client';
// Imported from the define module, not the package index: it registers <success-health> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessHealth as SuccessHealthElement } from '@cscx/success-elements/define/success-health.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessError: successEvent('success-error'),
};

type Properties = 'customerId' | 'data' | 'heading' | DisplayOptions;

/**
 * The props of {@link SuccessHealth}: `React.ComponentProps<typeof SuccessHealth>`.
 *
 * @example
 * function Framed(props: SuccessHealthProps) {
 *   return <SuccessHealth className="framed" {...props} />;
 * }
 */
export type SuccessHealthProps = WrapperProps<SuccessHealthElement, Properties, typeof events>;

/**
 * `<success-health>`: a customer's health (seed 002), its band, components, history and active
 * triggers. Given `data` it renders it; given `customerId` inside a `SuccessProvider` it
 * fetches it.
 *
 * Events: `onSuccessError`.
 *
 * @example
 * <SuccessHealth customerId="cus_acme" />
 */
export const SuccessHealth: Wrapper<SuccessHealthElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-health',
    elementClass: SuccessHealthElement,
    events,
    displayName: 'SuccessHealth',
  });
