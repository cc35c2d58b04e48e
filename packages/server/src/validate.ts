import * as v from 'valibot';
import { isCalendarDate, parseTimestamp } from './clock.js';
import { badRequest, type FieldError, validationFailed } from './problem.js';

/**
 * Request validation: bodies through the SDK's valibot schemas (generated from openapi.yaml,
 * so they carry every bound), plus the rules a JSON Schema cannot say (real calendar dates,
 * unique items); parameters against their openapi.yaml patterns. Failures become problem
 * documents whose `errors[]` name each field: a JSON Pointer for body fields, `query.limit`
 * style for parameters.
 */

type Issue = v.BaseIssue<unknown>;
type AnySchema = v.GenericSchema<unknown, unknown>;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * A UTF-16 surrogate without its pair (`"\ud800"` in JSON): not a character. PostgreSQL's jsonb
 * refuses it and its text silently becomes U+FFFD, so text holding one is refused up front.
 */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NUL_TEXT = 'Must not contain NUL (U+0000) characters.';
const SURROGATE_TEXT =
  'Must be valid Unicode text: a lone UTF-16 surrogate (U+D800-U+DFFF without its pair) is not a character.';

/** RFC 6901: `~` and `/` are escaped inside a token. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

const PATTERN_TEXT: Readonly<Record<string, string>> = {
  [ID_PATTERN.source]:
    'Must start with a letter or digit and contain only letters, digits, "_" and "-".',
  '^(all|(19[0-9]{2}|2[0-9]{3})(-Q[1-4]|-(0[1-9]|1[0-2]))?)$':
    'Must be "all", or a year (2026), a quarter (2026-Q2) or a month (2026-04) from 1900 to 2999.',
  '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$': 'Must be a BCP 47 locale such as en-US or de-DE.',
};

function expectedText(expected: string | null): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'Array':
      return 'an array';
    case 'Object':
      return 'an object';
    case 'null':
      return 'null';
    default:
      return expected?.startsWith('(')
        ? `one of ${expected.slice(1, -1)}`
        : `${expected ?? 'valid'}`;
  }
}

/** One valibot issue as a field error with the contract's codes. */
function toFieldError(issue: Issue): FieldError {
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  const field = pointer(path);
  const last = issue.path?.at(-1);
  const isArray = Array.isArray(issue.input);
  const req = (issue as { requirement?: unknown }).requirement;
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return { field, message: 'Unknown property. Remove it.', code: 'unknown_property' };
  }
  if (last?.origin === 'key' && issue.received === 'undefined') {
    return { field, message: 'Required.', code: 'required' };
  }
  switch (issue.type) {
    case 'picklist':
      return { field, message: `Must be ${expectedText(issue.expected)}.`, code: 'enum' };
    case 'min_length':
      return isArray
        ? { field, message: `Must have at least ${req} items.`, code: 'min_items' }
        : { field, message: `Must be at least ${req} characters long.`, code: 'min_length' };
    case 'max_length':
      return isArray
        ? { field, message: `Must have at most ${req} items.`, code: 'max_items' }
        : { field, message: `Must be at most ${req} characters long.`, code: 'max_length' };
    case 'min_value':
      return { field, message: `Must be at least ${req}.`, code: 'minimum' };
    case 'gt_value':
      return { field, message: `Must be greater than ${req}.`, code: 'minimum' };
    case 'max_value':
      return { field, message: `Must be at most ${req}.`, code: 'maximum' };
    case 'lt_value':
      return { field, message: `Must be less than ${req}.`, code: 'maximum' };
    case 'regex': {
      const source = req instanceof RegExp ? req.source : '';
      return { field, message: PATTERN_TEXT[source] ?? `Must match ${source}.`, code: 'pattern' };
    }
    case 'iso_date':
      return { field, message: 'Must be a date (YYYY-MM-DD).', code: 'format' };
    case 'iso_timestamp':
      return {
        field,
        message: 'Must be a date-time with a zone (RFC 3339), for example 2026-04-28T09:00:00Z.',
        code: 'format',
      };
    case 'integer':
      return { field, message: 'Must be an integer.', code: 'type' };
    default:
      return issue.kind === 'schema'
        ? { field, message: `Must be ${expectedText(issue.expected)}.`, code: 'type' }
        : { field, message: issue.message, code: 'invalid' };
  }
}

/**
 * What JSON can carry but the database cannot store: numbers that overflowed to Infinity
 * (`1e400`), NUL characters in text (PostgreSQL text never holds U+0000) and lone surrogates.
 * Depth is bounded by readJson's scan before parsing, so the recursion is too.
 */
function unstorable(value: unknown, path: (string | number)[], out: FieldError[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      out.push({
        field: pointer(path),
        message: 'Must be a finite number (|x| <= 1e15).',
        code: 'maximum',
      });
    }
  } else if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      out.push({ field: pointer(path), message: NUL_TEXT, code: 'pattern' });
    } else if (LONE_SURROGATE.test(value)) {
      out.push({ field: pointer(path), message: SURROGATE_TEXT, code: 'pattern' });
    }
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) unstorable(item, [...path, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) unstorable(item, [...path, k], out);
  }
}

