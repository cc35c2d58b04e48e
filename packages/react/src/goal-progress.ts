'use client';
// Imported from the define module, not the package index: it registers <goal-progress> as it
// hands over the class, so using this wrapper defines the tag.
import { GoalProgress as GoalProgressElement } from '@cscx/success-elements/define/goal-progress.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessError: successEvent('success-error'),
  // Fired by the trend chart inside it; composed, so it leaves the shadow root.
  onSuccessChartRender: successEvent('success-chart-render'),
};

type Properties = 'goal' | 'goalId' | 'explanations' | DisplayOptions;

/**
 * The props of {@link GoalProgress}: `React.ComponentProps<typeof GoalProgress>`.
 *
 * @example
 * function Framed(props: GoalProgressProps) {
 *   return <GoalProgress className="framed" {...props} />;
 * }
 */
export type GoalProgressProps = WrapperProps<GoalProgressElement, Properties, typeof events>;

/**
 * `<goal-progress>`: one goal's progress against its baseline and target, with its metrics
 * and trend. Given `goal` (a `SuccessGoal`) it renders it; given `goalId` inside a
 * `SuccessProvider` it fetches it.
 *
 * Events: `onSuccessDefineGoals`, `onSuccessError`, `onSuccessChartRender` (its trend chart).
 *
 * @example
 * <GoalProgress goal={goal} locale="en-GB" />
 */
export const GoalProgress: Wrapper<GoalProgressElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'goal-progress',
    elementClass: GoalProgressElement,
    events,
    displayName: 'GoalProgress',
  });
