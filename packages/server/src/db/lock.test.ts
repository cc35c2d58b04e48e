// One server per data directory: while a holder lives, a second server stops with a message
// naming the directory and the holder's pid; once the holder has died (even by SIGKILL, even
// when the new server has the dead one's pid, as after a container restart) the lock is free.
// Liveness is the kernel's (a socket the holder listens on), never a recorded pid (issue 18).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededTemplateDir } from '../testing/harness.js';
import { REPO_ROOT, type ServerProcess, serverUrl, startServer } from '../testing/process.js';
import { DataDirLockedError, lockDataDir } from './lock.js';

const LOCK_TS = new URL('./lock.ts', import.meta.url).pathname;
const MAIN_TS = new URL('../main.ts', import.meta.url).pathname;

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cscx-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** `unshare --pid --fork` runs a process as pid 1 of a fresh PID namespace: a container start. */
const UNSHARE = ['unshare', '--pid', '--fork', '--kill-child'];
const canUnshare =
  process.platform === 'linux' &&
  spawnSync(UNSHARE[0]!, [...UNSHARE.slice(1), 'true']).status === 0;

interface Outcome {
  /** 'locked', or the error's name. */
  outcome: string;
  message?: string;
  /** The child's pid as it sees it (1 in a fresh PID namespace)... */
  pid: number;
  /** ...and as we see it, to kill it. */
  host: number;
}

/**
 * A process trying to take the lock of `dir`; once it has it, it stays until killed. A gated one
 * loads first and tries when `go()` is called, so that several try at the same moment.
 */
function contender(dir: string, opts: { namespace?: boolean; gated?: boolean } = {}) {
  const script = `
    import { readlinkSync } from 'node:fs';
    import { lockDataDir } from ${JSON.stringify(LOCK_TS)};
    const host = process.platform === 'linux' ? Number(readlinkSync('/proc/self')) : process.pid;
    const say = (o) => console.log(JSON.stringify({ ...o, pid: process.pid, host }));
    if (process.argv[2] === 'gated') {
      // Loaded and waiting: every racer starts at the same moment once told to.
      say({ outcome: 'ready' });
      await new Promise((go) => process.stdin.once('data', go));
      process.stdin.destroy();
    }
    try {
      await lockDataDir(process.argv[1]);
      say({ outcome: 'locked' });
      setInterval(() => {}, 1000);
    } catch (e) {
      say({ outcome: e.name, message: e.message });
    }`;
  const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script, dir];
  if (opts.gated) node.push('gated');
  const [cmd, ...args] = opts.namespace ? [...UNSHARE, ...node] : node;
  const child = spawn(cmd!, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let ready!: () => void;
  const loaded = new Promise<void>((r) => {
    ready = r;
  });
  const outcome = new Promise<Outcome>((resolve, reject) => {
    let out = '';
    let parsed = 0;
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const lines = out.split('\n').slice(0, -1);
      for (const line of lines.slice(parsed)) {
        parsed++;
        const o = JSON.parse(line) as Outcome;
        if (o.outcome === 'ready') ready();
        else resolve(o);
      }
    });
    child.once('exit', (code) => reject(new Error(`contender exited (${code}): ${out}`)));
  });
  return { child, outcome, exited, loaded, go: () => child.stdin?.write('go\n') };
}

/** SIGKILLs a contender (the process itself, also inside a namespace) and waits until it is gone. */
async function killHard(c: ReturnType<typeof contender>): Promise<void> {
  const { host } = await c.outcome;
  process.kill(host, 'SIGKILL');
  await c.exited;
}

function lockFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('server.lock'))
    .sort();
}

async function refusal(dir: string): Promise<DataDirLockedError> {
  try {
    const lock = await lockDataDir(dir);
    lock.release();
  } catch (e) {
    if (e instanceof DataDirLockedError) return e;
    throw e;
  }
  throw new Error('the lock was taken');
}

