import { redactUrl } from './redact.js';

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
  readonly field: string;
  readonly message: string;
  readonly code?: string;
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
    super(message, options);
    this.request = { ...request, url: redactUrl(request.url) };
  }

  /** A plain, credential-free object for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, request: this.request };
  }
}

/**
 * The server answered with an error status. Carries the problem details (RFC 9457) and the
 * request id the server logged, which is what to quote to its operators.
 *
 * @example
 * try {
 *   await client.getSuccessGoal({ goalId: 'goal_404' });
 * } catch (e) {
 *   if (e instanceof SuccessApiError && e.status === 404) console.log(e.problem.title);
 * }
 */
export class SuccessApiError extends SuccessError {
  override readonly name = 'SuccessApiError';
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly requestId: string | undefined;
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    problem: ProblemDetails,
    request: RequestSummary,
    meta: { requestId?: string | undefined; retryAfterSeconds?: number | undefined } = {},
  ) {
    const detail = problem.detail ? `: ${problem.detail}` : '';
    super(
      `${request.operationId} failed with ${problem.status} ${problem.title}${detail}`,
      request,
    );
    this.status = problem.status;
    this.problem = problem;
    this.requestId = meta.requestId ?? problem.request_id;
    this.retryAfterSeconds = meta.retryAfterSeconds;
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
    };
  }
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
 * or a request body the SDK refused to send. `issues` name each path, e.g. `goals[0].status`.
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
