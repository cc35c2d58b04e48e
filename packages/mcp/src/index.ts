/**
 * @cscx/success-mcp: the CSCX Success Kit as an MCP server, so agents answer "Which goals are at
 * risk?" or "What ROI did Acme get?" with the API's own numbers, scoped by the caller's token.
 *
 * @example
 * import { createSuccessMcpHttpHandler, createSuccessMcpServer } from '@cscx/success-mcp';
 *
 * // In process (stdio, tests): one server for one token.
 * const server = createSuccessMcpServer({ baseUrl: 'http://127.0.0.1:8787', token: process.env.CSCX_TOKEN ?? '' });
 * // Over HTTP: one server per request, with that request's bearer token.
 * const mcp = createSuccessMcpHttpHandler({ baseUrl: 'http://127.0.0.1:8787' });
 *
 * @packageDocumentation
 */
export { type CustomerCandidate, resolveCustomer } from './customers.js';
export { describeError, ToolError } from './errors.js';
export {
  bearerToken,
  createSuccessMcpHttpHandler,
  type SuccessMcpHttpHandler,
  type SuccessMcpHttpOptions,
} from './http.js';
export { createSuccessMcpServer, SERVER_INFO, type SuccessMcpOptions } from './server.js';
export { summaryUri } from './summary.js';
export { FIGURES } from './tools/explain-number.js';
export { reportUri } from './tools/report.js';
