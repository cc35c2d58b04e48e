import { expect } from '@open-wc/testing';
import { expressionInterpreter } from 'vega-interpreter';
import { describe, it } from '../testing/mocha.js';
import { fastExpressionInterpreter } from './fast-interpreter.js';

const lit = (value: unknown) => ({ type: 'Literal', value, raw: JSON.stringify(value) });
const id = (name: string) => ({ type: 'Identifier', name });
const member = (object: object, property: object, computed: boolean) => ({
  type: 'MemberExpression',
  object,
  property,
  computed,
});
const call = (name: string, ...args: object[]) => ({
  type: 'CallExpression',
  callee: id(name),
  arguments: args,
});

const functions = {
  tag: 'fn-table',
  double(this: { tag: string }, v: number) {
    return `${this.tag}:${v * 2}`;
  },
  sum: (a: number, b: number, c: number, d: number) => a + b + c + d,
};

/** Runs one encoder through both interpreters on equal items; returns both items. */
function both(marktype: string, channels: Record<string, object>, datum: object) {
  const spec = {
    marktype,
    channels: Object.fromEntries(Object.entries(channels).map(([k, ast]) => [k, { ast }])),
  };
  const params = { $width: 320, $height: 200 };
  const group = { width: 640 };
  const a: Record<string, unknown> = { datum, mark: { group } };
  const b: Record<string, unknown> = { datum, mark: { group } };
  const ma = fastExpressionInterpreter.encode({ functions }, spec)(a, params);
  const mb = expressionInterpreter.encode({ functions }, spec)(b, params);
  const fast: Record<string, unknown> = { ...a, modified: ma };
  const stock: Record<string, unknown> = { ...b, modified: mb };
  return { fast, stock };
}

describe('fastExpressionInterpreter', () => {
  it('encodes like vega-interpreter: literals, fields, signals, group fields, calls', () => {
    const { fast, stock } = both(
      'rule',
      {
        x: lit(0),
        x2: member(
          member(member(id('item'), id('mark'), false), id('group'), false),
          lit('width'),
          true,
        ),
        y: call('_double', member(id('datum'), lit('v'), true)),
        stroke: member(id('datum'), id('color'), false),
        size: id('width'),
        total: call('sum', lit(1), lit(2), lit(3), lit(4)),
        pi: id('PI'),
      },
      { v: 21, color: '#0a58b8' },
    );
    expect(fast).to.deep.equal(stock);
    expect(fast.y).to.equal('fn-table:42');
    expect(fast.x2).to.equal(640);
    expect(fast.size).to.equal(320);
    expect(fast.modified).to.equal(1);
  });

  it('derives width and height from x2 and y2 like vega', () => {
    const { fast, stock } = both('rect', { x: lit(50), x2: lit(10), y: lit(5), y2: lit(25) }, {});
    expect(fast).to.deep.equal(stock);
    expect([fast.x, fast.width, fast.height]).to.deep.equal([10, 40, 20]);
  });

  it('leaves other expressions to vega-interpreter', () => {
    const binary = { type: 'BinaryExpression', operator: '+', left: lit(1), right: lit(2) };
    const { fast, stock } = both(
      'symbol',
      { size: binary, x: call('if', lit(true), lit(1), lit(2)) },
      {},
    );
    expect(fast).to.deep.equal(stock);
    expect(fast.size).to.equal(3);
  });

  it('never hands out Function, whatever the expression', () => {
    const datum = { f: Function };
    const logged: unknown[] = [];
    const error = console.error;
    // vega-interpreter reports the refusal on the console; keep the test run's log clean.
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      const { fast, stock } = both('symbol', { x: member(id('datum'), lit('f'), true) }, datum);
      expect(fast.x).to.equal(undefined);
      expect(stock.x).to.equal(undefined);
    } finally {
      console.error = error;
    }
    expect(logged).to.have.length(1);
  });
});
