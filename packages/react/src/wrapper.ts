import type { SuccessEventDetails, SuccessEventName } from '@cscx/success-elements';
import type { EventName } from '@lit/react';
import type React from 'react';

/**
 * The `events` entry of a `success-*` event for `createComponent`: the event's name, branded with
 * its `CustomEvent` type so that the `onSuccess…` prop's handler receives the typed detail.
 *
 * @example
 * const events = {
 *   onSuccessGoalSelect: 'success-goal-select' as SuccessEventType<'success-goal-select'>,
 * };
 * // e is CustomEvent<SuccessGoalSelectDetail>:
 * <Wrapped onSuccessGoalSelect={(e) => open(e.detail.goalId)} />;
 */
export type SuccessEventType<K extends SuccessEventName> = EventName<
  CustomEvent<SuccessEventDetails[K]>
>;

/**
 * Brands a `success-*` event name with its `CustomEvent` type (see {@link SuccessEventType}).
 *
 * @example
 * const events = { onSuccessGoalSelect: successEvent('success-goal-select') };
 */
export function successEvent<K extends SuccessEventName>(type: K): SuccessEventType<K> {
  // The brand exists only in types: at run time an event name is the string itself.
  return type as SuccessEventType<K>;
}

/**
 * `createComponent`'s event map: prop name to branded event name.
 *
 * @example
 * const events = { onSuccessError: successEvent('success-error') } satisfies EventMap;
 */
export type EventMap = Record<string, EventName>;

/**
 * The display options every data element takes, and passes on to the parts it renders.
 *
 * @example
 * <SuccessScore score={score} theme="dark" locale="de-DE" currency="EUR" />
 */
export type DisplayOptions = 'theme' | 'locale' | 'currency';

/**
 * The props of a wrapper: the element's public properties `K` (property names, typed as the
 * element declares them), an `on…` handler per event of `E`, React's HTML attributes (`id`,
 * `className`, `style`, `slot`, `children`, `aria-*`, ...), and a `ref` to the element itself.
 *
 * Narrower than @lit/react's own props type, which takes every public member of the class: a
 * wrapper does not offer the element's methods, getters or its `DataController` fields as props
 * (setting them would replace the element's machinery). Reach those through the `ref`.
 *
 * @example
 * type ScoreProps = WrapperProps<SuccessScoreElement, 'score' | 'compact', typeof events>;
 * const props: ScoreProps = { score, compact: true, onSuccessError: (e) => log(e.detail.title) };
 */
export type WrapperProps<I extends HTMLElement, K extends keyof I, E extends EventMap> = Omit<
  React.HTMLAttributes<I>,
  K | keyof E
> & { [P in K]?: I[P] } & {
  [P in keyof E]?: (event: E[P]['__eventType']) => void;
} & React.RefAttributes<I>;

/**
 * A wrapper component, taking {@link WrapperProps}: what `createComponent` returns, with the
 * narrower props.
 *
 * @example
 * const SuccessScore: Wrapper<SuccessScoreElement, 'score' | 'compact', typeof events> =
 *   createComponent({ react: React, tagName: 'success-score', elementClass, events });
 * <SuccessScore score={score} compact />;
 */
export type Wrapper<
  I extends HTMLElement,
  K extends keyof I,
  E extends EventMap,
> = React.ForwardRefExoticComponent<WrapperProps<I, K, E>>;
