// The real server process: main.ts through tsx, or compiled as `npm start` runs it. Test-only.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts main.ts from source through tsx, or `compiled` (a file scripts/build-server.mjs wrote)
 * with plain node.
 */
export function startServer(
  env: Record<string, string>,
  args: string[] = [],
  compiled?: string,
): ServerProcess {
  const entry = compiled ? [compiled] : ['--import', 'tsx', MAIN];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', CSCX_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

/** The URL the server printed once it listens. */
export async function serverUrl(p: ServerProcess, timeoutMs = 90_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const m = /reference server on (http:\/\/127\.0\.0\.1:\d+)\//.exec(p.output());
    if (m?.[1]) return m[1];
    if (p.child.exitCode !== null)
      throw new Error(`server exited (${p.child.exitCode}):\n${p.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
