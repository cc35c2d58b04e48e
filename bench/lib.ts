import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Timing of repeated runs, in milliseconds. Medians are what we quote; min/max show spread. */
export interface Timing {
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `fn` `warmup` times untimed (so the JIT has settled), then `runs` times timed. The
 * returned value of each run is kept in a sink so the work cannot be optimised away.
 */
export function time(fn: () => unknown, { runs = 30, warmup = 5 } = {}): Timing {
  const sink: unknown[] = [];
  for (let i = 0; i < warmup; i++) sink.push(fn());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink.push(fn());
    samples.push(performance.now() - t0);
  }
  if (sink.length === 0) throw new Error('unreachable');
  samples.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    runs,
    median: round(median(samples)),
    min: round(samples[0]!),
    max: round(samples.at(-1)!),
  };
}

/** Minified, gzipped size in bytes of an entry bundled as a browser ESM library would ship it. */
export async function minGzipSize(
  entry: string | { contents: string; resolveDir: string },
  external: string[] = [],
  alias: Record<string, string> = {},
): Promise<{ min: number; gzip: number }> {
  const out = await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { ...entry, loader: 'ts' as const } }),
    alias,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external,
    treeShaking: true,
  });
  const code = out.outputFiles[0]!.contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Writes `bench/results/<name>.json` with the machine it was measured on. */
export function writeResult(name: string, data: Record<string, unknown>): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${name}.json`, dir);
  const body = {
    measured_at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    ...data,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file.pathname;
}

/** Deterministic PRNG (mulberry32) so every bench run measures the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A free TCP port on 127.0.0.1, for a server a bench starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once the server `child` started answers at `url`; throws with its log if it dies. */
async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log()}`);
    try {
      const r = await fetch(`${url}/openapi.yaml`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    // A first start seeds: 10,000 customers take minutes on a busy machine.
    if (Date.now() - started > 600_000) throw new Error(`server did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A reference server a bench started. */
export interface Server {
  readonly url: string;
  /** The server process, for reading its memory from /proc. */
  readonly pid: number;
  /** What it printed so far (stdout's first 20,000 characters, all of stderr). */
  output(): string;
  stop(): Promise<void>;
}

let compiled: Promise<string> | undefined;
/** The server compiled as `npm start` runs it (scripts/build-server.mjs), once per bench run. */
function compiledServer(): Promise<string> {
  compiled ??= import('../scripts/build-server.mjs').then((m) => m.buildServer());
  return compiled;
}

/**
 * `npm start`'s server (main.ts, compiled) in a child process on a fresh data dir (demo data
 * seeded), with its access log drained as a terminal would. The rate limit is set too high to
 * trip: one token drives all the load in a bench, and the limiter's cost stays inside the
 * measurement.
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const home = mkdtempSync(join(tmpdir(), 'cscx-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [await compiledServer()], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: {
      ...process.env,
      PORT: String(port),
      CSCX_DATA_DIR: home,
      CSCX_RATE_LIMIT: '999999',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => {
    if (output.length < 20_000) output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: child.pid!, output: () => output, stop };
}
