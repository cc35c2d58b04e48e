/**
 * vega's CSP-safe expression interpreter, with a faster path for mark encoders.
 *
 * vega-interpreter walks an expression's AST on every evaluation, and for each one allocates a
 * fresh function table and six event helpers. Encoders run once per channel per item: a
 * 5 x 365 trend chart evaluates ~15,000 of them, and the allocations alone cost more than the
 * drawing (DESIGN.md "Known hazards": keep the interpreter path fast). Here each encoder channel
 * is turned once into a tree of closures (no `eval`, no `new Function`, so still CSP-safe) and
 * then run without allocating. Only the node types encoders produce are compiled: literals,
 * `datum` / `item` / signal identifiers, member access and function calls. Any other expression,
 * and every non-encoder expression, goes to vega-interpreter unchanged, so the semantics are
 * vega's.
 */
import { expressionInterpreter } from 'vega-interpreter';

interface AstNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

interface Channel {
  readonly ast: AstNode;
}

interface EncodeSpec {
  readonly marktype: string;
  readonly channels: Readonly<Record<string, Channel>>;
}

interface RuntimeContext {
  readonly functions: Readonly<Record<string, unknown>>;
}

type Item = Record<string, unknown> & { readonly datum?: unknown };
type Params = Readonly<Record<string, unknown>>;

interface Env {
  readonly datum: unknown;
  readonly item: Item;
  readonly params: Params;
}

type Compiled = (env: Env) => unknown;

// vega-interpreter's guards: these values are never handed out, whatever the expression. (eval
// is looked up, not named, so no linter mistakes the reference for a call.)
const DISALLOWED = new Set<unknown>([
  Function,
  Reflect.get(globalThis, 'eval'),
  setTimeout,
  setInterval,
]);

const CONSTANTS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  E: Math.E,
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  PI: Math.PI,
  SQRT1_2: Math.SQRT1_2,
  SQRT2: Math.SQRT2,
  MIN_VALUE: Number.MIN_VALUE,
  MAX_VALUE: Number.MAX_VALUE,
};

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';
}

/** The closure for one AST node, or null when the node is not one this module compiles. */
function compile(node: unknown, functions: object): Compiled | null {
  if (!isNode(node)) return null;
  switch (node.type) {
    case 'Literal': {
      if (node.regex) return null;
      const value = node.value;
      return () => value;
    }
    case 'Identifier': {
      const name = node.name;
      if (typeof name !== 'string') return null;
      if (name === 'datum') return (env) => env.datum;
      if (name === 'item') return (env) => env.item;
      if (name === 'event') return null;
      const constant = CONSTANTS[name];
      if (constant) return () => constant;
      const key = `$${name}`;
      return (env) => env.params[key];
    }
    case 'MemberExpression': {
      const object = compile(node.object, functions);
      if (!object) return null;
      const property = node.property;
      let key: Compiled | null;
      if (!node.computed) {
        // `a.b`: the property is a name, as vega-interpreter's memberDepth rule reads it.
        const name = isNode(property) && property.type === 'Identifier' ? property.name : null;
        if (typeof name !== 'string') return null;
        key = () => name;
      } else {
        key = compile(property, functions);
      }
      if (!key) return null;
      const read = key;
      return (env) => {
        const value = (object(env) as Record<PropertyKey, unknown>)[read(env) as PropertyKey];
        return DISALLOWED.has(value) ? undefined : value;
      };
    }
    case 'CallExpression': {
      const callee = node.callee;
      const raw = isNode(callee) && callee.type === 'Identifier' ? callee.name : null;
      if (typeof raw !== 'string') return null;
      const name = raw.startsWith('_') ? raw.slice(1) : raw;
      const fn = (functions as Record<string, unknown>)[name];
      // `if` is lazy, and vega-interpreter's own function table is not exported: leave both to it.
      if (name === 'if' || typeof fn !== 'function') return null;
      const args: Compiled[] = [];
      for (const arg of (node.arguments as unknown[]) ?? []) {
        const c = compile(arg, functions);
        if (!c) return null;
        args.push(c);
      }
      const [a, b, c] = args;
      if (args.length === 1 && a) return (env) => fn.call(functions, a(env));
      if (args.length === 2 && a && b) return (env) => fn.call(functions, a(env), b(env));
      if (args.length === 3 && a && b && c) {
        return (env) => fn.call(functions, a(env), b(env), c(env));
      }
      return (env) =>
        fn.apply(
          functions,
          args.map((arg) => arg(env)),
        );
    }
    default:
      return null;
  }
}

/**
 * Derives width/height from x2/y2 (and x/y from xc/yc), as vega does after every encoder. Marks
 * whose bounds may be given reversed (group, image, rect) are swapped into order.
 */
function adjustSpatial(item: Item, channels: EncodeSpec['channels'], swap: boolean): void {
  // The same arithmetic as vega-interpreter (missing values give NaN there, and here).
  const i = item as Record<string, number>;
  let t: number;
  if (channels.x2) {
    if (channels.x) {
      if (swap && i.x! > i.x2!) {
        t = i.x!;
        i.x = i.x2!;
        i.x2 = t;
      }
      i.width = i.x2! - i.x!;
    } else {
      i.x = i.x2! - (i.width || 0);
    }
  }
  if (channels.xc) i.x = i.xc! - (i.width || 0) / 2;
  if (channels.y2) {
    if (channels.y) {
      if (swap && i.y! > i.y2!) {
        t = i.y!;
        i.y = i.y2!;
        i.y2 = t;
      }
      i.height = i.y2! - i.y!;
    } else {
      i.y = i.y2! - (i.height || 0);
    }
  }
  if (channels.yc) i.y = i.yc! - (i.height || 0) / 2;
}

/**
 * A drop-in for vega-interpreter's `expressionInterpreter` (the View's `expr` option): the same
 * for every expression, faster for mark encoders.
 */
export const fastExpressionInterpreter: typeof expressionInterpreter = {
  operator: expressionInterpreter.operator,
  parameter: expressionInterpreter.parameter,
  event: expressionInterpreter.event,
  handler: expressionInterpreter.handler,
  encode(ctx: RuntimeContext, encode: EncodeSpec) {
    const { marktype, channels } = encode;
    // One function table per encoder, where vega-interpreter makes one per evaluation: in an
    // encoder there is no event, so the per-event helpers it adds to each copy are not needed.
    const functions = Object.create(ctx.functions) as object;
    const compiled: [string, Compiled][] = [];
    for (const name of Object.keys(channels)) {
      const c = compile(channels[name]?.ast, functions);
      if (!c) return expressionInterpreter.encode(ctx, encode);
      compiled.push([name, c]);
    }
    const swap = marktype === 'group' || marktype === 'image' || marktype === 'rect';
    const rule = marktype === 'rule';
    return (item: Item, params: Params) => {
      const env: Env = { datum: item.datum, item, params };
      let modified = 0;
      for (const [name, run] of compiled) {
        const value = run(env);
        if (item[name] !== value) {
          item[name] = value;
          modified = 1;
        }
      }
      if (!rule) adjustSpatial(item, channels, swap);
      return modified;
    };
  },
};
