// The generated guards (src/generated/guards.ts) are the fast path of response validation: a
// body a guard passes is returned without running valibot. That is only sound if a guard says
// `true` exactly when valibot accepts the value and would return a deep-equal copy of it. These
// properties pin that biconditional, with fast-check, over valid bodies generated from
// openapi.yaml and over many mutations of them, and pin that the client's validation as a whole
// gives exactly valibot's result (output, issues and paths).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { SchemaObject } from '../../../scripts/schema-object.js';
import { type Json, responseExample, spec } from '../../../testing/openapi-spec.js';
import * as G from './generated/guards.js';
import { OPERATIONS, type OperationId } from './generated/operations.js';
import * as S from './generated/schemas.js';
import { issuesToFieldErrors, validateResponse } from './transport.js';

const components = (spec.components as Json).schemas as Record<string, SchemaObject>;
const valibot = S as unknown as Record<string, v.GenericSchema>;
const guards = Object.entries(G as Record<string, (x: unknown) => boolean>)
  .filter(([key]) => key.startsWith('is'))
  .map(([key, guard]) => {
    const name = key.slice(2);
    const schema = valibot[`${name}Schema`];
    if (!schema) throw new Error(`guard ${key} has no schema ${name}Schema`);
    return [name, guard, schema] as const;
  });

/** What the guard must say: valibot accepts `x` and its output is a deep-equal copy of `x`. */
function valibotKeepsAsIs(schema: v.GenericSchema, x: unknown): boolean {
  const r = v.safeParse(schema, x);
  return r.success && isDeepStrictEqual(r.output, x);
}

// ---- valid bodies, generated from openapi.yaml ------------------------------------------------

const memo = new Map<string, fc.Arbitrary<unknown>>();
/** Values the contract allows for `s`, built as JSON.parse builds them (plain objects). */
function arbitraryOf(s: SchemaObject): fc.Arbitrary<unknown> {
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    let arb = memo.get(name);
    if (!arb) {
      arb = arbitraryOf(components[name]!);
      memo.set(name, arb);
    }
    return arb;
  }
  const options = s.oneOf ?? s.anyOf;
  if (options) return fc.oneof(...options.map(arbitraryOf));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null');
  const withNull = (arb: fc.Arbitrary<unknown>) =>
    nullable ? fc.oneof(fc.constant(null), arb) : arb;
  if (s.const !== undefined) return withNull(fc.constant(s.const));
  if (s.enum) return withNull(fc.constantFrom(...s.enum.filter((e) => e !== null)));
  const nonNull = types.filter((t) => t !== 'null');
  if (nonNull.length === 0) return nullable ? fc.constant(null) : fc.jsonValue();
  return withNull(fc.oneof(...nonNull.map((t) => single(t, s))));
}

function single(type: string, s: SchemaObject): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      if (s.format === 'date')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 12, 12) });
    case 'integer':
      return fc.integer({
        min: s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6),
        max: s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e6),
      });
    case 'number':
      // JSON has no NaN or Infinity.
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: s.minimum ?? s.exclusiveMinimum ?? -1e9,
        max: s.maximum ?? s.exclusiveMaximum ?? 1e9,
        minExcluded: s.minimum === undefined && s.exclusiveMinimum !== undefined,
        maxExcluded: s.maximum === undefined && s.exclusiveMaximum !== undefined,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(s.items ? arbitraryOf(s.items) : fc.jsonValue(), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case 'object': {
      if (!s.properties) {
        const value =
          typeof s.additionalProperties === 'object'
            ? arbitraryOf(s.additionalProperties)
            : fc.jsonValue();
        return fc.dictionary(fc.string({ maxLength: 6 }), value, { noNullPrototype: true });
      }
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(s.properties)) model[key] = arbitraryOf(prop);
      return fc.record(model, { requiredKeys: s.required ?? [], noNullPrototype: true });
    }
    default:
      throw new Error(`no arbitrary for type ${type}`);
  }
}

// ---- mutations --------------------------------------------------------------------------------

type Path = (string | number)[];
function pathsOf(x: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(x)) for (const [i, item] of x.entries()) pathsOf(item, [...at, i], out);
  else if (x && typeof x === 'object')
    for (const [k, item] of Object.entries(x)) pathsOf(item, [...at, k], out);
  return out;
}

const get = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((o, k) => (o as Json)[k as string], root);

