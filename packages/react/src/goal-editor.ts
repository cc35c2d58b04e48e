'use client';
// Imported from the define module, not the package index: it registers <goal-editor> as it
// hands over the class, so using this wrapper defines the tag.
import { GoalEditor as GoalEditorElement } from '@cscx/success-elements/define/goal-editor.js';
import { createComponent } from '@lit/react';
import React from 'react';
import { type DisplayOptions, successEvent, type Wrapper, type WrapperProps } from './wrapper.js';

const events = {
  onSuccessGoalSaved: successEvent('success-goal-saved'),
  onSuccessGoalDeleted: successEvent('success-goal-deleted'),
  onSuccessMeasurementRecorded: successEvent('success-measurement-recorded'),
  onSuccessMilestoneSaved: successEvent('success-milestone-saved'),
  onSuccessCancel: successEvent('success-cancel'),
  onSuccessError: successEvent('success-error'),
};

type Properties =
  | 'customerId'
  | 'goalId'
  | 'templateId'
  | 'goal'
  | 'client'
  | 'readOnly'
  | DisplayOptions;

/**
 * The props of {@link GoalEditor}: `React.ComponentProps<typeof GoalEditor>`.
 *
 * @example
 * function Framed(props: GoalEditorProps) {
 *   return <GoalEditor className="framed" {...props} />;
 * }
 */
export type GoalEditorProps = WrapperProps<GoalEditorElement, Properties, typeof events>;

/**
 * `<goal-editor>`: creates or edits one success goal (details, metrics, value drivers, with
 * what calc computes shown live), records measurements and manages milestones. Without
 * `goalId` it creates a goal for `customerId` (from the goal template `templateId` when given);
 * with `goalId` (or `goal`) it edits that goal. It
 * saves through the `SuccessProvider`'s client, or through `client`. The form loads with
 * a dynamic import when the editor first connects.
 *
 * Events: `onSuccessGoalSaved`, `onSuccessGoalDeleted`, `onSuccessMeasurementRecorded`,
 * `onSuccessMilestoneSaved`, `onSuccessCancel`, `onSuccessError`.
 *
 * @example
 * <SuccessProvider baseUrl="/api" token={token}>
 *   <GoalEditor
 *     customerId="cus_acme"
 *     goalId="goal_123"
 *     onSuccessGoalSaved={(e) => toast(`Saved ${e.detail.goal.name}`)}
 *     onSuccessCancel={() => close()}
 *   />
 * </SuccessProvider>
 */
export const GoalEditor: Wrapper<GoalEditorElement, Properties, typeof events> =
  /* @__PURE__ */ createComponent({
    react: React,
    tagName: 'goal-editor',
    elementClass: GoalEditorElement,
    events,
    displayName: 'GoalEditor',
  });
