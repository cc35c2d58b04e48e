import * as v from 'valibot';
import {
  apiErrorFor,
  type FieldError,
  NetworkError,
  type ProblemDetails,
  type RequestSummary,
  SuccessApiError,
  SuccessError,
  TimeoutError,
  ValidationError,
} from './errors.js';
import {
  credentialParts,
  isSecretHeader,
  redactError,
  redactText,
  redactUrl,
  redactValue,
  rootMessage,
  urlSecrets,
} from './redact.js';
import {
  backoffDelay,
  isRetryable,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
  resolveRetry,
  sleep,
} from './retry.js';
import { randomUUID } from './uuid.js';

/**
 * A middleware sees every attempt's `Request` and may change it, observe the `Response`, or
 * answer itself. Call `next` at most once per invocation.
 *
 * @example
 * const timing: Middleware = async (request, next) => {
 *   const t0 = performance.now();
 *   const response = await next(request);
 *   console.log(request.method, new URL(request.url).pathname, response.status, performance.now() - t0);
 *   return response;
 * };
 */
export type Middleware = (
  request: Request,
  next: (request: Request) => Promise<Response>,
) => Promise<Response>;

/** Options of {@link createSuccessClient}. */
export interface ClientOptions {
  /** Where the API lives, e.g. `http://127.0.0.1:8787`. Paths such as `/api/customers` are appended. */
  readonly baseUrl: string;
  /** A bearer token. Use `getToken` instead for short-lived tokens. */
  readonly token?: string;
  /**
   * Called before every attempt (retries included), so a refreshed token is picked up. When the
   * server refuses the token it gave (401: expired, revoked), the client asks once more, with
   * `{ rejected: thatToken }`, and repeats the request if it gets a different token: once per
   * call, for every method (a 401 applied nothing, so a POST is not applied twice).
   *
   * @example
   * const client = createSuccessClient({
   *   baseUrl,
   *   getToken: async ({ rejected }) => (rejected || !cached ? (cached = await mint()) : cached),
   * });
   */
  readonly getToken?: (context: TokenContext) => string | Promise<string>;
  /** The `fetch` to use; default the platform's. Inject one to add proxies or for tests. */
  readonly fetch?: typeof fetch;
  /** Deadline of one call, retries and body reading included. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** Retries for idempotent requests; a number is shorthand for `{ retries }`. Default 2. */
  readonly retries?: number | RetryOptions;
  /** Extra headers sent with every request (e.g. a tracing header). */
  readonly headers?: Record<string, string>;
  /**
   * The reader's locale, sent as `Accept-Language` on every request: the server words its
   * explanations (`explain: true`), health causes and KPI texts in it (en-US, de-DE, fr-FR,
   * es-ES and ja-JP ship; another falls back to English). A call's `locale` or an operation's
   * `acceptLanguage` input overrides it; a value that is not a BCP 47 tag is not sent.
   *
   * @example
   * const client = createSuccessClient({ baseUrl, token, locale: 'de-DE' });
   * const m = await client.getCustomerSuccessMetrics({ customerId: 'cus_acme', explain: true });
   * m.explanations?.['/metrics/goals/total']?.text; // '5 Ziele insgesamt'
   */
  readonly locale?: string;
  /** Validate responses (and request bodies) against the contract. Default true. */
  readonly validate?: boolean;
  /** Run in order around each attempt, the first one outermost. */
  readonly middleware?: readonly Middleware[];
}

/** What `getToken` is told about the token it should give. */
export interface TokenContext {
  /** The token the server just refused (401): give another one, or the call fails with that 401. */
  readonly rejected?: string;
}

/** Per-call options, the last argument of every client method. */
export interface CallOptions {
  /** Abort the call; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  readonly timeoutMs?: number;
  /** Overrides the client's `locale` (`Accept-Language`) for this call. */
  readonly locale?: string;
}

/** A BCP 47 tag as `locale` takes it (letters, digits and hyphens): safe in a header, CORS-safelisted. */
const LOCALE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,7}$/;

/** How to read a successful response. */
export type ResponseKind = 'json' | 'file' | 'empty';

/**
 * A file body sent as it is (createImport): text, bytes, a Blob, a web stream or an async
 * iterable of chunks (a Node `fs.createReadStream` is one). Streams are sent chunk by chunk, never
 * buffered, so they cannot be sent twice: a call with a stream body is not retried.
 */
export type RawBody =
  | string
  | Uint8Array
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

type AnySchema = v.GenericSchema<unknown, unknown>;

