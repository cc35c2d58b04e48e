// What a tool answers when it cannot answer: an MCP tool error (isError) whose text says what
// went wrong and what to do, never a protocol failure or a crash of the server.
import {
  AuthenticationError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  SuccessApiError,
  TimeoutError,
} from '@cscx/success-sdk';

/** A refusal with a message for the agent and, optionally, data it can act on (candidates). */
export class ToolError extends Error {
  override readonly name = 'ToolError';
  constructor(
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A tool result that reports an error. */
export interface ToolErrorResult {
  [key: string]: unknown;
  isError: true;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
}

/** The sentence an agent reads for an error the SDK raised (or a ToolError's own). */
export function describeError(e: unknown, action: string): string {
  if (e instanceof ToolError) return e.message;
  if (e instanceof AuthenticationError) {
    return `The API refused the token (401) while trying to ${action}: it is missing, expired or revoked. Set a valid token (CSCX_TOKEN, or the Authorization header).`;
  }
  if (e instanceof PermissionDeniedError) {
    return `This token may not ${action} (403): ${e.problem.detail ?? e.problem.title}`;
  }
  if (e instanceof NotFoundError) {
    return `Not found while trying to ${action} (404): ${e.problem.detail ?? e.problem.title}. Only what this token's scope holds can be read.`;
  }
  if (e instanceof SuccessApiError) {
    const fields = e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ');
    return `The API refused to ${action} (${e.status} ${e.problem.title})${e.problem.detail ? `: ${e.problem.detail}` : ''}${fields ? ` [${fields}]` : ''}`;
  }
  if (e instanceof TimeoutError || e instanceof NetworkError) {
    return `The CSCX Success API could not be reached to ${action}: ${e.message}`;
  }
  return `Could not ${action}: ${e instanceof Error ? e.message : String(e)}`;
}

/** Runs a tool's body; any failure becomes a tool error result with a clear message. */
export async function answering<T>(
  action: string,
  body: () => Promise<T>,
): Promise<T | ToolErrorResult> {
  try {
    return await body();
  } catch (e) {
    const result: ToolErrorResult = {
      isError: true,
      content: [{ type: 'text', text: describeError(e, action) }],
    };
    if (e instanceof ToolError && e.data) result.structuredContent = e.data;
    return result;
  }
}
