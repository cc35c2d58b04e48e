// A throwaway PostgreSQL for the scale bench, as .ci/run starts one for the tests: Debian's
// binaries, a cluster in a temp dir on 127.0.0.1 and a free port, trust auth, no fsync, stopped
// and removed afterwards. As root the cluster belongs to the `postgres` user (Postgres refuses
// to run as root). SCALE_DATABASE_URL names an existing server to use instead.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './lib.js';

export interface Postgres {
  /** A URL for a new, empty database `name` on this server. */
  database(name: string): Promise<string>;
  readonly version: string;
  stop(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const v = versions.at(-1);
  return v === undefined ? null : join(root, v, 'bin');
}

async function serverOn(adminUrl: string, stop: () => Promise<void>): Promise<Postgres> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = String(
    ((await admin.query('SHOW server_version')).rows[0] as { server_version: string })
      .server_version,
  );
  return {
    version,
    async database(name) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      await admin.end();
      await stop();
    },
  };
}

/** The server to measure on, or null (with the reason) when this machine has none. */
export async function startPostgres(): Promise<Postgres | { readonly missing: string }> {
  const given = process.env.SCALE_DATABASE_URL;
  if (given) return serverOn(given, async () => {});
  const bin = binDir();
  if (!bin) {
    return {
      missing:
        'no PostgreSQL here (/usr/lib/postgresql/*/bin): apt-get install postgresql, or set SCALE_DATABASE_URL',
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'cscx-scale-pg-'));
  const root = process.getuid?.() === 0;
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), -1);
  const run = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const port = await freePort();
  run('initdb', [
    '-D',
    join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  run('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c max_connections=100`,
    'start',
  ]);
  return serverOn(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
    try {
      run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
