/**
 * The vega runtime of the trend chart: the one module behind the dynamic import, so vega and
 * everything under it arrive only with the first chart (DESIGN.md budgets: never in the initial
 * bundle). It registers only the transforms a trend chart's spec uses (of vega-transforms, its
 * Collect and Sieve, as lite-transforms.ts) and renders through the
 * CSP-safe expression interpreter: no `new Function`, so a page without 'unsafe-eval' works.
 */
import type { Spec, View as VegaView } from 'vega';
import { transforms } from 'vega-dataflow';
import * as encode from 'vega-encode';
import { parse } from 'vega-parser';
import { extend } from 'vega-util';
import { View } from 'vega-view';
import * as vtx from 'vega-view-transforms';
import { fastExpressionInterpreter } from './fast-interpreter.js';
import { Collect, Sieve } from './lite-transforms.js';

// Building a chart's spec (ticks, thinning, layout) is only needed once vega is about to draw:
// it travels in this chunk rather than in every page's initial JS.
export { trendModel } from './trend-model.js';
export { padding, trendSpec } from './trend-spec.js';

extend(transforms, { collect: Collect, sieve: Sieve }, vtx, encode);

/** Name of the performance mark set when this module has loaded (tests and bench read it). */
export const VEGA_LOADED_MARK = 'success-vega-loaded';
performance.mark(VEGA_LOADED_MARK);

/** A drawn chart: its vega view and how to let it go. */
export interface RenderedChart {
  readonly view: VegaView;
  finalize(): void;
}

/**
 * Draws `spec` as SVG into `container` and resolves once drawn. `ast: true` with an expression
 * interpreter is what vega-embed's `ast`/`expr` options do (ours is vega-interpreter with a
 * faster encoder path); no actions menu, no injected style.
 */
export async function renderChart(container: HTMLElement, spec: Spec): Promise<RenderedChart> {
  const runtime = parse(spec, undefined, { ast: true });
  const view = new View(runtime, {
    renderer: 'svg',
    expr: fastExpressionInterpreter,
    // Hover re-encoding is for interactive marks; this chart has none (the crosshair is DOM).
    hover: false,
    logLevel: 0,
  });
  await view.initialize(container).runAsync();
  return { view, finalize: () => view.finalize() };
}