/** One HTTP request as an operation describes it, parameters already placed. */
export interface RequestSpec {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly response: ResponseKind;
  readonly responseSchema?: AnySchema | undefined;
  /** The generated fast path of `responseSchema` (src/generated/guards.ts). */
  readonly responseGuard?: ((data: unknown) => boolean) | undefined;
  readonly requestSchema?: AnySchema | undefined;
  /** The body is a file of this media type, sent as given (see {@link RawBody}); JSON otherwise. */
  readonly contentType?: string | undefined;
  /**
   * The operation takes an `Idempotency-Key` (openapi.yaml): a POST then gets one when the
   * caller gave none, which is what makes it safe to retry. A POST without one is never retried.
   */
  readonly idempotencyKey?: boolean | undefined;
}

/** What the transport uses of its surroundings; tests inject them to run retries without waiting. */
export interface TransportDeps {
  /** Waits between attempts; rejects when the signal aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Draws the backoff jitter, in [0, 1). */
  readonly random?: () => number;
  /** The clock the deadline arithmetic reads, in ms. */
  readonly now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A path as a JSON Pointer (RFC 6901), the format of the server's `errors[]`: `~` and `/` inside
 * a key are escaped as `~0` and `~1`; the empty path is `''`, the whole document.
 *
 * @example
 * toJsonPointer(['goals', 0, 'status']); // '/goals/0/status'
 * toJsonPointer(['value_by_currency', 'a/b']); // '/value_by_currency/a~1b'
 */
export function toJsonPointer(path: readonly unknown[]): string {
  let out = '';
  for (const key of path) out += `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  return out;
}

/**
 * valibot issues as `FieldError`s whose `field` is a JSON Pointer (`/goals/0/status`), the same
 * format as the server's problem documents, so one lookup serves both.
 */
export function issuesToFieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({
    field: toJsonPointer((issue.path ?? []).map((p) => p.key)),
    message: issue.message,
    code: issue.type,
  }));
}

/**
 * Validates a response body once, as the client does: a body the generated guard passes is
 * returned as it is (valibot would return a deep-equal copy), any other body goes through
 * valibot, which either returns its output or fails with the issues and their paths. Either
 * way the result is exactly valibot's, only cheaper for the bodies servers normally send.
 *
 * @example
 * const checked = validateResponse(S.CustomerSchema, G.isCustomer, JSON.parse(text));
 * if (!checked.success) console.log(issuesToFieldErrors(checked.issues));
 */
export function validateResponse(
  schema: AnySchema,
  guard: ((data: unknown) => boolean) | undefined,
  data: unknown,
): v.SafeParseResult<AnySchema> {
  if (guard?.(data)) return { typed: true, success: true, output: data, issues: undefined };
  return v.safeParse(schema, data);
}

function buildUrl(
  baseUrl: string,
  path: string,
  query: Readonly<Record<string, unknown>> | undefined,
): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value))
        for (const item of value) url.searchParams.append(key, String(item));
      else url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

async function readProblem(response: Response, text: string): Promise<ProblemDetails> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json') && text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (
        parsed &&
        typeof parsed === 'object' &&
        typeof (parsed as { title?: unknown }).title === 'string'
      ) {
        return { ...(parsed as ProblemDetails), status: response.status };
      }
    } catch {
      // not a problem document: described below from the status line
    }
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

/** valibot quotes the value it got in its messages ("received \"Bearer ...\""). */
function redactIssues(issues: FieldError[], secrets: readonly string[]): FieldError[] {
  return issues.map((i) => ({
    ...i,
    field: redactText(i.field, secrets),
    message: redactText(i.message, secrets),
  }));
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts, even when an
 * injected `fetch` or a middleware ignores the signal: the deadline holds whatever they do.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The work is already under way: observe its outcome so it cannot surface as an
    // unhandled rejection after we have answered with the abort.
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Sends requests for a client: auth, middleware, deadline, retries with backoff, response
 * reading and validation, and the mapping of every failure to a typed {@link SuccessError}.
 */
export class Transport {
  readonly #options: ClientOptions;
  readonly #retry: Required<RetryOptions>;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  /** Credentials known from the options, removed from every error text. */
  readonly #secrets: readonly string[];

  constructor(options: ClientOptions, deps: TransportDeps = {}) {
    if (!options.baseUrl) throw new TypeError('createSuccessClient: baseUrl is required');
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch {
      // Not the URL parser's TypeError: its `input` property holds the URL as given.
      throw new TypeError(
        `createSuccessClient: baseUrl is not a valid URL: ${redactText(redactUrl(options.baseUrl), urlSecrets(options.baseUrl))}`,
      );
    }
    if (base.username || base.password) {
      // fetch refuses such a URL (and would quote it whole in its TypeError); the API takes a
      // bearer token, never user-info.
      throw new TypeError(
        `createSuccessClient: baseUrl must not contain credentials (${redactUrl(options.baseUrl)}); give the token as \`token\` or \`getToken\``,
      );
    }
    this.#options = options;
    this.#retry = resolveRetry(options.retries);
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#sleep = deps.sleep ?? sleep;
    this.#random = deps.random ?? Math.random;
    this.#now = deps.now ?? Date.now;
    const secrets: string[] = [];
    if (options.token) secrets.push(options.token);
    for (const [name, value] of Object.entries(options.headers ?? {}))
      if (isSecretHeader(name) && value) secrets.push(...credentialParts(value));
    this.#secrets = secrets;
  }

  get validates(): boolean {
    return this.#options.validate !== false;
  }

  async send<T>(spec: RequestSpec, call: CallOptions = {}): Promise<T> {
    const url = buildUrl(this.#options.baseUrl, spec.path, spec.query);
    const timeoutMs = call.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Every token this call sends (getToken may give several), removed from any error text.
    const secrets = [...this.#secrets];
    const summary = (attempts: number): RequestSummary => ({
      operationId: spec.operationId,
      method: spec.method,
      // A query parameter may carry a token too (revoking one by value, a search for it).
      url: redactText(url, secrets),
      attempts,
    });
    if (this.validates && spec.requestSchema && spec.body !== undefined) {
      const checked = v.safeParse(spec.requestSchema, spec.body);
      if (!checked.success)
        throw new ValidationError(
          'request',
          redactIssues(issuesToFieldErrors(checked.issues), secrets),
          summary(0),
        );
    }

    const headers = new Headers(this.#options.headers);
    headers.set(
      'accept',
      spec.response === 'json' ? 'application/json, application/problem+json' : '*/*',
    );
    const locale = call.locale ?? this.#options.locale;
    if (locale && LOCALE_TAG.test(locale)) headers.set('accept-language', locale);
    for (const [k, val] of Object.entries(spec.headers ?? {}))
      if (val !== undefined) headers.set(k, val);
    if (spec.method === 'POST' && spec.idempotencyKey && !headers.has('idempotency-key'))
      headers.set('idempotency-key', randomUUID());
    const body = encodeBody(spec);
    if (body !== undefined) headers.set('content-type', spec.contentType ?? 'application/json');

    // One deadline for the whole call; each attempt listens to it and to the caller's signal.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline.signal]) : deadline.signal;
    // A stream is consumed by the first attempt: there is nothing left to send again.
    const retryable = isRetryable(spec.method, headers) && !(body instanceof ReadableStream);
    const started = this.#now();
    // A 401 to a token from getToken: the token it refused and that answer, once per call.
    let refused: { token: string; error: SuccessApiError } | undefined;
    // Told to getToken on the one attempt right after that 401, not on later retries.
    let rejected: string | undefined;
    let refreshes = 0;

    try {
      for (let attempt = 1; ; attempt++) {
        let failure: SuccessError;
        let retryAfter: number | undefined;
        let token: string | undefined;
        try {
          token = await this.#token(rejected);
          // The same token again would get the same 401.
          if (refused && rejected !== undefined && token === rejected) throw refused.error;
          rejected = undefined;
          if (token && !secrets.includes(token)) secrets.push(token);
          return await this.#attempt<T>(
            spec,
            url,
            headers,
            body,
            token,
            secrets,
            signal,
            summary(attempt),
          );
        } catch (e) {
          if (refused && e === refused.error) throw e;
          if (call.signal?.aborted) throw call.signal.reason;
          if (deadline.signal.aborted) throw new TimeoutError(timeoutMs, summary(attempt));
          if (!(e instanceof SuccessError)) throw e;
          failure = e;
          if (e instanceof SuccessApiError) {
            if (e.status === 401 && token && this.#options.getToken && !refused) {
              // Not a retry of a failure the server may repeat: a new credential, sent at once.
              refused = { token, error: e };
              rejected = token;
              refreshes = 1;
              continue;
            }
            if (!isRetryableStatus(e.status)) throw e;
            retryAfter = e.retryAfter;
          } else if (!(e instanceof NetworkError)) {
            throw e;
          }
        }
        if (!retryable || attempt - refreshes > this.#retry.retries) throw failure;
        const delay = backoffDelay(attempt, this.#retry, retryAfter, this.#random);
        // Waiting past the deadline only to time out helps nobody: report the real failure now.
        if (this.#now() - started + delay >= timeoutMs) throw failure;
        try {
          await this.#sleep(delay, signal);
        } catch {
          if (call.signal?.aborted) throw call.signal.reason;
          throw new TimeoutError(timeoutMs, summary(attempt));
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async #token(rejected: string | undefined): Promise<string | undefined> {
    if (this.#options.getToken)
      return this.#options.getToken(rejected === undefined ? {} : { rejected });
    return this.#options.token;
  }

  async #attempt<T>(
    spec: RequestSpec,
    url: string,
    baseHeaders: Headers,
    body: SentBody | undefined,
    token: string | undefined,
    secrets: string[],
    signal: AbortSignal,
    summary: RequestSummary,
  ): Promise<T> {
    const headers = new Headers(baseHeaders);
    if (token) headers.set('authorization', `Bearer ${token}`);
    const init: RequestInit & { duplex?: 'half' } = { method: spec.method, headers, signal };
    if (body !== undefined) init.body = body;
    // fetch sends a stream body only when told it is half duplex (Node's undici and the spec).
    if (body instanceof ReadableStream) init.duplex = 'half';

    const chain = (this.#options.middleware ?? []).reduceRight<(r: Request) => Promise<Response>>(
      (next, mw) => (r) => mw(r, next),
      (r) => {
        // What actually goes out: a middleware may have added credentials the client never saw.
        for (const [name, value] of r.headers)
          if (isSecretHeader(name))
            for (const part of credentialParts(value))
              if (!secrets.includes(part)) secrets.push(part);
        return this.#fetch(r);
      },
    );

    let response: Response;
    let bytes: ArrayBuffer;
    try {
      // Read the whole body inside the try: a connection cut mid-body is a network failure.
      // The Request is built inside it too: its TypeError would quote the URL as it is.
      [response, bytes] = await untilAborted(
        Promise.resolve()
          .then(() => chain(new Request(url, init)))
          .then(async (r) => [r, await r.arrayBuffer()] as const),
        signal,
      );
    } catch (e) {
      if (signal.aborted) throw e;
      // undici says only "fetch failed"; what failed (ECONNREFUSED, ENOTFOUND) is in its cause.
      const outer = e instanceof Error ? e.message : String(e);
      const root = rootMessage(e);
      const reason = root && root !== outer ? `${outer} (${root})` : outer;
      throw new NetworkError(
        redactText(
          `${spec.operationId}: network error for ${spec.method} ${redactUrl(summary.url)}: ${reason}`,
          secrets,
        ),
        summary,
        { cause: redactError(e, secrets) },
      );
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (!response.ok) {
      // A proxy may answer with the request it got, Authorization header and all.
      const problem = redactValue(
        await readProblem(response, new TextDecoder().decode(bytes)),
        secrets,
      );
      throw apiErrorFor(problem, summary, {
        requestId: requestId === undefined ? undefined : redactText(requestId, secrets),
        retryAfter: parseRetryAfter(response.headers.get('retry-after'), this.#now()),
      });
    }

    if (spec.response === 'empty') return undefined as T;
    if (spec.response === 'file') {
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      const name = filenameFrom(response.headers.get('content-disposition'), 'download');
      return new File([bytes], name, { type }) as T;
    }

    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      // V8 quotes a snippet of the body in its message, and the body may echo the request.
      const reason =
        e instanceof Error
          ? e.message.replace(/,\s*(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
          : 'unreadable';
      throw new ValidationError(
        'response',
        [
          {
            field: '',
            message: `body is not valid JSON (${redactText(reason, secrets)})`,
            code: 'json',
          },
        ],
        summary,
      );
    }
    if (this.validates && spec.responseSchema) {
      const checked = validateResponse(spec.responseSchema, spec.responseGuard, data);
      if (!checked.success)
        throw new ValidationError(
          'response',
          redactIssues(issuesToFieldErrors(checked.issues), secrets),
          summary,
        );
      return checked.output as T;
    }
    return data as T;
  }
}

/** A body as fetch takes it. */
type SentBody = string | Uint8Array<ArrayBuffer> | Blob | ReadableStream<Uint8Array>;

/** The body of a request: JSON text, or a file body as it is (async iterables as a stream). */
function encodeBody(spec: RequestSpec): SentBody | undefined {
  if (spec.body === undefined) return undefined;
  if (spec.contentType === undefined) return JSON.stringify(spec.body);
  const b = spec.body as RawBody;
  if (typeof b === 'string' || b instanceof Blob) return b;
  if (b instanceof Uint8Array) return new Uint8Array(b);
  if (b instanceof ReadableStream) return b;
  if (typeof b === 'object' && b !== null && Symbol.asyncIterator in b) {
    const it = b[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await it.next();
        if (next.done) controller.close();
        else
          controller.enqueue(
            typeof next.value === 'string' ? encoder.encode(next.value) : next.value,
          );
      },
      async cancel(reason) {
        await it.return?.(reason);
      },
    });
  }
  throw new TypeError(`${spec.operationId}: body must be a string, bytes, a Blob or a stream`);
}
