import type { SuccessGoal } from '../contract.js';
import { type FieldError, validationFailed } from '../problem.js';

/**
 * A `PUT` may send back the representation a `GET` returned. Its read-only fields (openapi.yaml
 * `readOnly: true`) are ignored when they equal the stored ones, and an attempt to change one
 * is a 422 naming it, never a silent no-op: a client that sends a different `customer_id`
 * believes it moves the goal, and must learn that it does not.
 */
const GOAL_FIELDS = [
  'id',
  'customer_id',
  'currency',
  'version',
  'created_at',
  'updated_at',
  'achievement_pct',
  'progress_note',
  'status',
  'exceeded',
  'expected_pct',
  'annual_value',
  'projected_value',
  'projected_hours',
  'forecast_date',
  'recommendations',
  'explanations',
] as const;
/** PRD-165's flat mirror of `metrics[0]`: read-only only beside `metrics[]`, else the shorthand. */
const MIRROR_FIELDS = [
  'metric',
  'baseline_value',
  'target_value',
  'current_value',
  'unit',
] as const;
const METRIC_FIELDS = [
  'current_value',
  'measurements',
  'progress_pct',
  'progress_note',
  'status',
  'trend',
] as const;
const DRIVER_FIELDS = [
  'annual_hours',
  'annual_value',
  'measured_change',
  'projected_hours',
  'projected_value',
  'value_note',
] as const;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Structural equality of JSON values (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return false;
}

function message(field: string): string {
  return `Read-only (${field} is derived or fixed by the server): send the value a GET returned, or leave it out.`;
}

/** Removes `fields` equal to `stored`'s from `o`; a differing one is an error at `at/field`. */
function strip(
  o: Obj,
  stored: Obj | undefined,
  fields: readonly string[],
  at: string,
  errors: FieldError[] | null,
): Obj {
  const out: Obj = { ...o };
  for (const f of fields) {
    if (!Object.hasOwn(o, f)) continue;
    if (errors === null || (stored && Object.hasOwn(stored, f) && sameJson(o[f], stored[f])))
      delete out[f];
    else errors.push({ field: `${at}/${f}`, message: message(f), code: 'read_only' });
  }
  return out;
}

/**
 * `body` without the read-only fields that equal `stored` (the goal as a GET returns it now),
 * or a 422 naming each one that differs by JSON Pointer. Anything else is left to the schema.
 * `compare` false (a stale If-Match, which gets 412 anyway): they are dropped unchecked, so
 * the body's own errors and the 412 come in their usual order.
 */
export function withoutReadOnly(body: unknown, stored: SuccessGoal, compare = true): unknown {
  if (!isObj(body)) return body;
  const errors: FieldError[] | null = compare ? [] : null;
  const goal = stored as unknown as Obj;
  const full = Array.isArray(body.metrics);
  let out = strip(body, goal, full ? [...GOAL_FIELDS, ...MIRROR_FIELDS] : GOAL_FIELDS, '', errors);
  if (full) {
    const metrics = (body.metrics as unknown[]).map((m, i) => {
      if (!isObj(m)) return m;
      const id = m.id;
      const match = stored.metrics.find((s) => s.id === id) as unknown as Obj | undefined;
      return strip(m, match, METRIC_FIELDS, `/metrics/${i}`, errors);
    });
    out = { ...out, metrics };
  }
  if (Array.isArray(body.value_drivers)) {
    const storedDrivers = stored.value_drivers as unknown as Obj[];
    const drivers = body.value_drivers.map((d: unknown, i: number) => {
      if (!isObj(d) || !DRIVER_FIELDS.some((f) => Object.hasOwn(d, f))) return d;
      // Drivers have no id: the stored one at the same place, else any with the same figures
      // (a driver removed before this one shifts the places).
      const same = storedDrivers[i];
      const match =
        same && DRIVER_FIELDS.every((f) => !Object.hasOwn(d, f) || sameJson(d[f], same[f]))
          ? same
          : storedDrivers.find((s) =>
              DRIVER_FIELDS.every((f) => !Object.hasOwn(d, f) || sameJson(d[f], s[f])),
            );
      return strip(d, match, DRIVER_FIELDS, `/value_drivers/${i}`, errors);
    });
    out = { ...out, value_drivers: drivers };
  }
  if (errors && errors.length > 0) throw validationFailed(errors);
  return out;
}

/**
 * The same rule for a flat resource (a customer, a health model): `fields` of `body` equal to
 * `stored`'s are dropped, a differing one is a 422 naming it; `compare` false drops them
 * unchecked (a stale If-Match gets its 412 instead).
 */
export function withoutReadOnlyFields(
  body: unknown,
  stored: object,
  fields: readonly string[],
  compare = true,
): unknown {
  if (!isObj(body)) return body;
  const errors: FieldError[] | null = compare ? [] : null;
  const out = strip(body, stored as Obj, fields, '', errors);
  if (errors && errors.length > 0) throw validationFailed(errors);
  return out;
}
