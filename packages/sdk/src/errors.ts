import { redactText, redactUrl } from './redact.js';

/** What the SDK knows of the request behind an error, with credentials already removed. */
export interface RequestSummary {
  /** The operation's id, e.g. `getCustomerSuccessMetrics`. */
  readonly operationId: string;
  readonly method: string;
  /** The URL with credentials redacted. */
  readonly url: string;
  /** Attempts made, retries included. */
  readonly attempts: number;
}

/** One invalid field as the server (RFC 9457 `errors[]`) or the response validator names it. */
export interface FieldError {
  /**
   * Where: a JSON Pointer (RFC 6901) into the body, e.g. `/goals/0/status` (`''` is the whole
   * body); the server names a parameter as e.g. `query.limit`.
   */
  readonly field: string;
  readonly message: string;
  readonly code?: string;
  /**
   * For an import (`createImport`), the row of the file at fault, by its line in the file (a CSV
   * header is row 1; NDJSON's first line is row 1); `field` then points into that row.
   */
  readonly row?: number;
}

/** An RFC 9457 problem document as the CSCX API sends it. */
export interface ProblemDetails {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly request_id?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/**
 * Base class of every error the SDK throws, so `catch (e) { if (e instanceof SuccessError) }`
 * catches exactly the SDK's failures. Never holds a token or an Authorization header.
 */
export class SuccessError extends Error {
  override readonly name: string = 'SuccessError';
  readonly request: RequestSummary;

  constructor(message: string, request: RequestSummary, options?: { cause?: unknown }) {
    // The transport has removed the call's tokens already; this catches what only looks like one.
    super(redactText(message), options);
    this.request = { ...request, url: redactUrl(request.url) };
  }

  /** A plain, credential-free object for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      message: this.message,
      request: this.request,
    };
    if (this.cause instanceof Error) {
      const code = (this.cause as { code?: unknown }).code;
      out.cause = {
        name: this.cause.name,
        message: redactText(this.cause.message),
        ...(typeof code === 'string' ? { code } : {}),
      };
    }
    return out;
  }
}

/** What the client read from a failed response besides its body. */
export interface ResponseMeta {
  /** The `X-Request-Id` response header. */
  readonly requestId?: string | undefined;
  /** `Retry-After` in seconds (delta-seconds, or an HTTP date made relative to now). */
  readonly retryAfter?: number | undefined;
  /** @deprecated The same as `retryAfter`, its name before 0.2. */
  readonly retryAfterSeconds?: number | undefined;
}

/**
 * The server answered with an error status. Carries the problem details (RFC 9457, with any
 * credential a proxy echoed in them replaced by `[REDACTED]`), the request id the server logged,
 * which is what to quote to its operators, and the wait it asked for.
 *
 * Each problem type has its subclass ({@link InvalidRequestError}, {@link NotFoundError},
 * {@link ConflictError}, {@link PreconditionFailedError}, {@link RateLimitError},
 * {@link ServerError}, ...); any other status is a plain `SuccessApiError`. Every subclass keeps
 * `name === 'SuccessApiError'`, so code that tests the name keeps working: tell them apart
 * with `instanceof` or `status`.
 *
 * @example
 * try {
 *   await client.getSuccessGoal({ goalId: 'goal_404' });
 * } catch (e) {
 *   if (e instanceof SuccessApiError) console.log(e.status, e.problem.title, e.requestId);
 * }
 */
export class SuccessApiError extends SuccessError {
  override readonly name = 'SuccessApiError';
  /** The HTTP status, e.g. 404. */
  readonly status: number;
  /** The problem document, or one made from the status line when the body was not one. */
  readonly problem: ProblemDetails;
  /** The server's `X-Request-Id` (or the problem's `request_id`), to quote in a support ticket. */
  readonly requestId: string | undefined;
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(problem: ProblemDetails, request: RequestSummary, meta: ResponseMeta = {}) {
    const detail = problem.detail ? `: ${problem.detail}` : '';
    super(
      `${request.operationId} failed with ${problem.status} ${problem.title}${detail}`,
      request,
    );
    this.status = problem.status;
    this.problem = problem;
    this.requestId =
      meta.requestId ?? (typeof problem.request_id === 'string' ? problem.request_id : undefined);
    this.retryAfter = meta.retryAfter ?? meta.retryAfterSeconds;
  }

  /** @deprecated Use {@link SuccessApiError.retryAfter}; the same seconds. */
  get retryAfterSeconds(): number | undefined {
    return this.retryAfter;
  }

  /** Invalid fields named by the server, `[]` when it named none. */
  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      problem: this.problem,
      requestId: this.requestId,
      retryAfter: this.retryAfter,
    };
  }
}

/**
 * The server refused the input: 400 (a parameter, a header or a malformed body) or 422 (a body
 * that breaks the rules). `fieldErrors` names each field as a JSON Pointer (`/metrics/0/unit`).
 * Sending the same request again gives the same answer.
 *
 * @example
 * try {
 *   await client.createSuccessGoal({ body });
 * } catch (e) {
 *   if (e instanceof InvalidRequestError)
 *     for (const f of e.fieldErrors) console.error(`${f.field}: ${f.message}`);
 * }
 */
export class InvalidRequestError extends SuccessApiError {}

/**
 * 401: the token is missing, malformed, revoked or expired. With `getToken` the client has
 * already asked for a fresh token once and been refused again.
 *
 * @example
 * try {
 *   await client.listCustomers();
 * } catch (e) {
 *   if (e instanceof AuthenticationError) console.error('Log in again; request', e.requestId);
 * }
 */
