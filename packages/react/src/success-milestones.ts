'use client';
// Imported from the define module, not the package index: it registers <success-milestones> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessMilestones as SuccessMilestonesElement } from '@cscx/success-elements/define/success-milestones.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessError: successEvent('success-error'),
};

type Properties = 'customerId' | 'milestones' | 'heading' | 'emptyText' | DisplayOptions;

/**
 * The props of {@link SuccessMilestones}: `React.ComponentProps<typeof SuccessMilestones>`.
 *
 * @example
 * function Framed(props: SuccessMilestonesProps) {
 *   return <SuccessMilestones className="framed" {...props} />;
 * }
 */
export type SuccessMilestonesProps = WrapperProps<
  SuccessMilestonesElement,
  Properties,
  typeof events
>;

/**
 * `<success-milestones>`: a customer's milestones, achieved and planned. Given `milestones` it
 * renders them; given `customerId` inside a `SuccessProvider` it fetches them.
 *
 * Events: `onSuccessError`.
 *
 * @example
 * <SuccessMilestones milestones={milestones} heading="Milestones achieved" />
 */
export const SuccessMilestones: Wrapper<SuccessMilestonesElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-milestones',
    elementClass: SuccessMilestonesElement,
    events,
    displayName: 'SuccessMilestones',
  });
