'use client';
// Imported from the define module, not the package index: it registers <success-goals-table> as it
// hands over the class, so using this wrapper defines the tag.
import { SuccessGoalsTable as SuccessGoalsTableElement } from '@cscx/success-elements/define/success-goals-table.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessGoalSelect: successEvent('success-goal-select'),
  onSuccessDefineGoals: successEvent('success-define-goals'),
  onSuccessError: successEvent('success-error'),
};

type Properties =
  | 'customerId'
  | 'goals'
  | 'explanations'
  | 'selectedGoalId'
  | 'heading'
  | DisplayOptions;

/**
 * The props of {@link SuccessGoalsTable}: `React.ComponentProps<typeof SuccessGoalsTable>`.
 *
 * @example
 * function Framed(props: SuccessGoalsTableProps) {
 *   return <SuccessGoalsTable className="framed" {...props} />;
 * }
 */
export type SuccessGoalsTableProps = WrapperProps<
  SuccessGoalsTableElement,
  Properties,
  typeof events
>;

/**
 * `<success-goals-table>`: a customer's goals with progress, status and target dates. Given
 * `goals` it renders them; given `customerId` inside a `SuccessProvider` it fetches them.
 *
 * Events: `onSuccessGoalSelect` (a row was chosen; cancelable: `preventDefault()` keeps the
 * selection unchanged), `onSuccessDefineGoals`, `onSuccessError`.
 *
 * @example
 * <SuccessGoalsTable
 *   goals={goals}
 *   selectedGoalId={selected}
 *   onSuccessGoalSelect={(e) => setSelected(e.detail.goalId)}
 * />
 */
export const SuccessGoalsTable: Wrapper<SuccessGoalsTableElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'success-goals-table',
    elementClass: SuccessGoalsTableElement,
    events,
    displayName: 'SuccessGoalsTable',
  });
