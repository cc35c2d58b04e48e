// A generated corpus of bad input over every operation of openapi.yaml, sent in-process: wrong
// types and boundary numbers in every body field, NaN and Infinity as strings and as raw number
// tokens, huge and deeply nested bodies, NUL and lone surrogates in text, forged cursors,
// far-future periods, bad path, query and header parameters, wrong methods and content types.
// Every case is a request the contract refuses (checked against openapi.yaml by an independent
// validator before it is sent), so every answer must be a 4xx problem+json, none a 5xx, and the
// database must be exactly as it was. One run uses a fixed seed, another a changing one
// (CSCX_FUZZ_SEED replays it); a failure names the seed.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contractValidator } from '../../../testing/openapi-ajv.js';
import {
  deref,
  operations,
  requestExample,
  type Json as SpecNode,
} from '../../../testing/openapi-spec.js';
import { type Api, apiOf } from './testing/api.js';
import { OPERATION_IDS, type OperationId } from './testing/contract.js';
import { snapshot } from './testing/db-snapshot.js';
import { fullGoalBody } from './testing/goal-bodies.js';
import { type TestApp, TOKENS, testApp } from './testing/harness.js';
import { describeBackends } from './testing/test-db.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Cases per seed. */
const CASES = 10_000;
const FIXED_SEED = 18;
const CHANGING_SEED = process.env.CSCX_FUZZ_SEED
  ? Number(process.env.CSCX_FUZZ_SEED)
  : Date.now() % 2 ** 31;

/** mulberry32: small, fast and the same on every machine. */
class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  next(): number {
    this.#s = (this.#s + 0x6d2b79f5) >>> 0;
    let t = this.#s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- the contract, per operation

interface Param {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly schema: SpecNode;
  /** True when a value (as sent, text) is one the contract allows. */
  readonly valid: (text: string) => boolean;
}

interface OpInfo {
  readonly id: OperationId;
  readonly method: string;
  readonly path: string;
  readonly params: readonly Param[];
  /** True when a parsed body is one the contract allows; null without a body. */
  readonly body: ((value: unknown) => boolean) | null;
}

/** A query or path parameter's text as the value its schema describes. */
function typed(schema: SpecNode, text: string): unknown {
  const type = schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text))
    return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function opInfos(): Map<OperationId, OpInfo> {
  const out = new Map<OperationId, OpInfo>();
  for (const op of operations()) {
    const params = op.parameters.map((p) => {
      const schema = deref(p.schema as SpecNode);
      const check = contractValidator(schema);
      return {
        name: String(p.name),
        in: p.in as Param['in'],
        schema,
        valid: (text: string) => check(typed(schema, text)),
      };
    });
    const media = op.requestBody?.content['application/json'];
    out.set(op.operationId as OperationId, {
      id: op.operationId as OperationId,
      method: op.method,
      path: op.path,
      params,
      body: media?.schema ? contractValidator(media.schema) : null,
    });
  }
  return out;
}

/** What PostgreSQL cannot store though JSON carries it (iterative: values may be deep). */
function unstorable(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
      if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v))
        return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) stack.push(k, item);
    }
  }
  return false;
}

// ---------------------------------------------------------------- value generators

const NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1.5,
  99.999,
  100,
  100.0001,
  101,
  1e-7,
  5e-324,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  999_999_999_999_999,
  1e15 + 1,
  1e16,
  -1e16,
  1e300,
  -1e308,
  Number.MAX_VALUE,
];
/** Number tokens JSON.stringify cannot write; some are JSON (1e400 is Infinity), most not. */
const RAW_NUMBERS: readonly string[] = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '00',
  '01',
  '.5',
  '5.',
  '+1',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  '1e',
  '--1',
  '1.2.3',
  '٣',
];
const DATES: readonly string[] = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '10000-01-01',
  '2026-1-1',
  '2026-04-28T09:00:00',
  '2026-04-28T25:00:00Z',
  '2026-04-28T09:00:00+25:00',
  '9999-12-31',
  '1899-12-31',
  'yesterday',
  '2026/04/28',
  '28.04.2026',
  '2026-04-28 ',
  '２０２６-04-28',
];
const STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  'null',
  'true',
  '12',
  '-1',
  '0x1F',
  '<script>alert(1)</script>',
  "'; DROP TABLE customers; --",
  '../../etc/passwd',
  '%00',
  '\\u0000',
  '\u202egnp.exe',
  'zero\u200bwidth',
  '😀',
  'Ａ',
  '＝1+1',
  '=cmd|"/c calc"!A1',
  '__proto__',
  'constructor',
  'all',
  '9999-Q4',
  '9999-12',
  'cus_acme',
  'cus_globex',
];
const LENGTHS: readonly number[] = [
  1, 63, 64, 65, 128, 129, 199, 200, 201, 255, 256, 257, 499, 500, 501, 512, 513, 1000, 1001, 1999,
  2000, 2001, 2048, 2049, 5000,
];

function badText(rng: Rng, current?: string): string {
  switch (rng.int(0, 6)) {
    case 0:
      return rng.pick(STRINGS);
    case 1:
      return rng.pick(DATES);
    case 2:
      return rng.pick(['x', 'é', '😀', 'a b', '"']).repeat(rng.pick(LENGTHS));
    case 3: {
      // NUL or a lone surrogate inside otherwise fine text.
      const base = current ?? 'text';
      const at = rng.int(0, base.length);
      const bad = rng.pick(['\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800']);
      return `${base.slice(0, at)}${bad}${base.slice(at)}`;
    }
    case 4:
      return String.fromCharCode(
        ...Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 0xffff)),
      );
    case 5:
      return `${current ?? ''}${rng.pick(['\u0000', '\ud83d', ' ', '\n', 'x'.repeat(2001)])}`;
    default:
      return rng.pick(['NaN', 'Infinity', '-Infinity', 'undefined', 'None', '∞']);
  }
}

