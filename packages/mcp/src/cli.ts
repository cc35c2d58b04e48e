// `npx cscx-success-mcp`: the MCP server on stdio, for desktop hosts and agent CLIs. The token
// and the API's URL come from the environment, under the names the `cscx-success` CLI uses.
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createSuccessMcpServer } from './server.js';

const env = process.env;
const token = env.CSCX_TOKEN;
if (!token) {
  process.stderr.write(
    'cscx-success-mcp: CSCX_TOKEN is not set. Give the MCP host an environment with CSCX_TOKEN (e.g. demo-csm-token) and CSCX_BASE_URL (default http://127.0.0.1:8787).\n',
  );
  process.exit(1);
}
const baseUrl = env.CSCX_BASE_URL ?? env.CSCX_API_URL ?? 'http://127.0.0.1:8787';
// stdout is the protocol channel: anything else goes to stderr.
serveStdio(() => createSuccessMcpServer({ baseUrl, token }), {
  onerror: (e) => process.stderr.write(`cscx-success-mcp: ${e.message}\n`),
});
