// vega's sub-packages ship no types of their own; vega's (vega-typings) describe the same
// exports. The trend chart imports the sub-packages rather than `vega` itself so that the
// chunk leaves out geo, force, hierarchy, voronoi, wordcloud and other transforms it never uses.

declare module 'vega-view' {
  export { View } from 'vega';
}

declare module 'vega-parser' {
  export { parse } from 'vega';
}

declare module 'vega-dataflow' {
  export { transforms } from 'vega';

  /** A data object flowing through vega's dataflow. */
  export type Tuple = Record<string, unknown>;

  /** A dataflow pulse, as far as lite-transforms.ts uses it. */
  export interface Pulse {
    readonly ALL: number;
    readonly ADD: number;
    readonly NO_SOURCE: number;
    readonly NO_FIELDS: number;
    readonly StopPropagation: Pulse;
    readonly add: Tuple[];
    readonly rem: Tuple[];
    source: Tuple[] | undefined;
    fork(flags: number): Pulse;
    materialize(flags: number): Pulse;
    changed(flags?: number): boolean;
  }

  /** vega's base class of transforms. */
  export class Transform {
    constructor(init: unknown, params?: unknown);
    value: unknown;
    modified(mod?: boolean): boolean;
  }

  /** The id vega gives each tuple. */
  export function tupleid(t: Tuple): number;
}

declare module 'vega-view-transforms' {}
declare module 'vega-encode' {}