/** A value that may well be wrong where `current` stands. */
function badValue(rng: Rng, current: Json | undefined, depth = 0): Json {
  switch (rng.int(0, 9)) {
    case 0:
      return rng.pick(NUMBERS);
    case 1:
    case 2:
      return badText(rng, typeof current === 'string' ? current : undefined);
    case 3:
      return rng.pick([null, true, false]);
    case 4:
      return depth > 2
        ? []
        : Array.from({ length: rng.pick([0, 1, 2, 21, 101]) }, () =>
            rng.chance(0.5) && current !== undefined
              ? current
              : badValue(rng, undefined, depth + 1),
          );
    case 5:
      return depth > 2
        ? {}
        : { [rng.pick(['a', 'name', '__proto__', ''])]: badValue(rng, undefined, depth + 1) };
    case 6:
      // The right type, at its edges.
      if (typeof current === 'number')
        return rng.pick([-current, current * 1e15, current + 1e-9, -1, 0]);
      if (typeof current === 'string') return badText(rng, current);
      if (Array.isArray(current))
        return [...current, ...current, ...current, ...current, ...current];
      return rng.pick(NUMBERS);
    case 7:
      return typeof current === 'number'
        ? String(current)
        : typeof current === 'string'
          ? Number(current) || 0
          : null;
    case 8:
      return rng.pick(['NaN', 'Infinity', '-Infinity', '1e400']);
    default:
      return badText(rng);
  }
}

// ---------------------------------------------------------------- bodies

type Path = (string | number)[];

function paths(value: Json, at: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push([...at, i], ...paths(v, [...at, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...at, k], ...paths(v, [...at, k]));
  }
  return out;
}

function objectPaths(value: Json, at: Path = []): Path[] {
  const out: Path[] = [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) out.push(at);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push(...objectPaths(v, [...at, key]));
    }
  }
  return out;
}

function getAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) node = (node as Record<string | number, Json> | undefined)?.[key];
  return node;
}

/** A copy of `root` with `path` set to `value` (removed when undefined). */
function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? {} : value;
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const PLACEHOLDER = '"@@raw@@"';

/** `root` as JSON with the value at `path` written as `raw` text. */
function withRaw(root: Json, path: Path, raw: string): string {
  return JSON.stringify(setAt(root, path, '@@raw@@')).replace(PLACEHOLDER, raw);
}

/** Nesting `levels` deep, alternating arrays and objects: what JSON.parse takes, the validator not. */
function deepText(rng: Rng, levels: number): string {
  if (rng.chance(0.5)) return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

// ---------------------------------------------------------------- cases

interface Base {
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body?: Json;
}

interface Case {
  readonly what: string;
  readonly op: OperationId;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** False for reads whose parameters are odd but allowed: any answer but a 5xx will do. */
  readonly must4xx: boolean;
}

interface World {
  readonly ops: Map<OperationId, OpInfo>;
  readonly bases: Map<OperationId, Base[]>;
  /** Real next_cursor values, by operation. */
  readonly cursors: Map<OperationId, string>;
}

const BAD_IDS: readonly string[] = [
  'has space',
  '-leading',
  '_leading',
  'x'.repeat(65),
  'ünï',
  'a/b',
  'a.b',
  '..',
  '.',
  'a\u0000b',
  '\ud800',
  '😀',
  'cus_acme ',
  ' cus_acme',
  'CUS_ACME',
  'cus_missing',
  'goal_missing',
  'tok_missing',
  'null',
  'undefined',
  '0',
  '__proto__',
  'cus_acme;drop',
  "cus_acme'",
  '%',
  '\\',
  '*',
];
/** Path segments written as is (percent-escapes the server must decode or refuse). */
const RAW_SEGMENTS: readonly string[] = [
  '%00',
  '%ED%A0%80',
  '%FF',
  '%zz',
  '%',
  '%2F',
  '%2e%2e',
  '%5C',
  '%20',
];
const UNKNOWN_PARAMS: readonly string[] = [
  'token',
  'access_token',
  'api_key',
  '__proto__',
  'LIMIT',
  'Limit',
  'limit[]',
  'a',
  '',
  'period ',
  'x'.repeat(300),
];
const BAD_IF_MATCH: readonly string[] = [
  'W/1',
  '"1" "2"',
  '"1',
  'abc',
  '-1',
  '0',
  '1.5',
  ',',
  '9'.repeat(20),
  '"1"x',
  ' ',
  '"99"',
  '7',
  '"01"',
];
const BAD_KEYS: readonly string[] = ['has space', 'x'.repeat(256), 'tab\tkey', 'ünï', '', ' '];
const BAD_TYPES: readonly string[] = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/json-patch+json',
  'application/ld+json',
  'json',
  'text/json',
  '*/*',
  'application/ json',
];
const BAD_AUTH: readonly (string | null)[] = [
  null,
  'Basic dXNlcjpwYXNz',
  'Bearer',
  'Bearer ',
  'Bearer a b',
  `Bearer ${'x'.repeat(600)}`,
  'demo-manager-token',
  'Bearer demo manager',
  'Bearer nope',
  `Bearer ${TOKENS.expired}`,
  `Bearer ${TOKENS.revoked}`,
  `Bearer ${TOKENS.otherViewer}`,
  'Bearer \u00ff',
];

function unsignedCursor(k: unknown[], filters: Record<string, unknown>): string {
  const f = createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
  return Buffer.from(JSON.stringify({ k, f })).toString('base64url');
}

