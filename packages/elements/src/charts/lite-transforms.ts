/**
 * The only two vega-transforms operators a trend chart's dataflow uses (`parse(trendSpec(...))`
 * lists bound, collect, datajoin, encode, mark, operator, render, scale, sieve and viewlayout),
 * so that the chart chunk does not carry the whole of vega-transforms (aggregate, bin, kde,
 * window, ...: some 40 KB minified, which tree-shaking cannot drop from its one-file build).
 * Same behaviour as vega's Collect and Sieve for the specs trendSpec writes. A spec that needs
 * another transform must register it in vega-runtime.ts; vega then reports it as unknown.
 */
import { type Pulse, Transform, type Tuple, tupleid } from 'vega-dataflow';

type Compare = (a: Tuple, b: Tuple) => number;

/** Collects a data source's tuples into an array (vega's Collect, with an optional sort). */
export class Collect extends Transform {
  constructor(params: unknown) {
    super([], params);
  }

  transform(params: { readonly sort?: Compare }, pulse: Pulse): Pulse {
    const out = pulse.fork(pulse.ALL);
    const add = out.materialize(out.ADD).add;
    let data = this.value as Tuple[];
    if (out.rem.length > 0) {
      const gone = new Set(out.rem.map(tupleid));
      data = data.filter((t) => !gone.has(tupleid(t)));
    }
    if (add.length > 0) data = data.concat(add);
    if (params.sort) data = [...data].sort(params.sort);
    this.modified(pulse.changed());
    this.value = data;
    out.source = data;
    return out;
  }
}

/** Passes a pulse on only when something changed, without its source (vega's Sieve). */
export class Sieve extends Transform {
  constructor(params: unknown) {
    super(null, params);
    this.modified(true);
  }

  transform(_params: unknown, pulse: Pulse): Pulse {
    this.value = pulse.source;
    return pulse.changed() ? pulse.fork(pulse.NO_SOURCE | pulse.NO_FIELDS) : pulse.StopPropagation;
  }
}