const DATE_FIELD = /(^|_)date$|Date$|^observed_on$|^contract_start$/;

/** The parts of a valibot schema this walk looks into (valibot keeps them on the schema). */
interface SchemaParts {
  readonly type: string;
  readonly entries?: Record<string, SchemaParts>;
  readonly wrapped?: SchemaParts;
  readonly item?: SchemaParts;
  readonly options?: readonly SchemaParts[];
  readonly getter?: (input: unknown) => SchemaParts;
}

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object']);

/**
 * Arrays where the schema has an object. valibot's object schemas take any non-null object,
 * so `"sources": []` passed as an empty object; JSON Schema's `type: object` never matches an
 * array. The walk follows the value and the schema together (wrappers, arrays, lazy refs).
 */
function arraysForObjects(
  schema: SchemaParts | AnySchema,
  value: unknown,
  path: (string | number)[],
  out: FieldError[],
): void {
  let s = schema as SchemaParts;
  while (s.wrapped || s.getter) s = s.wrapped ?? (s.getter as (x: unknown) => SchemaParts)(value);
  if (OBJECT_TYPES.has(s.type) && s.entries) {
    if (Array.isArray(value)) {
      out.push({ field: pointer(path), message: 'Must be an object, not an array.', code: 'type' });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [k, item] of Object.entries(value)) {
      const entry = s.entries[k];
      if (entry) arraysForObjects(entry, item, [...path, k], out);
    }
  } else if (s.type === 'array' && s.item && Array.isArray(value)) {
    for (const [i, item] of value.entries()) arraysForObjects(s.item, item, [...path, i], out);
  } else if (s.type === 'union' && s.options) {
    // A union of object shapes (a goal's flat or metrics form): an array matches none of them.
    if (Array.isArray(value) && s.options.every((o) => OBJECT_TYPES.has(o.type))) {
      out.push({ field: pointer(path), message: 'Must be an object, not an array.', code: 'type' });
    }
  }
}

/** Dates and date-times the schema's regexes let through but the calendar does not. */
function calendarChecks(value: unknown, path: (string | number)[], out: FieldError[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) calendarChecks(item, [...path, i], out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, item] of Object.entries(value)) {
    const here = [...path, k];
    // Every `format: date` field of openapi.yaml: *_date, *Date, observed_on, contract_start.
    if (typeof item === 'string' && DATE_FIELD.test(k) && item.length === 10) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(item) && !isCalendarDate(item)) {
        out.push({
          field: pointer(here),
          message: 'Must be a real calendar date (YYYY-MM-DD).',
          code: 'format',
        });
      }
    } else if (typeof item === 'string' && k === 'measured_at' && parseTimestamp(item) === null) {
      out.push({
        field: pointer(here),
        message: 'Must be a date-time with a zone (RFC 3339), for example 2026-04-28T09:00:00Z.',
        code: 'format',
      });
    } else {
      calendarChecks(item, here, out);
    }
  }
}

/**
 * Validates a parsed JSON body: a JSON object, finite numbers, the schema, real dates. Throws a
 * 422 problem naming every offending field; returns the typed body.
 */
export function parseBody<S extends AnySchema>(schema: S, value: unknown): v.InferOutput<S> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationFailed([{ field: '', message: 'Must be a JSON object.', code: 'type' }]);
  }
  const errors: FieldError[] = [];
  unstorable(value, [], errors);
  const result = v.safeParse(schema, value);
  if (!result.success) {
    for (const issue of result.issues) {
      const e = toFieldError(issue);
      if (!errors.some((x) => x.field === e.field && x.code === e.code)) errors.push(e);
    }
  }
  arraysForObjects(schema, value, [], errors);
  const calendar: FieldError[] = [];
  calendarChecks(value, [], calendar);
  for (const e of calendar) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  if (errors.length > 0 || !result.success) {
    throw validationFailed(
      errors.length > 0 ? errors : [{ field: '', message: 'Invalid body.', code: 'invalid' }],
    );
  }
  return result.output as v.InferOutput<S>;
}

/** A path parameter id (`customerId`, `goalId`, `milestoneId`): 400 when malformed. */
export function pathId(name: string, value: string | undefined): string {
  const id = value ?? '';
  if (id.length === 0 || id.length > 64 || !ID_PATTERN.test(id)) {
    throw badRequest(
      `path.${name}`,
      PATTERN_TEXT[ID_PATTERN.source] ?? 'Invalid.',
      id.length > 64 ? 'max_length' : 'pattern',
      `Path parameter ${name} is not a valid id.`,
    );
  }
  return id;
}