function forgedCursor(rng: Rng, world: World, op: OperationId): string {
  const real = world.cursors.get(op) ?? 'e30.AAAA';
  const other = rng.pick(
    [...world.cursors.entries()].filter(([id]) => id !== op).map(([, c]) => c),
  );
  const [payload = '', mac = ''] = real.split('.');
  const key = rng.pick<unknown[]>([
    ['a\u0000', 'b'],
    ['\ud800', 'x'],
    [1e20, 'alt_1'],
    [-1e20, 'x'],
    ['x'.repeat(300), 'y'],
    [1, 2],
    [],
    ['a'],
    [null, null],
    [{}, []],
    ['zzz', 'cus_zzz'],
  ]);
  const opName = {
    listCustomers: 'listCustomers',
    listAlerts: 'listAlerts',
    listMilestones: 'listMilestones',
  }[op as string];
  switch (rng.int(0, 9)) {
    case 0:
      return unsignedCursor(key, { op: opName ?? 'portfolio' });
    case 1:
      return `${Buffer.from(JSON.stringify(key)).toString('base64url')}.${mac}`;
    case 2:
      return `${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    case 3:
      return other ?? `${payload}x.${mac}`;
    case 4:
      return real.slice(0, rng.int(1, real.length - 1));
    case 5:
      return `${real}${rng.pick(['x', '.', '=', '.AAAA'])}`;
    case 6:
      return Buffer.from(badText(rng)).toString('base64url') || 'x';
    case 7:
      return rng.pick([
        '.',
        '..',
        'a.b.c',
        `x.${'A'.repeat(43)}`,
        'A'.repeat(2049),
        'null',
        'e30',
        '%00',
      ]);
    case 8:
      return `${payload}.${'A'.repeat(43)}`;
    default:
      return badText(rng) || 'x';
  }
}

/** Percent-encoded UTF-8; a lone surrogate as the bytes a careless client sends (WTF-8). */
function encodePart(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function buildCase(
  info: OpInfo,
  base: Base,
  what: string,
  change: {
    method?: string;
    params?: Record<string, string>;
    rawParams?: Record<string, string>;
    query?: [string, string][];
    rawQuery?: string;
    headers?: Record<string, string | null>;
    body?: string | Uint8Array | null;
  },
  must4xx: boolean,
): Case {
  const params = { ...base.params, ...change.params };
  const path = info.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    change.rawParams?.[name] !== undefined
      ? change.rawParams[name]
      : encodePart(params[name] ?? ''),
  );
  const query = change.query ?? Object.entries(base.query);
  const qs = [
    ...query.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`),
    ...(change.rawQuery ? [change.rawQuery] : []),
  ].join('&');
  const headers: Record<string, string> = {
    authorization: `Bearer ${TOKENS.manager}`,
    ...base.headers,
  };
  for (const [k, v] of Object.entries(change.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  let body: string | Uint8Array | undefined;
  if (change.body !== undefined) {
    if (change.body !== null) body = change.body;
  } else if (base.body !== undefined) body = JSON.stringify(base.body);
  const method = change.method ?? info.method;
  if (
    body !== undefined &&
    headers['content-type'] === undefined &&
    change.headers?.['content-type'] !== null
  )
    headers['content-type'] = 'application/json';
  return {
    what,
    op: info.id,
    method,
    url: `http://server.test${path}${qs ? `?${qs}` : ''}`,
    headers,
    ...(body !== undefined && method !== 'GET' ? { body } : {}),
    must4xx,
  };
}

/** A body mutation the contract refuses, as text, or null when this try produced an allowed one. */
function badBody(
  rng: Rng,
  info: OpInfo,
  body: Json,
): { what: string; text: string | Uint8Array } | null {
  const all = paths(body);
  const field = all.length > 0 && rng.chance(0.9) ? rng.pick(all) : [];
  const judge = (what: string, text: string) => {
    let parsed: unknown;
    try {
      // As the wire carries it (a raw lone surrogate is sent as U+FFFD); a leading byte order
      // mark may be ignored (RFC 8259 section 8.1), and is.
      parsed = JSON.parse(
        Buffer.from(text)
          .toString('utf8')
          .replace(/^\ufeff/, ''),
      );
    } catch {
      return { what, text };
    }
    return info.body?.(parsed) === false ||
      unstorable(parsed) ||
      parsed === null ||
      typeof parsed !== 'object'
      ? { what, text }
      : null;
  };
  const at = `/${field.join('/')}`;
  switch (rng.int(0, 14)) {
    case 0:
    case 1:
    case 2:
    case 3: {
      const value = badValue(rng, getAt(body, field));
      return judge(
        `${at} = ${JSON.stringify(value).slice(0, 60)}`,
        JSON.stringify(setAt(body, field, value)),
      );
    }
    case 4:
      return judge(`${at} removed`, JSON.stringify(setAt(body, field, undefined)));
    case 5: {
      const where = rng.pick(objectPaths(body));
      const name = rng.pick([
        'unknown_field',
        '__proto__',
        'constructor',
        'ID',
        'Name',
        '',
        'name ',
        'nаme',
      ]);
      return judge(
        `${at} + ${name}`,
        JSON.stringify(setAt(body, [...where, name], badValue(rng, undefined))),
      );
    }
    case 6: {
      const raw = rng.pick(RAW_NUMBERS);
      return judge(`${at} = ${raw} (raw)`, withRaw(body, field, raw));
    }
    case 7: {
      const texts = all.filter((p) => typeof getAt(body, p) === 'string');
      const p = texts.length > 0 ? rng.pick(texts) : field;
      const current = getAt(body, p);
      const base = typeof current === 'string' ? current : 'text';
      const i = rng.int(0, base.length);
      const bad = rng.pick(['\u0000', '\ud800', '\udfff', '\udc00\ud800', `${base}\ud83d`]);
      return judge(
        `/${p.join('/')} with NUL or a lone surrogate`,
        JSON.stringify(setAt(body, p, `${base.slice(0, i)}${bad}${base.slice(i)}`)),
      );
    }
    case 8: {
      const levels = rng.pick([33, 40, 64, 100, 1000, rng.int(10_000, 100_000)]);
      return {
        what: `${at} nested ${levels} deep`,
        text: withRaw(body, field, deepText(rng, levels)),
      };
    }
    case 9: {
      const n = rng.pick([1001, 5000, rng.int(1001, 200_000)]);
      const member = rng.pick(['0', 'null', '"x"', '{}', '[]']);
      const text = rng.chance(0.7)
        ? `[${`${member},`.repeat(n - 1)}${member}]`
        : `{${Array.from({ length: Math.min(n, 20_000) }, (_, i) => `"k${i}":${member}`).join(',')}}`;
      return { what: `${at} with ${n} members`, text: withRaw(body, field, text) };
    }
    case 10: {
      const n = rng.pick([16_385, 20_000, rng.int(16_385, 900_000)]);
      return {
        what: `${at} a string of ${n}`,
        text: withRaw(
          body,
          field,
          JSON.stringify(rng.pick(['x', 'é', '😀']).repeat(n).slice(0, n)),
        ),
      };
    }
    case 11: {
      const valid = JSON.stringify(body);
      const i = rng.int(0, valid.length);
      const variants: [string, string][] = [
        ['truncated', valid.slice(0, Math.max(0, i - 1))],
        [
          'a character inserted',
          `${valid.slice(0, i)}${rng.pick(['"', '{', ']', ',', ':', '\\', '\u0000', '\n', 'x', '\ud800'])}${valid.slice(i)}`,
        ],
        ['trailing garbage', `${valid}${rng.pick(['}', ',', 'x', ' {}', '\u0000'])}`],
        ['a byte order mark', `\ufeff${valid}`],
        ['single quotes', valid.replaceAll('"', "'")],
        ['a comment', `/* c */${valid}`],
        ['two bodies', `${valid}${valid}`],
        ['a raw control character in a string', valid.replace(/":"/, '":"\u0001')],
        [
          'a duplicate key',
          valid.replace(
            '{',
            `{"${String(Object.keys(body as object)[0])}":${JSON.stringify(badValue(rng, null))},`,
          ),
        ],
      ];
      const [what, text] = rng.pick(variants);
      return judge(what, text);
    }
    case 12: {
      const root = rng.pick<Json>([null, [], [body], 'text', 42, true, -1, '', {}]);
      return judge(`the body is ${JSON.stringify(root).slice(0, 40)}`, JSON.stringify(root));
    }
    case 13: {
      const bytes = Buffer.from(JSON.stringify(body));
      const i = rng.int(0, bytes.length - 1);
      const bad = Buffer.from(
        rng.pick([
          [0xff],
          [0xc3],
          [0xed, 0xa0, 0x80],
          [0xf8, 0x88, 0x80, 0x80, 0x80],
          [0xc0, 0xaf],
        ]),
      );
      return {
        what: 'bytes that are not UTF-8',
        text: new Uint8Array(Buffer.concat([bytes.subarray(0, i), bad, bytes.subarray(i)])),
      };
    }
    default:
      return { what: 'an empty body', text: '' };
  }
}

function makeCase(rng: Rng, world: World, id: OperationId): Case {
  const info = world.ops.get(id) as OpInfo;
  const base = rng.pick(world.bases.get(id) as Base[]);
  const isRead = info.method === 'GET';
  const pathParams = info.params.filter((p) => p.in === 'path');
  const queryParams = info.params.filter((p) => p.in === 'query');
  const kinds = [
    'path',
    'query-unknown',
    'auth',
    'method',
    ...(queryParams.length > 0 ? ['query-bad', 'query-bad', 'query-bad', 'query-repeat'] : []),
    ...(info.params.some((p) => p.name === 'If-Match') ? ['if-match'] : []),
    ...(info.method === 'POST' ? ['idempotency-key'] : []),
    ...(info.body
      ? [
          'body',
          'body',
          'body',
          'body',
          'body',
          'body',
          'body',
          'body',
          'content-type',
          'content-length',
        ]
      : []),
  ];
  for (;;) {
    const kind = rng.pick(kinds);
    switch (kind) {
      case 'path': {
        if (pathParams.length === 0) continue;
        const p = rng.pick(pathParams);
        if (rng.chance(0.25)) {
          const raw = rng.pick(RAW_SEGMENTS);
          return buildCase(
            info,
            base,
            `path.${p.name} = ${raw} (raw)`,
            { rawParams: { [p.name]: raw } },
            true,
          );
        }
        const value = rng.chance(0.7) ? rng.pick(BAD_IDS) : badText(rng);
        // An id of something that exists is no bad input.
        if (value === '' || value === base.params[p.name] || /^cus_(acme|globex)$/.test(value))
          continue;
        return buildCase(
          info,
          base,
          `path.${p.name} = ${JSON.stringify(value).slice(0, 60)}`,
          { params: { [p.name]: value } },
          true,
        );
      }
      case 'query-unknown': {
        const name = rng.pick(UNKNOWN_PARAMS);
        if (queryParams.some((q) => q.name === name)) continue;
        const value = rng.pick(['1', '', 'cscx_secret', badText(rng)]);
        return buildCase(
          info,
          base,
          `query.${name.slice(0, 20)} (unknown)`,
          { query: [...Object.entries(base.query), [name, value]] },
          true,
        );
      }
      case 'query-repeat': {
        const p = rng.pick(queryParams);
        const value =
          base.query[p.name] ??
          (p.schema.type === 'integer' ? '10' : p.schema.type === 'boolean' ? 'true' : 'all');
        const rest = Object.entries(base.query).filter(([k]) => k !== p.name);
        return buildCase(
          info,
          base,
          `query.${p.name} twice`,
          { query: [...rest, [p.name, value], [p.name, value]] },
          true,
        );
      }
      case 'query-bad': {
        const p = rng.pick(queryParams);
        const rest = Object.entries(base.query).filter(([k]) => k !== p.name);
        if (p.name === 'cursor') {
          const cursor = forgedCursor(rng, world, id);
          if (cursor === world.cursors.get(id)) continue;
          return buildCase(
            info,
            base,
            `query.cursor forged: ${cursor.slice(0, 40)}`,
            { query: [...rest, ['cursor', cursor]] },
            true,
          );
        }
        if (rng.chance(0.1)) {
          const raw = rng.pick(['%', '%zz', '%00', '%ED%A0%80', '%FF', '+', '%2B']);
          return buildCase(
            info,
            base,
            `query.${p.name} = ${raw} (raw)`,
            { query: rest, rawQuery: `${p.name}=${raw}` },
            !isRead || raw === '%00',
          );
        }
        const value = rng.pick([
          () =>
            rng.pick([
              'NaN',
              'Infinity',
              '-Infinity',
              '1e400',
              '1e2',
              '0',
              '-1',
              '501',
              '500',
              '1',
              '1.5',
              '0x10',
              ' 1',
              '１',
              '9'.repeat(20),
              '',
            ]),
          () =>
            rng.pick([
              '9999-12',
              '9999-Q4',
              '9999',
              '3000',
              '1899',
              '0000',
              '2026-Q5',
              '2026-13',
              '2026-Q0',
              'ALL',
              'all ',
              '2026-q2',
              '2026-00',
            ]),
          () => rng.pick(['yes', 'no', '1', 'TRUE', 'True', 'on']),
          () =>
            rng.pick([
              '+275760-09-13T00:00:00Z',
              '9999-12-31T23:59:59Z',
              '2026-02-30T00:00:00Z',
              '2026-04-01T00:00:00',
              'yesterday',
              '1e20',
              '2026-04-01T24:00:00Z',
            ]),
          () => rng.pick(['enterprise ', 'SMB', 'huge', 'mid-market']),
          () => badText(rng),
        ])();
        const allowed = p.valid(value) && !value.includes('\u0000');
        return buildCase(
          info,
          base,
          `query.${p.name} = ${JSON.stringify(value).slice(0, 60)}`,
          { query: [...rest, [p.name, value]] },
          !isRead || !allowed,
        );
      }
      case 'auth': {
        const auth = rng.pick(BAD_AUTH);
        // Globex's viewer may list what it sees; Acme's resources do not exist for it. Goal
        // templates belong to no customer: every token reads them.
        const seesIt =
          auth === `Bearer ${TOKENS.otherViewer}` &&
          isRead &&
          (pathParams.length === 0 || info.id === 'getGoalTemplate');
        return buildCase(
          info,
          base,
          `authorization ${JSON.stringify(auth).slice(0, 40)}`,
          { headers: { authorization: auth } },
          !seesIt,
        );
      }
      case 'method': {
        const same = operations()
          .filter((o) => o.path === info.path)
          .map((o) => o.method);
        const method = rng.pick(
          ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].filter((m) => !same.includes(m)),
        );
        if (method === undefined) continue;
        return buildCase(
          info,
          base,
          `method ${method}`,
          { method, ...(method === 'GET' ? { body: null } : {}) },
          true,
        );
      }
      case 'if-match': {
        const value = rng.pick(info.method === 'PUT' ? [...BAD_IF_MATCH, null] : BAD_IF_MATCH);
        return buildCase(
          info,
          base,
          `If-Match ${JSON.stringify(value)}`,
          { headers: { 'if-match': value } },
          true,
        );
      }
      case 'idempotency-key': {
        const value = rng.pick(BAD_KEYS);
        return buildCase(
          info,
          base,
          `Idempotency-Key ${JSON.stringify(value).slice(0, 30)}`,
          { headers: { 'idempotency-key': value } },
          true,
        );
      }
      case 'content-type': {
        const type = rng.pick([...BAD_TYPES, null]);
        return buildCase(
          info,
          base,
          `Content-Type ${JSON.stringify(type)}`,
          { headers: { 'content-type': type } },
          true,
        );
      }
      case 'content-length': {
        if (rng.chance(0.2)) {
          const huge = JSON.stringify({
            ...(base.body as object),
            padding: 'x'.repeat(1024 * 1024),
          });
          return buildCase(info, base, 'a body over 1 MiB', { body: huge }, true);
        }
        return buildCase(
          info,
          base,
          'Content-Length over 1 MiB',
          { headers: { 'content-length': String(rng.int(1_048_577, 2 ** 40)) } },
          true,
        );
      }
      default: {
        const bad = badBody(rng, info, base.body as Json);
        if (!bad) continue;
        const noise: Record<string, string> = {};
        if (rng.chance(0.2)) noise['idempotency-key'] = randomUUID();
        return buildCase(info, base, `body: ${bad.what}`, { body: bad.text, headers: noise }, true);
      }
    }
  }
}