/** Defines like JSON.parse does, so `__proto__` becomes an own key, not a prototype. */
function put(target: object, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, '', 'x', 0, -0, -1, 0.5, NaN, Infinity, true, {}, []),
  fc.string({ maxLength: 4 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);
const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'name', 'items'),
  fc.string({ maxLength: 6 }),
);

interface Mutation {
  readonly pick: number;
  readonly kind: string;
  readonly value: unknown;
  readonly key: string;
}
const mutation = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom(
    'replace',
    'null',
    'delete',
    'extra',
    'other-string',
    'fraction',
    'below-zero',
    'long-string',
    'wrap-in-array',
    'duplicate-item',
  ),
  value: wrongValue,
  key: extraKey,
});

function mutate(body: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(body);
  for (const given of mutations) {
    // A copy: fast-check hands the same constant objects (`{}`, `[]`) to every run, so a value
    // put into the body and then extended by a later mutation would change them for every later
    // property (a cycle in `{}` once made every schema after it fail).
    const m = { ...given, value: structuredClone(given.value) };
    const paths = pathsOf(root);
    const path = paths[m.pick % paths.length]!;
    const parentPath = path.slice(0, -1);
    const key = path.at(-1);
    const parent = get(root, parentPath) as Json | unknown[] | undefined;
    const current = key === undefined ? root : (parent as Json)[key as string];
    const set = (value: unknown) => {
      if (key === undefined) root = value;
      else put(parent as object, key, value);
    };
    switch (m.kind) {
      case 'replace':
        set(m.value);
        break;
      case 'null':
        set(null);
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else if (parent && key !== undefined) delete (parent as Json)[key as string];
        break;
      case 'extra': {
        // Onto the picked object, or else the nearest object around it.
        const chain = [root, ...path.map((_, i) => get(root, path.slice(0, i + 1)))];
        const target = chain.findLast(
          (o): o is object => !!o && typeof o === 'object' && !Array.isArray(o),
        );
        if (target) put(target, m.key, m.value);
        else set(m.value);
        break;
      }
      case 'other-string':
        set(typeof current === 'string' ? `${current}x` : 'x');
        break;
      case 'fraction':
        set(typeof current === 'number' ? current + 0.5 : 0.5);
        break;
      case 'below-zero':
        set(typeof current === 'number' ? -Math.abs(current) - 1 : -1);
        break;
      case 'long-string':
        set('x'.repeat(300));
        break;
      case 'wrap-in-array':
        set([current]);
        break;
      case 'duplicate-item':
        if (Array.isArray(current) && current.length > 0) current.push(structuredClone(current[0]));
        else set(m.value);
        break;
    }
  }
  return root;
}

// ---- the properties ---------------------------------------------------------------------------

