'use client';
// Imported from the define module, not the package index: it registers <success-overview> (and
// the parts it renders) as it hands over the class, so using this wrapper defines the tag.
import { SuccessOverview as SuccessOverviewElement } from '@cscx/success-elements/define/success-overview.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessGenerateReport: successEvent('success-generate-report'),
  onSuccessGoalSelect: successEvent('success-goal-select'),
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessError: successEvent('success-error'),
  // Fired by the trend chart inside the overview; composed, so it leaves the overview's shadow root.
  onSuccessChartRender: successEvent('success-chart-render'),
};

type Properties = 'customerId' | 'period' | 'data' | 'account' | 'reportFormat' | DisplayOptions;

/**
 * The props of {@link SuccessOverview}: `React.ComponentProps<typeof SuccessOverview>`.
 *
 * @example
 * function Framed(props: SuccessOverviewProps) {
 *   return <SuccessOverview className="framed" {...props} />;
 * }
 */
export type SuccessOverviewProps = WrapperProps<SuccessOverviewElement, Properties, typeof events>;

/**
 * `<success-overview>`: PRD-165's customer success dashboard (goals, value, ROI, score,
 * milestones, benchmarks, goals at risk). Given `data` (a `getCustomerSuccessMetrics` body, and
 * optionally `account` for the benchmarks) it renders them; given `customerId` inside a
 * `SuccessProvider` it fetches both.
 *
 * Events: `onSuccessGoalSelect` (a goal was chosen; cancelable), `onSuccessGenerateReport`
 * (cancelable: `preventDefault()` to make the report yourself), `onSuccessDefineGoals`,
 * `onSuccessError`, `onSuccessChartRender`.
 *
 * @example
 * <SuccessProvider baseUrl="https://api.example.com" token={token}>
 *   <SuccessOverview
 *     customerId="cus_acme"
 *     onSuccessGoalSelect={(e) => navigate(`/goals/${e.detail.goalId}`)}
 *   />
 * </SuccessProvider>
 */
export const SuccessOverview: Wrapper<SuccessOverviewElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-overview',
    elementClass: SuccessOverviewElement,
    events,
    displayName: 'SuccessOverview',
  });