interface Failure {
  readonly n: number;
  readonly case: Case;
  readonly status: number;
  readonly why: string;
  readonly text: string;
}

describeBackends('a generated bad-input corpus (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let world: World;
  const problemValid = contractValidator({ $ref: '#/components/schemas/Problem' });

  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    const flat = {
      customer_id: 'cus_acme',
      name: 'Target',
      metric: 'v',
      baseline_value: 0,
      target_value: 10,
      unit: 'h',
      target_date: '2026-12-31',
    };
    const full = fullGoalBody() as Json;
    const goal = await call('createSuccessGoal', {}, { body: flat });
    const replace = await call('createSuccessGoal', {}, { body: { ...flat, name: 'Replaced' } });
    const doomed = await call(
      'createSuccessGoal',
      {},
      { body: { ...flat, name: 'Never deleted' } },
    );
    const milestone = await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name: 'M', target_date: '2026-09-30' } },
    );
    await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { body: { name: 'M2', target_date: '2026-10-30' } },
    );
    const embed = await call(
      'createEmbedToken',
      {},
      { body: { customer_id: 'cus_acme', ttl_seconds: 900 } },
    );
    const shareKey = { headers: { 'idempotency-key': 'corpus-share-link' } };
    const share = await call(
      'createShareLink',
      { customerId: 'cus_acme' },
      { ...shareKey, body: { label: 'Corpus' } },
    );
    await call(
      'createShareLink',
      { customerId: 'cus_acme' },
      { headers: { 'idempotency-key': 'corpus-share-link-2' }, body: {} },
    );
    const metricId = goal.json.metrics[0]!.id;
    const {
      metric: _m,
      baseline_value: _b,
      target_value: _t,
      unit: _u,
      customer_id: _c,
      ...flatReplace
    } = flat;
    const put = { headers: { 'if-match': '"1"' } };
    // A goal of its own for the measurement writes: one measurement, so at version 2.
    const measuredGoal = await call(
      'createSuccessGoal',
      {},
      { body: { ...flat, name: 'Measured' } },
    );
    const measured = await call(
      'recordMeasurement',
      { goalId: measuredGoal.json.id },
      { body: { metric_id: measuredGoal.json.metrics[0]!.id, value: 1 } },
    );
    const measuredId = measured.json.measurement.id!;
    const put2 = { headers: { 'if-match': '"2"' } };
    // An open alert of Acme for acknowledgeAlert and dismissAlert: a bad request must leave it open.
    const alert = (
      await call('listAlerts', {}, { query: { customer_id: 'cus_acme', state: 'open', limit: 1 } })
    ).json.items[0]!;
    const model = await call('getHealthModel', { segment: 'enterprise' });
    const { weights, bands, triggers } = model.json;
    // Webhooks: a receiver that is never called (no delivery worker runs in this test).
    const hookBody = { url: 'https://93.184.215.14/corpus', event_types: ['goal.achieved'] };
    const hook = await call(
      'createWebhook',
      {},
      { headers: { 'idempotency-key': 'corpus-webhook' }, body: hookBody },
    );
    await call(
      'createWebhook',
      {},
      { headers: { 'idempotency-key': 'corpus-webhook-2' }, body: hookBody },
    );
    const doomedHook = await call(
      'createWebhook',
      {},
      { headers: { 'idempotency-key': 'corpus-webhook-3' }, body: hookBody },
    );
    const ping = await call('sendWebhookTest', { webhookId: hook.json.id });
    await call('sendWebhookTest', { webhookId: hook.json.id });
    // Goal templates: custom ones after the shipped library, so a list has a second page.
    const templateBody = {
      name: 'Corpus template',
      description: 'd',
      industry: 'Software',
      duration_days: 90,
      goal: {
        name: 'Corpus goal',
        description: 'd',
        category: 'efficiency',
        weight: 1,
        metrics: [
          {
            name: 'Resolution time',
            unit: 'hours',
            direction: 'lower_is_better',
            baseline_value: 24,
            target_value: 12,
            data_source: 'Helpdesk',
            frequency: 'monthly',
            weight: 1,
          },
        ],
        value_drivers: [{ type: 'time_saved', hours_per_month: 10, hourly_rate: 50 }],
      },
      milestones: [{ name: 'Kick-off', description: 'd', offset_days: 0 }],
    };
    const template = await call(
      'createGoalTemplate',
      {},
      { headers: { 'idempotency-key': 'corpus-template' }, body: templateBody },
    );
    const doomedTemplate = await call(
      'createGoalTemplate',
      {},
      { headers: { 'idempotency-key': 'corpus-template-2' }, body: templateBody },
    );
    const bases: [OperationId, Base][] = [
      ['listCustomers', { params: {}, query: { limit: '2' }, headers: {} }],
      ['listCustomers', { params: {}, query: { segment: 'enterprise', search: 'a' }, headers: {} }],
      ['getCustomer', { params: { customerId: 'cus_acme' }, query: {}, headers: {} }],
      [
        'listMilestones',
        { params: { customerId: 'cus_acme' }, query: { limit: '1' }, headers: {} },
      ],
      [
        'createMilestone',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          headers: {},
          body: {
            name: 'M',
            description: 'd',
            target_date: '2026-05-01',
            achieved_date: '2026-04-01',
            status: 'planned',
          },
        },
      ],
      [
        'updateMilestone',
        {
          params: { milestoneId: milestone.json.id },
          query: {},
          ...put,
          body: { name: 'M', target_date: '2026-05-01', status: 'at_risk' },
        },
      ],
      ['createSuccessGoal', { params: {}, query: {}, headers: {}, body: flat }],
      ['createSuccessGoal', { params: {}, query: {}, headers: {}, body: full }],
      [
        'createSuccessGoal',
        { params: {}, query: {}, headers: {}, body: requestExample<Json>('createSuccessGoal') },
      ],
      ['getSuccessGoal', { params: { goalId: goal.json.id }, query: {}, headers: {} }],
      [
        'updateSuccessGoal',
        {
          params: { goalId: replace.json.id },
          query: {},
          ...put,
          body: { ...flatReplace, metric: 'v', baseline_value: 0, target_value: 10 },
        },
      ],
      [
        'updateSuccessGoal',
        {
          params: { goalId: replace.json.id },
          query: {},
          ...put,
          body: {
            name: 'U',
            target_date: '2026-12-31',
            metrics: [{ name: 'm', unit: '', baseline_value: 0, target_value: 10 }],
          },
        },
      ],
      ['deleteSuccessGoal', { params: { goalId: doomed.json.id }, query: {}, headers: {} }],
      [
        'updateMeasurement',
        {
          params: { goalId: measuredGoal.json.id, measurementId: measuredId },
          query: {},
          ...put2,
          body: { value: 3, measured_at: '2026-04-01T00:00:00Z', source: 's', note: 'n' },
        },
      ],
      [
        'deleteMeasurement',
        {
          params: { goalId: measuredGoal.json.id, measurementId: measuredId },
          query: {},
          ...put2,
        },
      ],
      [
        'recordMeasurement',
        {
          params: { goalId: goal.json.id },
          query: {},
          headers: {},
          body: {
            metric_id: metricId,
            value: 3,
            measured_at: '2026-04-01T00:00:00Z',
            source: 's',
            note: 'n',
          },
        },
      ],
      ['getPortfolioSuccessMetrics', { params: {}, query: { limit: '1' }, headers: {} }],
      [
        'getPortfolioSuccessMetrics',
        { params: {}, query: { segment: 'enterprise', csm_id: 'csm_riley' }, headers: {} },
      ],
      ['listAtRiskGoals', { params: {}, query: { limit: '1' }, headers: {} }],
      [
        'listAtRiskGoals',
        { params: {}, query: { segment: 'enterprise', csm_id: 'csm_riley' }, headers: {} },
      ],
      [
        'getCustomerSuccessMetrics',
        { params: { customerId: 'cus_acme' }, query: { period: '2026-Q2' }, headers: {} },
      ],
      [
        'generateSuccessReport',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          headers: {},
          body: {
            format: 'html',
            include_sections: ['overview', 'goals'],
            period: 'all',
            locale: 'de-DE',
          },
        },
      ],
      [
        'getAccountSuccessMetrics',
        {
          params: { customerId: 'cus_acme' },
          query: { period: '2026', includeBenchmarks: 'true' },
          headers: {},
        },
      ],
      [
        'createAccountGoal',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          headers: {},
          body: requestExample<Json>('createAccountGoal'),
        },
      ],
      ['listAlerts', { params: {}, query: { limit: '1' }, headers: {} }],
      [
        'listAlerts',
        {
          params: {},
          query: { customer_id: 'cus_acme', since: '2025-01-01T00:00:00Z' },
          headers: {},
        },
      ],
      ['listAlerts', { params: {}, query: { state: 'all', limit: '1' }, headers: {} }],
      ['acknowledgeAlert', { params: { alertId: alert.id }, query: {}, ...put }],
      ['dismissAlert', { params: { alertId: alert.id }, query: {}, ...put }],
      [
        'createEmbedToken',
        { params: {}, query: {}, headers: {}, body: { customer_id: 'cus_acme', ttl_seconds: 900 } },
      ],
      [
        'revokeEmbedTokenByValue',
        { params: {}, query: {}, headers: {}, body: { token: 'cscx_not_a_live_token' } },
      ],
      ['revokeEmbedToken', { params: { tokenId: embed.json.id }, query: {}, headers: {} }],
      [
        'createShareLink',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          headers: { 'idempotency-key': 'corpus-share-link-3' },
          body: { label: 'Corpus', expires_at: '2026-05-30T09:00:00Z' },
        },
      ],
      [
        'listShareLinks',
        { params: { customerId: 'cus_acme' }, query: { limit: '1' }, headers: {} },
      ],
      [
        'revokeShareLink',
        {
          params: { customerId: 'cus_acme', shareLinkId: share.json.id },
          query: {},
          headers: {},
        },
      ],
      [
        'createImport',
        {
          params: {},
          query: { kind: 'customers' },
          // No JSON body to mutate: the corpus breaks the parameters and headers of an import
          // (imports.test.ts covers bad files).
          headers: { 'content-type': 'text/csv', 'idempotency-key': 'corpus-import' },
        },
      ],
      ['getImport', { params: { importId: 'imp_corpus_missing' }, query: {}, headers: {} }],
      [
        'createCustomer',
        {
          params: {},
          query: {},
          headers: {},
          body: {
            id: 'cus_corpus',
            name: 'Corpus Co',
            segment: 'smb',
            industry: 'Retail',
            currency: 'EUR',
            contract_start: '2026-01-01',
            investment: 1000,
            // The account hierarchy's field (issue 16): its bad values are in the corpus too.
            parent_id: 'cus_globex',
          },
        },
      ],
      [
        'updateCustomer',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          ...put,
          body: {
            name: 'Acme Corp',
            segment: 'enterprise',
            currency: 'USD',
            investment: 68000,
            parent_id: 'cus_globex',
          },
        },
      ],
      ['getCustomerHealth', { params: { customerId: 'cus_acme' }, query: {}, headers: {} }],
      [
        'recordHealthObservation',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          headers: {},
          body: {
            observed_on: '2026-03-31',
            usage: 70,
            outcomes: 60,
            relationship: 80,
            growth: 50,
            sources: { usage: 'analytics' },
            note: 'n',
          },
        },
      ],
      [
        'getPortfolioKpis',
        {
          params: {},
          query: { period: '2026-03', segment: 'smb', csm_id: 'csm_riley' },
          headers: {},
        },
      ],
      [
        'getCustomerKpis',
        { params: { customerId: 'cus_acme' }, query: { period: '2026-03' }, headers: {} },
      ],
      [
        'recordKpiObservation',
        {
          params: { customerId: 'cus_acme' },
          query: {},
          headers: {},
          body: {
            period: '2026-03',
            arr: { starting_arr: 68000, expansion: 6800, contraction: 0, churned: 0 },
            financials: { gross_margin_pct: 80, cac: 40000 },
            surveys: {
              csat: [0, 1, 2, 12, 25],
              nps: [0, 0, 0, 1, 0, 1, 1, 3, 6, 9, 11],
              ces: [0, 0, 1, 2, 5, 14, 9],
            },
            tickets: {
              total: 120,
              first_contact_resolved: 92,
              sla_met: 118,
              handle_minutes: 930,
              resolution: {
                critical: { resolved: 4, hours: 10 },
                low: { resolved: 20, hours: 900 },
              },
            },
            source: 'export',
            note: 'n',
          },
        },
      ],
      [
        'createWebhook',
        {
          params: {},
          query: {},
          headers: { 'idempotency-key': 'corpus-webhook-base' },
          body: { ...hookBody, enabled: true, description: 'd' },
        },
      ],
      ['listWebhooks', { params: {}, query: { limit: '1' }, headers: {} }],
      ['getWebhook', { params: { webhookId: hook.json.id }, query: {}, headers: {} }],
      [
        'updateWebhook',
        {
          params: { webhookId: hook.json.id },
          query: {},
          ...put,
          body: { ...hookBody, enabled: false, description: null },
        },
      ],
      ['deleteWebhook', { params: { webhookId: doomedHook.json.id }, query: {}, headers: {} }],
      ['sendWebhookTest', { params: { webhookId: hook.json.id }, query: {}, headers: {} }],
      ['rotateWebhookSecret', { params: { webhookId: hook.json.id }, query: {}, headers: {} }],
      [
        'listWebhookDeliveries',
        { params: { webhookId: hook.json.id }, query: { limit: '1' }, headers: {} },
      ],
      [
        'redeliverWebhookDelivery',
        {
          params: { webhookId: hook.json.id, deliveryId: ping.json.id },
          query: {},
          headers: {},
        },
      ],
      [
        'listGoalTemplates',
        {
          params: {},
          query: { category: 'efficiency', industry: 'Software', limit: '1' },
          headers: {},
        },
      ],
      [
        'createGoalTemplate',
        {
          params: {},
          query: {},
          headers: { 'idempotency-key': 'corpus-template-base' },
          body: templateBody,
        },
      ],
      [
        'getGoalTemplate',
        { params: { templateId: 'tpl_reduce_resolution_time' }, query: {}, headers: {} },
      ],
      [
        'updateGoalTemplate',
        {
          params: { templateId: template.json.id },
          query: {},
          ...put,
          body: { ...templateBody, industry: null },
        },
      ],
      [
        'deleteGoalTemplate',
        { params: { templateId: doomedTemplate.json.id }, query: {}, headers: {} },
      ],
      ['getHealthModel', { params: { segment: 'enterprise' }, query: {}, headers: {} }],
      [
        'updateHealthModel',
        {
          params: { segment: 'enterprise' },
          query: {},
          headers: { 'if-match': `"${model.json.version}"` },
          body: { weights, bands, triggers },
        },
      ],
    ];
    const ops = opInfos();
    const byOp = new Map<OperationId, Base[]>();
    for (const [id, base] of bases) {
      // The bases are requests the contract allows: each corpus case breaks one of them once.
      if (base.body !== undefined)
        expect(ops.get(id)?.body?.(base.body), `${id} base body`).toBe(true);
      byOp.set(id, [...(byOp.get(id) ?? []), base]);
    }
    const cursors = new Map<OperationId, string>();
    for (const id of [
      'listCustomers',
      'listMilestones',
      'getPortfolioSuccessMetrics',
      'listAtRiskGoals',
      'listAlerts',
      'listWebhooks',
      'listWebhookDeliveries',
      'listGoalTemplates',
    ] as const) {
      const base = byOp.get(id)?.[0] as Base;
      const r = await call(id, base.params, { query: { ...base.query } });
      expect(r.status, id).toBe(200);
      const next = (r.json as { next_cursor: string | null }).next_cursor;
      expect(next, `${id} has a second page`).toEqual(expect.any(String));
      cursors.set(id, next as string);
    }
    world = { ops, bases: byOp, cursors };
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it('covers every operation of openapi.yaml', () => {
    expect([...world.bases.keys()].sort()).toEqual([...OPERATION_IDS].sort());
  });

  const run = async (seed: number) => {
    const rng = new Rng(seed);
    const ids = [...world.bases.keys()];
    // Operations with bodies have the most to get wrong: they get twice the cases.
    const weighted = ids.flatMap((id) => (world.ops.get(id)?.body ? [id, id] : [id]));
    const before = await snapshot(t.db);
    const failures: Failure[] = [];
    const perOp = new Map<OperationId, number>();
    const started = performance.now();
    for (let n = 0; n < CASES; n++) {
      const c = makeCase(rng, world, rng.pick(weighted));
      perOp.set(c.op, (perOp.get(c.op) ?? 0) + 1);
      const init: RequestInit = { method: c.method, headers: c.headers };
      if (c.body !== undefined) init.body = c.body as BodyInit;
      const res = await t.app.request(c.url, init);
      const text = await res.text();
      const fail = (why: string) => {
        if (failures.length < 25)
          failures.push({ n, case: c, status: res.status, why, text: text.slice(0, 300) });
      };
      if (res.status >= 500) fail('a 5xx');
      else if (c.must4xx && res.status < 400) fail('bad input was accepted');
      if (res.status >= 400) {
        const type = res.headers.get('content-type');
        if (type !== 'application/problem+json') fail(`an error as ${type}`);
        let problem: { status?: unknown; request_id?: unknown } | undefined;
        try {
          problem = JSON.parse(text) as typeof problem;
        } catch {
          fail('an error body that is not JSON');
        }
        if (problem) {
          if (!problemValid(problem)) fail('a problem that breaks the Problem schema');
          if (problem.status !== res.status) fail('problem.status differs from the status');
          if (problem.request_id !== res.headers.get('x-request-id'))
            fail('request_id differs from X-Request-Id');
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const report = failures.map(
      (f) =>
        `#${f.n} ${f.case.op} ${f.case.method} ${f.case.url.slice(0, 120)} [${f.case.what}] -> ${f.status} ${f.why}: ${f.text}`,
    );
    expect(
      report,
      `seed ${seed} (replay with CSCX_FUZZ_SEED=${seed} npx vitest run packages/server/src/bad-input-corpus.test.ts)`,
    ).toEqual([]);
    expect(await snapshot(t.db), `seed ${seed}: the database changed`).toEqual(before);
    for (const id of ids)
      expect(perOp.get(id) ?? 0, `seed ${seed}: cases of ${id}`).toBeGreaterThan(100);
    return seconds;
  };

  it(`answers ${CASES} generated bad requests (fixed seed ${FIXED_SEED}) with 4xx problem+json and changes nothing`, async () => {
    await run(FIXED_SEED);
  }, 120_000);

  it(`answers ${CASES} more with a changing seed (printed on failure) the same way`, async () => {
    await run(CHANGING_SEED);
  }, 120_000);
});
