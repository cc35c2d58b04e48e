import type { Problem, ProblemFieldError } from './contract.js';

/**
 * RFC 9457 problem documents: every error the API sends. `type` is the stable identifier
 * clients switch on (the error table of openapi.yaml); `errors[]` names each offending field.
 */
export type FieldError = ProblemFieldError;

interface Kind {
  readonly type: string;
  readonly title: string;
}

const KINDS: Readonly<Record<number, Kind>> = {
  400: { type: '/problems/bad-request', title: 'Bad request' },
  401: { type: '/problems/unauthorized', title: 'Unauthorized' },
  403: { type: '/problems/forbidden', title: 'Forbidden' },
  404: { type: '/problems/not-found', title: 'Not found' },
  405: { type: '/problems/method-not-allowed', title: 'Method not allowed' },
  408: { type: '/problems/request-timeout', title: 'Request timeout' },
  409: { type: '/problems/idempotency-key-reused', title: 'Idempotency key reused' },
  // Only the page of a share link that expired or was revoked (routes/share-links.ts).
  410: { type: '/problems/share-link-gone', title: 'Share link gone' },
  412: { type: '/problems/version-mismatch', title: 'Version mismatch' },
  413: { type: '/problems/payload-too-large', title: 'Payload too large' },
  415: { type: '/problems/unsupported-media-type', title: 'Unsupported media type' },
  422: { type: '/problems/validation-failed', title: 'Validation failed' },
  428: { type: '/problems/precondition-required', title: 'Precondition required' },
  429: { type: '/problems/rate-limited', title: 'Too many requests' },
  431: {
    type: '/problems/request-header-fields-too-large',
    title: 'Request header fields too large',
  },
  500: { type: '/problems/internal', title: 'Internal server error' },
  501: { type: '/problems/not-implemented', title: 'Not implemented' },
  503: { type: '/problems/unavailable', title: 'Service unavailable' },
};

/** The contract's limits on a problem document (openapi.yaml `Problem`). */
const MAX_ERRORS = 100;
const MAX_FIELD = 512;
const MAX_MESSAGE = 1000;
const MAX_DETAIL = 2000;
const MAX_INSTANCE = 2048;

/** A failure that becomes a problem response; thrown anywhere below a route. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
    /** Members beyond RFC 9457's (openapi.yaml `Problem`): the total behind a clipped `errors[]`. */
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail);
  }
}

/** The extension members a problem may carry. */
export interface ProblemExtensions {
  readonly error_count?: number;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `"1 field is invalid."`, `"3 fields are invalid."` */
export function fieldsInvalid(errors: readonly FieldError[]): string {
  return errors.length === 1 ? '1 field is invalid.' : `${errors.length} fields are invalid.`;
}

/** 400 naming one parameter, e.g. `query.limit`. */
export function badRequest(
  field: string,
  message: string,
  code: string,
  detail?: string,
): ProblemError {
  return new ProblemError(400, detail ?? `${field}: ${message}`, [{ field, message, code }]);
}

/** 422 with the fields at fault (JSON Pointers into the body). */
export function validationFailed(errors: readonly FieldError[]): ProblemError {
  return new ProblemError(422, fieldsInvalid(errors), errors);
}

/** 404, the same whether the resource is missing or outside the token's scope. */
export function notFound(what: string, id: string): ProblemError {
  return new ProblemError(404, `${what} ${clip(id, 100)} was not found.`);
}

/** The problem document for `status`, shaped to the contract's limits. */
export function problemBody(
  status: number,
  detail: string,
  errors: readonly FieldError[],
  requestId: string,
  instance: string | undefined,
  extensions: ProblemExtensions = {},
): Problem {
  const kind = KINDS[status] ??
    KINDS[status >= 500 ? 500 : 400] ?? { type: 'about:blank', title: 'Error' };
  const body: Problem = {
    type: kind.type,
    title: kind.title,
    status,
    detail: clip(detail, MAX_DETAIL),
    request_id: requestId,
  };
  if (instance !== undefined && instance.length <= MAX_INSTANCE) body.instance = instance;
  if (extensions.error_count !== undefined) body.error_count = extensions.error_count;
  if (errors.length > 0) {
    body.errors = errors.slice(0, MAX_ERRORS).map((e) => ({
      ...(e.row === undefined ? {} : { row: e.row }),
      field: clip(e.field, MAX_FIELD),
      message: clip(e.message, MAX_MESSAGE),
      code: e.code,
    }));
  }
  return body;
}

/** An `application/problem+json` response. */
export function problemResponse(
  status: number,
  detail: string,
  errors: readonly FieldError[],
  requestId: string,
  instance: string | undefined,
  headers: Readonly<Record<string, string>> = {},
  extensions: ProblemExtensions = {},
): Response {
  const body = problemBody(status, detail, errors, requestId, instance, extensions);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
