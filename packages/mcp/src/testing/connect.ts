// MCP clients of the official SDK, connected the two ways a host connects: the stdio binary
// spawned as a child process, and Streamable HTTP to the reference server's /mcp. Test-only.
import { fileURLToPath } from 'node:url';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

export const BIN = fileURLToPath(new URL('../../bin/cscx-success-mcp.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export type Kind = 'stdio' | 'http';

/** A connected client; `stderr()` is the stdio child's stderr so far. */
export interface Connected {
  readonly client: Client;
  close(): Promise<void>;
  stderr(): string;
}

export async function connect(kind: Kind, apiUrl: string, token: string): Promise<Connected> {
  const client = new Client({ name: 'cscx-mcp-test', version: '0.0.0' });
  let err = '';
  if (kind === 'http') {
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${apiUrl}/mcp`), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
  } else {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN],
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CSCX_BASE_URL: apiUrl,
        CSCX_TOKEN: token,
      },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
    });
    await client.connect(transport);
  }
  return { client, close: () => client.close(), stderr: () => err };
}
