// One server per data directory: a live holder's lock stops a second server with a message
// naming the directory and the pid; a lock left by a dead process is taken over.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cscx-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('lockDataDir', () => {
  it('writes our pid to <dir>/server.lock and removes it on release', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
  });

  it('refuses a second holder, naming the directory and the holder pid', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    children.push(holder);
    writeFileSync(join(dir, 'server.lock'), `${holder.pid}\n`);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(holder.pid);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
  });

  it('refuses to lock the same directory twice in one process', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
  });

  it('takes over a stale lock whose pid no longer runs', () => {
    const dir = tempDir();
    const dead = deadPid();
    writeFileSync(join(dir, 'server.lock'), `${dead}\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('takes over a lock file that holds no pid at all', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'server.lock'), 'garbage');
    // An unreadable lock younger than 2 s may be one being written; this one is not.
    const old = new Date(Date.now() - 5_000);
    utimesSync(join(dir, 'server.lock'), old, old);
    const lock = lockDataDir(dir);
    lock.release();
  });

  it('lets exactly one of several servers racing for a stale lock take it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'server.lock'), `${deadPid()}\n`);
    const script = `
      import { lockDataDir } from ${JSON.stringify(new URL('./lock.ts', import.meta.url).pathname)};
      try { lockDataDir(process.argv[1]); console.log('locked'); setTimeout(() => {}, 3000); }
      catch (e) { console.log(e.name); }`;
    const runs = Array.from({ length: 4 }, () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, dir],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      children.push(child);
      return new Promise<string>((resolve) => {
        let out = '';
        child.stdout?.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
      });
    });
    const outcomes = (await Promise.all(runs)).sort();
    expect(outcomes).toEqual([
      'DataDirLockedError',
      'DataDirLockedError',
      'DataDirLockedError',
      'locked',
    ]);
  }, 30_000);
});