describe('lockDataDir', () => {
  it('writes its pid to <dir>/server.lock for operators and removes its files on release', async () => {
    const dir = tempDir();
    const lock = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
    expect(lockFiles(dir)).toEqual([
      'server.lock',
      expect.stringMatching(/^server\.lock\.[0-9a-f]{16}\.[0-9a-f]{8}\.sock$/),
    ]);
    expect(lstatSync(join(dir, lockFiles(dir)[1]!)).isSocket()).toBe(true);
    lock.release();
    expect(lockFiles(dir)).toEqual([]);
    // Released means free again.
    (await lockDataDir(dir)).release();
  });

  it('refuses a second server while the first lives, naming the directory and its pid', async () => {
    const dir = tempDir();
    const first = contender(dir);
    expect((await first.outcome).outcome).toBe('locked');
    const error = await refusal(dir);
    expect(error.pid).toBe(first.child.pid);
    expect(error.message).toBe(
      `The data directory ${dir} is in use by another CSCX server (pid ${first.child.pid}). ` +
        'Stop that server first, or set CSCX_DATA_DIR to another directory.',
    );
    // Another process is refused alike; the holder is unharmed.
    const third = contender(dir);
    expect(await third.outcome).toMatchObject({ outcome: 'DataDirLockedError' });
    expect((await third.outcome).message).toContain(`(pid ${first.child.pid})`);
    expect(first.child.exitCode).toBeNull();
    await killHard(first);
    (await lockDataDir(dir)).release();
  }, 30_000);

  it('refuses to lock the same directory twice in one process', async () => {
    const dir = tempDir();
    const lock = await lockDataDir(dir);
    expect((await refusal(dir)).pid).toBe(process.pid);
    lock.release();
    (await lockDataDir(dir)).release();
  });

  it('starts cleanly after a container restart, where the dead holder recorded our own pid', async () => {
    const dir = tempDir();
    const crashed = contender(dir);
    expect((await crashed.outcome).outcome).toBe('locked');
    await killHard(crashed);
    // In the new container the new server gets the dead one's pid: make the leftovers say so.
    writeFileSync(join(dir, 'server.lock'), `${process.pid}\n`);
    const leftover = lockFiles(dir);

    const lock = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
    // What the SIGKILL left, the side file and the dead holder's socket, is replaced by ours.
    expect(leftover).toHaveLength(2);
    const now = lockFiles(dir);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(leftover[1]);
    lock.release();
  }, 30_000);

  it('is not fooled by a leftover pid that now belongs to another running process', async () => {
    const dir = tempDir();
    const unrelated = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    children.push(unrelated);
    writeFileSync(join(dir, 'server.lock'), `${unrelated.pid}\n`);
    const lock = await lockDataDir(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a leftover side file that holds no pid at all', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'server.lock'), 'garbage');
    (await lockDataDir(dir)).release();
  });

  it.each([
    ['smaller', '0'.repeat(16)],
    ['larger', 'f'.repeat(16)],
  ])(
    'does not take a silent socket with a %s ticket for the holder, and locks once it goes',
    async (_, ticket) => {
      // A contender that connects but does not answer in time (a loaded machine) looked like a
      // holder, and the refusal named the pid a dead holder left in the side file (CI, stop 22).
      const dir = tempDir();
      writeFileSync(join(dir, 'server.lock'), '999999\n');
      const silent = createServer((c) => {
        c.on('error', () => {});
        // Silent to the first probe; gone by the next one.
        if (++probes > 1) {
          c.destroy();
          silent.close();
        }
      });
      let probes = 0;
      await new Promise<void>((r) =>
        silent.listen(join(dir, `server.lock.${ticket}.0badcafe.sock`), r),
      );
      const lock = await lockDataDir(dir);
      expect(probes).toBeGreaterThan(1);
      expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
      lock.release();
    },
    30_000,
  );

  it.each([
    ['a dead holder', true],
    ['nobody', false],
  ])(
    'lets exactly one of several servers racing for a lock left by %s take it',
    async (_, crash) => {
      const dir = tempDir();
      if (crash) await killHard(contender(dir));
      const racers = Array.from({ length: 4 }, () => contender(dir, { gated: true }));
      await Promise.all(racers.map((r) => r.loaded));
      for (const r of racers) r.go();
      const outcomes = await Promise.all(racers.map((r) => r.outcome));
      expect(outcomes.map((o) => o.outcome).sort()).toEqual([
        'DataDirLockedError',
        'DataDirLockedError',
        'DataDirLockedError',
        'locked',
      ]);
      // The refused ones name the winner.
      const winner = outcomes.find((o) => o.outcome === 'locked')!;
      for (const o of outcomes)
        if (o !== winner) expect(o.message).toContain(`(pid ${winner.pid})`);
    },
    60_000,
  );

  it('locks a directory whose path is too long for a socket address, with the socket inside it', async () => {
    const dir = join(tempDir(), 'd'.repeat(60), 'e'.repeat(60));
    mkdirSync(dir, { recursive: true });
    const linksBefore = aliasesOf(dir);
    const lock = await lockDataDir(dir);
    expect(lockFiles(dir)).toHaveLength(2);
    expect(aliasesOf(dir)).toEqual(linksBefore);
    const other = contender(dir);
    expect(await other.outcome).toMatchObject({ outcome: 'DataDirLockedError' });
    expect((await other.outcome).message).toContain(`(pid ${process.pid})`);
    lock.release();
    expect(lockFiles(dir)).toEqual([]);
    // A holder SIGKILLed there is taken over too.
    const crashed = contender(dir);
    expect((await crashed.outcome).outcome).toBe('locked');
    await killHard(crashed);
    (await lockDataDir(dir)).release();
    expect(lockFiles(dir)).toEqual([]);
    expect(aliasesOf(dir)).toEqual(linksBefore);
  }, 30_000);

  // The real thing, where the kernel allows it (root on Linux): both holders are pid 1.
  it.skipIf(!canUnshare)(
    'starts cleanly in a fresh PID namespace after the previous one was SIGKILLed with the same pid',
    async () => {
      const dir = tempDir();
      const first = contender(dir, { namespace: true });
      expect(await first.outcome).toMatchObject({ outcome: 'locked', pid: 1 });
      await killHard(first);
      expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe('1');
      const restarted = contender(dir, { namespace: true });
      expect(await restarted.outcome).toMatchObject({ outcome: 'locked', pid: 1 });
      // Seen from outside the namespace it is in use, by pid 1 as it calls itself.
      expect((await refusal(dir)).pid).toBe(1);
    },
    30_000,
  );
});

/** Symlinks in the temp directories pointing at `dir` (the short aliases of a long path). */
function aliasesOf(dir: string): string[] {
  return [tmpdir(), '/tmp'].flatMap((base) =>
    readdirSync(base)
      .filter((f) => f.startsWith('cscx-'))
      .map((f) => join(base, f))
      .filter((p) => {
        try {
          return lstatSync(p).isSymbolicLink() && readlinkSync(p) === dir;
        } catch {
          return false;
        }
      }),
  );
}

describe('the server on its data directory', () => {
  const AUTH = { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' };
  const running: ServerProcess[] = [];
  let seeded: string;
  beforeAll(async () => {
    seeded = await seededTemplateDir();
  }, 180_000);
  afterEach(() => {
    for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  });

  function dataDir(): string {
    const home = tempDir();
    cpSync(join(seeded, 'pgdata'), join(home, 'pgdata'), { recursive: true });
    return home;
  }

  /** The real server (main.ts), as `npm start` runs it; in a fresh PID namespace if asked. */
  function server(dir: string, namespace: boolean): ServerProcess & { host(): number } {
    if (!namespace) {
      const p = startServer({ CSCX_DATA_DIR: dir });
      running.push(p);
      return { ...p, host: () => p.child.pid! };
    }
    const child = spawn(
      UNSHARE[0]!,
      [...UNSHARE.slice(1), process.execPath, '--import', 'tsx', MAIN_TS],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, PORT: '0', CSCX_LOG_LEVEL: 'warn', CSCX_DATA_DIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      child.on('exit', (code, signal) => r({ code, signal })),
    );
    const p: ServerProcess = { child, output: () => out, exited };
    running.push(p);
    // The server itself is unshare's child: the pid 1 of the namespace.
    return { ...p, host: () => childOf(child.pid!) };
  }

  async function writeKillRestartRead(namespace: boolean): Promise<void> {
    const dir = dataDir();
    const first = server(dir, namespace);
    const url = await serverUrl(first);
    const created = await fetch(`${url}/api/success-goals`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        customer_id: 'cus_acme',
        name: 'Kept across a restart',
        metric: 'v',
        baseline_value: 0,
        target_value: 10,
        target_date: '2026-12-31',
      }),
    });
    expect(created.status).toBe(201);
    const goal = (await created.json()) as { id: string };
    const recorded = readFileSync(join(dir, 'server.lock'), 'utf8').trim();
    if (namespace) expect(recorded).toBe('1');

    process.kill(first.host(), 'SIGKILL');
    await first.exited;
    expect(existsSync(join(dir, 'server.lock'))).toBe(true);

    const second = server(dir, namespace);
    const url2 = await serverUrl(second);
    const read = await fetch(`${url2}/api/success-goals/${goal.id}`, { headers: AUTH });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('Kept across a restart');
    if (namespace) expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(recorded);
    process.kill(second.host(), 'SIGTERM');
    await second.exited;
    expect(second.output()).toContain('Stopped.');
    expect(lockFiles(dir)).toEqual([]);
  }

  it('keeps the data across a SIGKILL and starts again on the same directory', async () => {
    await writeKillRestartRead(false);
  }, 180_000);

  it.skipIf(!canUnshare)(
    'keeps the data and starts again after a container restart that reuses the pid',
    async () => {
      await writeKillRestartRead(true);
    },
    180_000,
  );
});

/** The (only) child process of `pid`, from /proc. */
function childOf(pid: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) return Number(entry);
    } catch {}
  }
  throw new Error(`no child of ${pid}`);
}