describe('generated response guards', () => {
  it('exist for every paginated operation, the bodies that grow with the portfolio', () => {
    const paged = (Object.keys(OPERATIONS) as OperationId[]).filter(
      (id) => OPERATIONS[id].itemsKey !== undefined,
    );
    expect(paged.length).toBeGreaterThan(0);
    for (const id of Object.keys(OPERATIONS) as OperationId[]) {
      const op = OPERATIONS[id];
      expect([id, op.responseGuard !== undefined]).toEqual([id, op.itemsKey !== undefined]);
    }
    expect(guards.length).toBeGreaterThanOrEqual(paged.length);
  });

  it.each((Object.keys(OPERATIONS) as OperationId[]).filter((id) => OPERATIONS[id].responseGuard))(
    '%s: the contract example takes the fast path',
    (id) => {
      const guard = OPERATIONS[id].responseGuard as (x: unknown) => boolean;
      // Through JSON, as the client receives it.
      expect(guard(JSON.parse(JSON.stringify(responseExample(id))))).toBe(true);
    },
  );

  it.each(guards)('%s: every valid body passes, as valibot returns it unchanged', (name, guard) => {
    const schema = valibot[`${name}Schema`]!;
    fc.assert(
      fc.property(arbitraryOf({ $ref: `#/components/schemas/${name}` }), (body) => {
        const json = JSON.parse(JSON.stringify(body));
        expect(valibotKeepsAsIs(schema, json)).toBe(true);
        expect(guard(json)).toBe(true);
        expect(guard(body)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it.each(guards)(
    '%s: says true exactly when valibot accepts a mutated body and keeps it as is',
    (name, guard, schema) => {
      const seen = { passed: 0, deferred: 0 };
      fc.assert(
        fc.property(
          arbitraryOf({ $ref: `#/components/schemas/${name}` }),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (body, mutations) => {
            const mutated = mutate(body, mutations);
            const passed = guard(mutated);
            seen[passed ? 'passed' : 'deferred']++;
            expect(passed).toBe(valibotKeepsAsIs(schema, mutated));
            // What JSON.parse makes of the same mutation (undefined dropped, NaN as null).
            const text = JSON.stringify(mutated);
            if (text !== undefined) {
              const json: unknown = JSON.parse(text);
              expect(guard(json)).toBe(valibotKeepsAsIs(schema, json));
            }
          },
        ),
        { numRuns: 400 },
      );
      // Both answers must occur, or the property proved nothing about one of them.
      expect(seen.passed).toBeGreaterThan(0);
      expect(seen.deferred).toBeGreaterThan(0);
    },
  );

  it.each(guards)('%s: agrees with valibot on arbitrary values', (_name, guard, schema) => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(guard(x)).toBe(valibotKeepsAsIs(schema, x));
      }),
      { numRuns: 150 },
    );
  });

  it.each(guards)(
    '%s: validation through the guard gives exactly valibot’s result, issues and paths included',
    (name, guard, schema) => {
      fc.assert(
        fc.property(
          arbitraryOf({ $ref: `#/components/schemas/${name}` }),
          fc.array(mutation, { minLength: 0, maxLength: 2 }),
          (body, mutations) => {
            const x = mutate(body, mutations);
            const fast = validateResponse(schema, guard, x);
            const slow = v.safeParse(schema, x);
            expect(fast.success).toBe(slow.success);
            if (fast.success && slow.success) expect(fast.output).toStrictEqual(slow.output);
            else
              expect(issuesToFieldErrors(fast.issues ?? [])).toEqual(
                issuesToFieldErrors(slow.issues ?? []),
              );
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it('a wrong type deep in a page is caught, and valibot names its path', () => {
    const page = responseExample<{ customers: Json[] }>('getPortfolioSuccessMetrics');
    page.customers[0]!.goals_achieved = 2.5;
    expect(G.isPortfolioSuccessMetrics(page)).toBe(false);
    const r = validateResponse(S.PortfolioSuccessMetricsSchema, G.isPortfolioSuccessMetrics, page);
    expect(r.success).toBe(false);
    expect(issuesToFieldErrors(r.issues ?? []).map((i) => i.field)).toEqual([
      '/customers/0/goals_achieved',
    ]);
  });

  it('names a field as a JSON Pointer, escaping ~ and / inside a key (RFC 6901)', () => {
    const page = responseExample<{ summary: { value_by_currency: Json } }>(
      'getPortfolioSuccessMetrics',
    );
    page.summary.value_by_currency['US/D~x'] = 'lots';
    const r = validateResponse(S.PortfolioSuccessMetricsSchema, G.isPortfolioSuccessMetrics, page);
    expect(r.success).toBe(false);
    expect(issuesToFieldErrors(r.issues ?? []).map((i) => i.field)).toEqual([
      '/summary/value_by_currency/US~1D~0x',
    ]);
    // The whole body is the empty pointer, as in the server's problem documents.
    const root = v.safeParse(S.CustomerSchema, 42);
    expect(issuesToFieldErrors(root.issues ?? []).map((i) => i.field)).toEqual(['']);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'a record key valibot skips (%s) sends the page through valibot',
    (key) => {
      const summary = JSON.parse(
        JSON.stringify(responseExample<Json>('getPortfolioSuccessMetrics').summary),
      );
      put(summary.value_by_currency as object, key, 5);
      expect(G.isPortfolioSuccess(summary)).toBe(false);
      expect(valibotKeepsAsIs(S.PortfolioSuccessSchema, summary)).toBe(false);
    },
  );

  it('a field this client does not know sends the page through valibot, which drops it', () => {
    const page = { ...responseExample<Json>('listCustomers'), added_later: 1 };
    expect(G.isCustomerList(page)).toBe(false);
    const r = validateResponse(S.CustomerListSchema, G.isCustomerList, page);
    expect(r.success).toBe(true);
    expect(r.output).toEqual(responseExample('listCustomers'));
  });
});
