'use client';
// Imported from the define module, not the package index: it registers <success-portfolio> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessPortfolio as SuccessPortfolioElement } from '@cscx/success-elements/define/success-portfolio.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessCustomerSelect: successEvent('success-customer-select'),
  onSuccessGoalSelect: successEvent('success-goal-select'),
  onSuccessError: successEvent('success-error'),
};

type Properties =
  | 'csmId'
  | 'segment'
  | 'customers'
  | 'data'
  | 'atRiskGoals'
  | 'selectedCustomerId'
  | 'heading'
  | DisplayOptions;

/**
 * The props of {@link SuccessPortfolio}: `React.ComponentProps<typeof SuccessPortfolio>`.
 *
 * @example
 * function Framed(props: SuccessPortfolioProps) {
 *   return <SuccessPortfolio className="framed" {...props} />;
 * }
 */
export type SuccessPortfolioProps = WrapperProps<
  SuccessPortfolioElement,
  Properties,
  typeof events
>;

/**
 * `<success-portfolio>`: a CSM's or manager's customers (virtualised, sortable, filterable)
 * with their goals, value and ROI. Given `customers` or `data` it renders them; inside a
 * `SuccessProvider` it fetches the portfolio (optionally for `csmId` and `segment`).
 *
 * Events: `onSuccessCustomerSelect` (a row was chosen; cancelable: `preventDefault()` keeps the
 * selection unchanged), `onSuccessGoalSelect` (an at-risk goal was chosen; cancelable),
 * `onSuccessError`. The filter, sorting and CSV export are the element's
 * own state and methods (`filter`, `sortBy()`, `toCsv()`): reach them through a `ref`.
 *
 * @example
 * <SuccessPortfolio
 *   csmId="csm_jane"
 *   onSuccessCustomerSelect={(e) => navigate(`/customers/${e.detail.customerId}`)}
 * />
 */
export const SuccessPortfolio: Wrapper<SuccessPortfolioElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-portfolio',
    elementClass: SuccessPortfolioElement,
    events,
    displayName: 'SuccessPortfolio',
  });