/** The query of a request: unknown and repeated parameters are 400s. */
export class Query {
  readonly #values = new Map<string, string>();

  constructor(url: string, allowed: readonly string[]) {
    const q = url.indexOf('?');
    const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    for (const [key, value] of params) {
      if (!allowed.includes(key)) {
        throw badRequest(
          `query.${key}`,
          allowed.length > 0
            ? `Unknown parameter. Known: ${allowed.join(', ')}.`
            : 'This operation takes no query parameters.',
          'unknown_parameter',
          `Unknown query parameter ${key}.`,
        );
      }
      // PostgreSQL text cannot hold NUL: refused here rather than failing in the query.
      if (value.includes('\u0000')) {
        throw badRequest(`query.${key}`, NUL_TEXT, 'pattern');
      }
      if (this.#values.has(key)) {
        throw badRequest(
          `query.${key}`,
          'Give this parameter once.',
          'invalid',
          `Query parameter ${key} is repeated.`,
        );
      }
      this.#values.set(key, value);
    }
  }

  string(
    name: string,
    opts: { max: number; min?: number; pattern?: RegExp; patternText?: string },
  ): string | undefined {
    const value = this.#values.get(name);
    if (value === undefined) return undefined;
    if (value.length < (opts.min ?? 1))
      throw badRequest(
        `query.${name}`,
        `Must be at least ${opts.min ?? 1} characters long.`,
        'min_length',
      );
    if (value.length > opts.max)
      throw badRequest(
        `query.${name}`,
        `Must be at most ${opts.max} characters long.`,
        'max_length',
      );
    if (opts.pattern && !opts.pattern.test(value)) {
      throw badRequest(
        `query.${name}`,
        opts.patternText ?? PATTERN_TEXT[opts.pattern.source] ?? 'Invalid format.',
        'pattern',
      );
    }
    return value;
  }

  id(name: string): string | undefined {
    return this.string(name, { max: 64, pattern: ID_PATTERN });
  }

  enum<T extends string>(name: string, options: readonly T[]): T | undefined {
    const value = this.#values.get(name);
    if (value === undefined) return undefined;
    if (!(options as readonly string[]).includes(value)) {
      throw badRequest(`query.${name}`, `Must be one of ${options.join(', ')}.`, 'enum');
    }
    return value as T;
  }

  limit(): number {
    const value = this.#values.get('limit');
    if (value === undefined) return 50;
    if (!/^-?\d+$/.test(value)) {
      throw badRequest(
        'query.limit',
        'Must be an integer from 1 to 500.',
        'type',
        'Query parameter limit must be an integer from 1 to 500.',
      );
    }
    const n = Number(value);
    if (n < 1)
      throw badRequest(
        'query.limit',
        'Must be at least 1.',
        'minimum',
        'Query parameter limit must be an integer from 1 to 500.',
      );
    if (n > 500)
      throw badRequest(
        'query.limit',
        'Must be at most 500.',
        'maximum',
        'Query parameter limit must be an integer from 1 to 500.',
      );
    return n;
  }

  boolean(name: string): boolean | undefined {
    const value = this.#values.get(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false')
      throw badRequest(`query.${name}`, 'Must be true or false.', 'type');
    return value === 'true';
  }

  timestamp(name: string): number | undefined {
    const value = this.#values.get(name);
    if (value === undefined) return undefined;
    const ms = value.length <= 40 ? parseTimestamp(value) : null;
    if (ms === null) {
      throw badRequest(
        `query.${name}`,
        'Must be a date-time with a zone (RFC 3339), for example 2026-04-01T00:00:00Z.',
        'format',
      );
    }
    return ms;
  }
}

/** `uniqueItems` of a string array (valibot's schemas do not check it). */
export function checkUnique(items: readonly string[] | undefined, field: string): void {
  if (!items) return;
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    if (seen.has(item))
      errors.push({
        field: `${field}/${i}`,
        message: `Duplicate of an earlier item (${item}).`,
        code: 'unique_items',
      });
    seen.add(item);
  });
  if (errors.length > 0) throw validationFailed(errors);
}

/**
 * A report's logo is what its media type says: the PNG signature, or SVG markup. The schema
 * checks it is base64; this reads its first bytes so a wrong file is a 400, never a 500 from the
 * renderer.
 */
export function checkBrandingLogo(
  logo: { readonly media_type: string; readonly data: string } | undefined,
  field: string,
): void {
  if (!logo) return;
  const head = Buffer.from(logo.data.slice(0, 64), 'base64');
  const ok =
    logo.media_type === 'image/png'
      ? head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      : /^\s*(<\?xml|<svg)/.test(head.toString('utf8'));
  if (!ok)
    throw validationFailed([
      {
        field: `${field}/data`,
        message: `Not a ${logo.media_type} image: a PNG starts with the PNG signature, an SVG with <svg or an XML declaration.`,
        code: 'media_type',
      },
    ]);
}
