import {
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A second server on a data directory that is in use. PGlite is one process's database: two
 * processes writing one directory corrupt it (PGlite issue #323), so the second one must stop.
 */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dir} is in use by another CSCX server (pid ${pid}). ` +
        'Stop that server first, or set CSCX_DATA_DIR to another directory.',
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

const LOCK_FILE = 'server.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Creates `file` holding our pid, failing with EEXIST when it exists (O_EXCL). */
function create(file: string): boolean {
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Takes the exclusive lock of a data directory: `<dir>/server.lock` holding this process's pid.
 * A lock left by a process that no longer runs (a crash, SIGKILL) is taken over; a live
 * holder makes this throw {@link DataDirLockedError}, naming the directory and the pid.
 */
export function lockDataDir(dir: string): DataDirLock {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const file = join(abs, LOCK_FILE);
  // Taking over a stale lock is "check, then replace": the mutex directory makes that one step,
  // so two servers starting together cannot both take over the same dead pid's lock.
  const mutex = `${file}.takeover`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (create(file)) return handle(file);
    const holder = readPid(file);
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      throw new DataDirLockedError(abs, holder);
    }
    if (holder === process.pid) throw new DataDirLockedError(abs, holder);
    if (holder === null && age(file) < 2_000) {
      // Just created by someone who has not written their pid yet.
      sleep(20);
      continue;
    }
    try {
      mkdirSync(mutex);
    } catch {
      // Someone else is taking it over; a mutex older than 10 s belongs to a crashed process.
      if (age(mutex) > 10_000) rmSync(mutex, { recursive: true, force: true });
      sleep(20);
      continue;
    }
    try {
      // Still the same dead holder (or unreadable)? Then move it aside and retry creating ours.
      if (readPid(file) === holder) renameSync(file, `${file}.stale-${process.pid}`);
      rmSync(`${file}.stale-${process.pid}`, { force: true });
    } finally {
      rmdirSync(mutex);
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

function age(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Blocks briefly: lock-taking happens once at start-up, before anything else runs. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function handle(file: string): DataDirLock {
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      // Only remove the file while it still names us.
      if (readPid(file) === process.pid) rmSync(file, { force: true });
    },
  };
}
