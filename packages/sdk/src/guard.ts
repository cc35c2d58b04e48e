// The building blocks of the generated response guards (src/generated/guards.ts). Each one
// answers exactly what the valibot schema or action of the same meaning checks, for what
// `JSON.parse` can return, without allocating: see the guards' JSDoc and src/guards.test.ts.

/** A plain object: valibot's `object` takes any non-null object, but only a plain one is its own output. */
export const obj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/** `v.string()`. */
export const str = (x: unknown): boolean => typeof x === 'string';

/** `v.number()`: any number but NaN. */
export const num = (x: unknown): boolean => typeof x === 'number' && !Number.isNaN(x);

/** `v.pipe(v.number(), v.integer())`. */
export const int = (x: unknown): boolean => Number.isInteger(x);

/** `v.minLength(min)` and `v.maxLength(max)` on a value already known to be a string or array. */
export const len = (x: unknown, min: number, max: number): boolean => {
  const n = (x as { length: number }).length;
  return n >= min && n <= max;
};

/** `v.picklist(options)`. */
export const has = (options: readonly unknown[], x: unknown): boolean => options.includes(x);

/** `v.literal(value)`: SameValueZero, as valibot compares. */
export const same = (x: unknown, value: unknown): boolean =>
  x === value || (Number.isNaN(x) && Number.isNaN(value));

/** `v.unknown()`. */
export const any = (): boolean => true;

/** The number of own enumerable keys, to find keys a schema does not name. */
export const size = (x: object): number => Object.keys(x).length;

/** `v.array(item)`; a plain loop, because `every` would skip holes that valibot checks. */
export function arr(x: unknown, item: (y: unknown) => boolean): boolean {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
  return true;
}

/** `v.record(v.string(), value)`, `false` for any key valibot would skip rather than copy. */
export function rec(x: unknown, value: (y: unknown) => boolean): boolean {
  if (!obj(x)) return false;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || k === '__proto__' || k === 'prototype' || k === 'constructor')
      return false;
    if (!value(x[k])) return false;
  }
  return true;
}

/** `v.nullable(v.string())`. */
export const strN = (x: unknown): boolean => x === null || typeof x === 'string';

/** `v.nullable(v.number())`. */
export const numN = (x: unknown): boolean =>
  x === null || (typeof x === 'number' && !Number.isNaN(x));

/** `v.nullable(v.pipe(v.number(), v.integer()))`. */
export const intN = (x: unknown): boolean => x === null || Number.isInteger(x);