export class AuthenticationError extends SuccessApiError {}

/**
 * 403: the token is valid but its role may not do this (a viewer writing, a CSM minting embed
 * tokens). A resource outside the token's scope answers 404 instead.
 *
 * @example
 * try {
 *   await client.createEmbedToken({ body: { customer_id: 'cus_acme' } });
 * } catch (e) {
 *   if (e instanceof PermissionDeniedError) console.error('Needs a manager token');
 * }
 */
export class PermissionDeniedError extends SuccessApiError {}

/**
 * 404: no such resource, or one outside the token's scope (the API does not tell them apart).
 *
 * @example
 * const goal = await client.getSuccessGoal({ goalId }).catch((e: unknown) => {
 *   if (e instanceof NotFoundError) return undefined;
 *   throw e;
 * });
 */
export class NotFoundError extends SuccessApiError {}

/**
 * 409: the request conflicts with the server's state, e.g. an Idempotency-Key reused with a
 * different body, or one whose first request is still running.
 *
 * @example
 * try {
 *   await client.recordMeasurement({ goalId, idempotencyKey: 'import-2026-06', body });
 * } catch (e) {
 *   if (e instanceof ConflictError) console.error(e.problem.detail);
 * }
 */
export class ConflictError extends SuccessApiError {}

/**
 * 412 or 428: a write whose `If-Match` names a version that is no longer current (someone saved
 * first), or that is missing. Read the resource again, reapply the change, send its `version`.
 *
 * @example
 * try {
 *   await client.updateSuccessGoal({ goalId, ifMatch: goal.version, body });
 * } catch (e) {
 *   if (e instanceof PreconditionFailedError) {
 *     const fresh = await client.getSuccessGoal({ goalId });
 *     await client.updateSuccessGoal({ goalId, ifMatch: fresh.version, body });
 *   } else throw e;
 * }
 */
export class PreconditionFailedError extends SuccessApiError {}

/**
 * 429: too many requests. The client already waited `retryAfter` seconds and retried as often
 * as it may; a script can wait that long itself and go on.
 *
 * @example
 * try {
 *   await client.getCustomer({ customerId });
 * } catch (e) {
 *   if (e instanceof RateLimitError)
 *     await new Promise((r) => setTimeout(r, (e.retryAfter ?? 1) * 1000));
 * }
 */
export class RateLimitError extends SuccessApiError {}

/**
 * 5xx: the server failed, or a gateway in front of it did. Idempotent requests (and POSTs with
 * an Idempotency-Key, which the client always sends) were already retried with backoff.
 *
 * @example
 * try {
 *   await client.getPortfolioSuccessMetrics({});
 * } catch (e) {
 *   if (e instanceof ServerError) console.error(`Server error ${e.status}, request ${e.requestId}`);
 * }
 */
export class ServerError extends SuccessApiError {}

/**
 * 503: the server is temporarily unable to answer (overloaded, a full report queue, starting
 * up); `retryAfter` says when to try again when the server said. A {@link ServerError} too.
 *
 * @example
 * try {
 *   await client.generateSuccessReport({ customerId, body: { format: 'pdf' } });
 * } catch (e) {
 *   if (e instanceof ServiceUnavailableError) console.error(`Busy; retry in ${e.retryAfter ?? 5} s`);
 * }
 */
export class ServiceUnavailableError extends ServerError {}

/**
 * The {@link SuccessApiError} subclass of a status, the way stripe-node's `StripeError.generate`
 * picks one per error type: statuses without a type of their own get the base class.
 */
export function apiErrorFor(
  problem: ProblemDetails,
  request: RequestSummary,
  meta: ResponseMeta = {},
): SuccessApiError {
  const s = problem.status;
  const Kind =
    s === 400 || s === 422
      ? InvalidRequestError
      : s === 401
        ? AuthenticationError
        : s === 403
          ? PermissionDeniedError
          : s === 404
            ? NotFoundError
            : s === 409
              ? ConflictError
              : s === 412 || s === 428
                ? PreconditionFailedError
                : s === 429
                  ? RateLimitError
                  : s === 503
                    ? ServiceUnavailableError
                    : s >= 500 && s <= 599
                      ? ServerError
                      : SuccessApiError;
  return new Kind(problem, request, meta);
}

/** The request never got an HTTP answer: refused, reset, DNS, or a body cut off mid-way. */
export class NetworkError extends SuccessError {
  override readonly name = 'NetworkError';
}

/** No complete answer within the deadline (`timeoutMs`, per client or per call). */
export class TimeoutError extends SuccessError {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, request: RequestSummary) {
    super(`${request.operationId} timed out after ${timeoutMs} ms`, request);
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/**
 * A body did not match the contract (openapi.yaml): a response the server should not have sent,
 * or a request body the SDK refused to send. `issues` name each field as a JSON Pointer
 * (RFC 6901) into that body, e.g. `/goals/0/status`, the format of the server's `errors[]`.
 */
export class ValidationError extends SuccessError {
  override readonly name = 'ValidationError';
  readonly issues: readonly FieldError[];
  /** `response` when the server's answer broke the contract, `request` for the caller's input. */
  readonly direction: 'request' | 'response';

  constructor(
    direction: 'request' | 'response',
    issues: readonly FieldError[],
    request: RequestSummary,
  ) {
    const first = issues[0];
    const where = first ? ` at ${first.field || '(root)'}: ${first.message}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(
      `${request.operationId}: ${direction} does not match the contract${where}${more}`,
      request,
    );
    this.issues = issues;
    this.direction = direction;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), direction: this.direction, issues: this.issues };
  }
}
