'use client';
// Imported from the define module, not the package index: it registers <success-trend-chart> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessTrendChart as SuccessTrendChartElement } from '@cscx/success-elements/define/success-trend-chart.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessChartRender: successEvent('success-chart-render'),
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessError: successEvent('success-error'),
};

type Properties =
  | 'trends'
  | 'explanations'
  | 'customerId'
  | 'goalId'
  | 'label'
  | 'scale'
  | 'pace'
  | DisplayOptions;

/**
 * The props of {@link SuccessTrendChart}: `React.ComponentProps<typeof SuccessTrendChart>`.
 *
 * @example
 * function Framed(props: SuccessTrendChartProps) {
 *   return <SuccessTrendChart className="framed" {...props} />;
 * }
 */
export type SuccessTrendChartProps = WrapperProps<
  SuccessTrendChartElement,
  Properties,
  typeof events
>;

/**
 * `<success-trend-chart>`: progress over time, one line per goal or metric, with forecasts.
 * The chart runtime (vega) loads with a dynamic import only when the chart is about to show.
 * Given `trends` it draws them; given `customerId` (or `goalId`) inside a
 * `SuccessProvider` it fetches them.
 *
 * Events: `onSuccessChartRender` (drawn; `detail.durationMs`), `onSuccessDefineGoals`,
 * `onSuccessError`.
 *
 * @example
 * <SuccessTrendChart
 *   trends={metrics.trends}
 *   label="Progress over time"
 *   onSuccessChartRender={(e) => console.log(`drawn in ${e.detail.durationMs} ms`)}
 * />
 */
export const SuccessTrendChart: Wrapper<SuccessTrendChartElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-trend-chart',
    elementClass: SuccessTrendChartElement,
    events,
    displayName: 'SuccessTrendChart',
  });
