import type {
  CustomerSuccessMetrics,
  GoalEditor as GoalEditorElement,
  GoalProgress as GoalProgressElement,
  SuccessAlerts as SuccessAlertsElement,
  SuccessBenchmarks as SuccessBenchmarksElement,
  SuccessCustomerSelectDetail,
  SuccessGoalSavedDetail,
  SuccessGoalSelectDetail,
  SuccessGoalsTable as SuccessGoalsTableElement,
  SuccessHealth as SuccessHealthElement,
  SuccessKpis as SuccessKpisElement,
  SuccessMilestones as SuccessMilestonesElement,
  SuccessOverview as SuccessOverviewElement,
  SuccessPortfolio as SuccessPortfolioElement,
  SuccessProvider as SuccessProviderElement,
  SuccessScore as SuccessScoreElement,
  SuccessTrendChart as SuccessTrendChartElement,
  SuccessValue as SuccessValueElement,
} from '@cscx/success-elements';
import type { SuccessClient } from '@cscx/success-sdk';
import { type ComponentProps, createElement, type Ref } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  GoalEditor,
  type GoalEditorProps,
  type GoalProgressProps,
  type SuccessAlertsProps,
  type SuccessBenchmarksProps,
  type SuccessGoalsTableProps,
  type SuccessHealthProps,
  type SuccessKpisProps,
  SuccessMilestones,
  type SuccessMilestonesProps,
  SuccessOverview,
  type SuccessOverviewProps,
  type SuccessPortfolioProps,
  SuccessProvider,
  type SuccessProviderProps,
  type SuccessScoreProps,
  type SuccessTrendChartProps,
  type SuccessValueProps,
} from './index.js';

/** The reactive properties a Lit class declares in `static properties`, internal state excluded. */
type Declared<C> = C extends { properties: infer P }
  ? { [K in keyof P]: P[K] extends { state: boolean } ? never : K }[keyof P]
  : never;
/** Compiles only when the props `P` have every key `K`. */
type Covers<P, K extends keyof P> = [P, K];

describe('wrapper props', () => {
  it("types onSuccessGoalSelect's event as the success-goal-select CustomEvent", () => {
    expectTypeOf<SuccessOverviewProps['onSuccessGoalSelect']>().toEqualTypeOf<
      ((event: CustomEvent<SuccessGoalSelectDetail>) => void) | undefined
    >();
    createElement(SuccessOverview, {
      customerId: 'cus_acme',
      onSuccessGoalSelect: (e) => {
        expectTypeOf(e).toEqualTypeOf<CustomEvent<SuccessGoalSelectDetail>>();
        expectTypeOf(e.detail.goalId).toEqualTypeOf<string>();
      },
    });
  });

  it('types every element event prop with its own detail', () => {
    expectTypeOf<Parameters<NonNullable<GoalEditorProps['onSuccessGoalSaved']>>[0]>().toEqualTypeOf<
      CustomEvent<SuccessGoalSavedDetail>
    >();
    expectTypeOf<
      Parameters<NonNullable<SuccessPortfolioProps['onSuccessCustomerSelect']>>[0]
    >().toEqualTypeOf<CustomEvent<SuccessCustomerSelectDetail>>();
  });

  it('takes property names typed as the element declares them, objects included', () => {
    expectTypeOf<SuccessOverviewProps['customerId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SuccessOverviewProps['data']>().toEqualTypeOf<
      CustomerSuccessMetrics | undefined
    >();
    expectTypeOf<SuccessProviderProps['client']>().toEqualTypeOf<SuccessClient | undefined>();
    expectTypeOf<SuccessProviderProps['baseUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GoalEditorProps['readOnly']>().toEqualTypeOf<boolean | undefined>();
  });

  it('covers every reactive property each element declares (a new one needs its prop)', () => {
    expectTypeOf<Covers<SuccessProviderProps, Declared<typeof SuccessProviderElement>>>();
    expectTypeOf<Covers<SuccessOverviewProps, Declared<typeof SuccessOverviewElement>>>();
    expectTypeOf<Covers<GoalProgressProps, Declared<typeof GoalProgressElement>>>();
    expectTypeOf<Covers<SuccessGoalsTableProps, Declared<typeof SuccessGoalsTableElement>>>();
    expectTypeOf<Covers<SuccessValueProps, Declared<typeof SuccessValueElement>>>();
    expectTypeOf<Covers<SuccessMilestonesProps, Declared<typeof SuccessMilestonesElement>>>();
    expectTypeOf<Covers<SuccessTrendChartProps, Declared<typeof SuccessTrendChartElement>>>();
    expectTypeOf<Covers<SuccessScoreProps, Declared<typeof SuccessScoreElement>>>();
    expectTypeOf<Covers<SuccessBenchmarksProps, Declared<typeof SuccessBenchmarksElement>>>();
    expectTypeOf<Covers<SuccessPortfolioProps, Declared<typeof SuccessPortfolioElement>>>();
    expectTypeOf<Covers<GoalEditorProps, Declared<typeof GoalEditorElement>>>();
    expectTypeOf<Covers<SuccessHealthProps, Declared<typeof SuccessHealthElement>>>();
    expectTypeOf<Covers<SuccessKpisProps, Declared<typeof SuccessKpisElement>>>();
    expectTypeOf<Covers<SuccessAlertsProps, Declared<typeof SuccessAlertsElement>>>();
    // The display options, declared once by the elements' base class.
    expectTypeOf<Covers<SuccessScoreProps, 'theme' | 'locale' | 'currency'>>();
  });

  it('is what React sees as the component props, ref to the element included', () => {
    expectTypeOf<ComponentProps<typeof SuccessOverview>>().toEqualTypeOf<SuccessOverviewProps>();
    expectTypeOf<SuccessOverviewProps['ref']>().toEqualTypeOf<
      Ref<SuccessOverviewElement> | undefined
    >();
    expectTypeOf<GoalEditorProps['ref']>().toEqualTypeOf<Ref<GoalEditorElement> | undefined>();
  });

  it('rejects a prop of the wrong type', () => {
    const props: SuccessOverviewProps = {
      // @ts-expect-error customerId is a string
      customerId: 42,
    };
    createElement(SuccessOverview, props);
    const provider: SuccessProviderProps = {
      // @ts-expect-error client is a SuccessClient, not a URL
      client: 'https://api.example.com',
    };
    createElement(SuccessProvider, provider);
  });

  it('rejects attribute names: props are property names', () => {
    const props: SuccessOverviewProps = {
      // @ts-expect-error the attribute is customer-id; the prop is customerId
      'customer-id': 'cus_acme',
    };
    createElement(SuccessOverview, props);
  });

  it("rejects a handler for an event the element does not fire, and the element's machinery", () => {
    const milestones: SuccessMilestonesProps = {
      // @ts-expect-error <success-milestones> fires no success-goal-select
      onSuccessGoalSelect: () => {},
    };
    createElement(SuccessMilestones, milestones);
    const overview: SuccessOverviewProps = {
      // @ts-expect-error metrics is the overview's DataController, not a prop
      metrics: {} as SuccessOverviewElement['metrics'],
    };
    createElement(SuccessOverview, overview);
    const editor: GoalEditorProps = {
      // @ts-expect-error save is a method: call it through a ref
      save: async () => {},
    };
    createElement(GoalEditor, editor);
  });
});
