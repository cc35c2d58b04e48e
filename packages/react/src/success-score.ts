'use client';
// Imported from the define module, not the package index: it registers <success-score> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessScore as SuccessScoreElement } from '@cscx/success-elements/define/success-score.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessError: successEvent('success-error'),
};

type Properties = 'customerId' | 'score' | 'explanations' | 'compact' | 'heading' | DisplayOptions;

/**
 * The props of {@link SuccessScore}: `React.ComponentProps<typeof SuccessScore>`.
 *
 * @example
 * function Framed(props: SuccessScoreProps) {
 *   return <SuccessScore className="framed" {...props} />;
 * }
 */
export type SuccessScoreProps = WrapperProps<SuccessScoreElement, Properties, typeof events>;

/**
 * `<success-score>`: PRD-069's success score (0..100) with its band. Given `score` it renders
 * it; given `customerId` inside a `SuccessProvider` it fetches it.
 *
 * Events: `onSuccessDefineGoals`, `onSuccessError`.
 *
 * @example
 * <SuccessScore score={metrics.metrics.success_score} compact />
 */
export const SuccessScore: Wrapper<SuccessScoreElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-score',
    elementClass: SuccessScoreElement,
    events,
    displayName: 'SuccessScore',
  });
