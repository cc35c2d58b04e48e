import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A second server on a data directory that is in use. PGlite is one process's database: two
 * processes writing one directory corrupt it (PGlite issue #323), so the second one must stop.
 */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dir: string,
    /** The holder's pid as the holder sees it (in its own PID namespace); null when unknown. */
    readonly pid: number | null,
  ) {
    super(
      `The data directory ${dir} is in use by another CSCX server (pid ${pid ?? 'unknown'}). ` +
        'Stop that server first, or set CSCX_DATA_DIR to another directory.',
    );
  }
}

export interface DataDirLock {
  /** `<dir>/server.lock`: the holder's pid, for operators. Never used to decide who holds. */
  readonly file: string;
  release(): void;
}

// How the lock works (issue 18)
//
// The lock is a Unix domain socket listening in the data directory. The kernel closes it when
// its process dies, however it dies (SIGKILL, OOM, container stop): connecting to the socket
// file it leaves behind fails with ECONNREFUSED, for ever. So "is the holder alive?" is asked
// of the kernel, never of a pid: a pid in a file is meaningless after a container restart,
// where the new server gets the dead one's pid (often 1 or 14) in its fresh PID namespace.
//
// Taking a leftover socket over at one fixed path ("refused, so unlink it and bind mine") is
// a race: two starters both see the dead socket refuse, A unlinks it and binds, then B unlinks
// A's live socket and binds, and both run. So no socket that may be live is ever unlinked:
//
//  1. publish: listen at a temporary name, then rename the listening socket to
//     `server.lock.<ticket>.<nonce>.sock`. A published name therefore refuses connections only
//     once its owner has gone, and names are never reused, so a refused one may be deleted
//     by anyone at any time.
//  2. arbitrate: list the directory and connect to every other published socket. The owner
//     answers with a line `cscx-lock <held|trying> <pid>`. A holder: refuse, naming its pid.
//     Another starter with a smaller ticket: withdraw, retry. One with a larger ticket: wait
//     for it to withdraw. Nobody else alive: we hold the lock.
//     Every starter publishes before it looks, so of two concurrent starters at least one
//     sees the other; neither takes the lock while it sees the other, and the smaller ticket
//     never withdraws, so exactly one of them ends up holding it.
//
// Alongside, `<dir>/server.lock` holds the holder's pid, for operators and for the message when
// a holder does not answer (its event loop blocked). A leftover one is overwritten.
//
// Targets: Linux and macOS (local filesystems, like PGlite itself). On Windows the same lock is
// a named pipe, `\\?\pipe\cscx-<hash of the directory>`: Windows removes a pipe with its last
// handle, so there is nothing left over to take over, and creating an existing pipe fails.

const SIDE_FILE = 'server.lock';
const PUBLISHED = /^server\.lock\.([0-9a-f]{16})\.[0-9a-f]{8}\.sock$/;
const UNPUBLISHED = /^server\.lock\.[0-9a-f]{8}\.new\.sock$/;
/** How long a starter waits for other starters and for a holder's answer. */
const SETTLE_MS = 10_000;
const ANSWER_MS = 2_000;
/** The longest socket path that fits everywhere: sun_path is 104 bytes on macOS, with the NUL. */
const SUN_PATH_MAX = 103;

/**
 * Takes the exclusive lock of a data directory, or throws {@link DataDirLockedError} naming the
 * directory and the holder's pid while another live process (or this one) holds it. A lock
 * left by a process that has died is taken over, whatever pid it recorded.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  if (process.platform === 'win32') return lockWithPipe(abs);
  const paths = socketPaths(abs);
  try {
    const ticket = hex(8);
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      const me = await publish(abs, paths, ticket);
      let verdict: Verdict;
      try {
        verdict = await arbitrate(abs, paths, me, ticket, deadline);
        if (verdict === 'won') {
          me.state.held = true;
          writeSideFile(abs);
          return handle(abs, () => me.close());
        }
      } catch (e) {
        me.close();
        throw e;
      }
      me.close();
      if (verdict !== 'withdraw') throw new DataDirLockedError(abs, verdict.pid);
      await sleep(5 + Math.random() * 20);
    }
  } finally {
    paths.dispose();
  }
}

interface Published {
  readonly name: string;
  readonly state: { held: boolean };
  close(): void;
}

/** Listens at an unpublished name, then renames the listening socket to a published one. */
async function publish(abs: string, paths: SocketPaths, ticket: string): Promise<Published> {
  for (;;) {
    const nonce = hex(4);
    const temp = `server.lock.${nonce}.new.sock`;
    const name = `server.lock.${ticket}.${nonce}.sock`;
    const state = { held: false };
    const server = createServer((c) => {
      c.on('error', () => {});
      c.end(`cscx-lock ${state.held ? 'held' : 'trying'} ${process.pid}\n`);
    });
    // The lock must not keep a process alive that has nothing else to do.
    server.unref();
    await listen(server, paths.socket(temp), abs);
    server.on('error', () => {});
    try {
      renameSync(join(abs, temp), join(abs, name));
    } catch (e) {
      server.close();
      // A starter that probed the temporary name before we listened deleted it: try again.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    return {
      name,
      state,
      close() {
        // Unlink first, so nobody finds it refusing; closing releases the kernel's hold.
        rmSync(join(abs, name), { force: true });
        server.close();
      },
    };
  }
}

function listen(server: Server, path: string, abs: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (e) =>
      fail(new Error(`cannot create the lock of the data directory ${abs}: ${e.message}`)),
    );
    server.listen(path, () => done());
  });
}

type Verdict = 'won' | 'withdraw' | { pid: number | null };

async function arbitrate(
  abs: string,
  paths: SocketPaths,
  me: Published,
  ticket: string,
  deadline: number,
): Promise<Verdict> {
  for (;;) {
    let waitingFor: { pid: number | null } | null = null;
    for (const entry of readdirSync(abs)) {
      if (entry === me.name) continue;
      const published = PUBLISHED.exec(entry);
      if (!published && !UNPUBLISHED.test(entry)) continue;
      const peer = await probe(paths.socket(entry));
      if (peer === 'dead') {
        // Refused: its owner is gone, and the name is never used again.
        rmSync(join(abs, entry), { force: true });
        continue;
      }
      // An unpublished socket is not a contender yet: it looks at us once published.
      if (peer === 'gone' || !published) continue;
      if (peer.state === 'held') return { pid: peer.pid };
      // A starter, or a socket that connected but stayed silent (a busy machine, a blocked
      // event loop): it may be a starter too, so it is not taken for a holder, whose pid the
      // side file would then name wrongly (the dead holder's). Tickets decide as for a starter;
      // only the deadline ends the wait, naming whom we waited for.
      if (Date.now() > deadline) return { pid: peer.pid ?? readSidePid(abs) };
      if (published[1]! < ticket) return 'withdraw';
      waitingFor = peer;
    }
    if (waitingFor === null) return 'won';
    await sleep(10);
  }
}

type Peer = 'dead' | 'gone' | { state: 'held' | 'trying' | 'unknown'; pid: number | null };

/** Connects to a socket file: dead (refused), gone (deleted meanwhile), or its owner's answer. */
function probe(path: string): Promise<Peer> {
  return new Promise((done) => {
    let connected = false;
    let answer = '';
    let settled = false;
    const socket = createConnection(path);
    const finish = (peer: Peer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      done(peer);
    };
    // Connected but silent (its event loop is busy): alive, in an unknown state.
    const unknown = { state: 'unknown', pid: null } as const;
    const answered = () => {
      const m = /^cscx-lock (held|trying) (\d+)\n/.exec(answer);
      finish(m ? { state: m[1] as 'held' | 'trying', pid: Number(m[2]) } : unknown);
    };
    const timer = setTimeout(() => finish(unknown), ANSWER_MS);
    socket.on('connect', () => {
      connected = true;
    });
    socket.on('data', (b: Buffer) => {
      answer += b.toString();
      if (answer.includes('\n')) answered();
    });
    // Closed without a word: its owner closed the socket (a starter withdrawing, a holder
    // releasing), which is not a holder's answer: the caller looks again. A holder always
    // writes its line before it ends a connection.
    const closed = () => (answer ? answered() : finish('gone'));
    socket.on('end', closed);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (connected) closed();
      else if (e.code === 'ECONNREFUSED') finish('dead');
      else if (e.code === 'ENOENT') finish('gone');
      // EAGAIN (backlog full), EACCES (another user's): someone is there; assume it holds.
      else finish(unknown);
    });
  });
}

interface SocketPaths {
  /** The path to bind or connect for `name` in the data directory: short enough for the kernel. */
  socket(name: string): string;
  dispose(): void;
}

/**
 * A Unix socket's path must fit sun_path: 108 bytes with the final NUL on Linux, 104 on macOS,
 * and Node silently truncates a longer one (binding somewhere else). A data directory whose
 * path is too long is reached through a short symlink to it in the temp directory: bind and
 * connect resolve the link, so the socket itself still lives in the data directory, where
 * every server on that directory finds it, whatever its temp directory. (Not chdir plus a
 * relative path: the working directory belongs to the whole process.) The link is only needed
 * while taking the lock; later everything goes by the real path, which has no such limit.
 */
function socketPaths(abs: string): SocketPaths {
  const longest = `server.lock.${'0'.repeat(16)}.${'0'.repeat(8)}.sock`;
  const fits = (dir: string) => Buffer.byteLength(join(dir, longest)) <= SUN_PATH_MAX;
  if (fits(abs)) return { socket: (name) => join(abs, name), dispose() {} };
  for (const base of [tmpdir(), '/tmp']) {
    const link = join(base, `cscx-${hex(6)}`);
    if (!fits(link)) continue;
    try {
      // Fails if the name exists: the link is ours (in a sticky /tmp nobody else can swap it).
      symlinkSync(abs, link, 'dir');
    } catch {
      continue;
    }
    return { socket: (name) => join(link, name), dispose: () => rmSync(link, { force: true }) };
  }
  throw new Error(`cannot create the lock of the data directory ${abs}: its path is too long`);
}

/** Windows: a named pipe per directory; the system removes it with its last handle. */
async function lockWithPipe(abs: string): Promise<DataDirLock> {
  let canonical = abs;
  try {
    canonical = realpathSync.native(abs);
  } catch {}
  const hash = createHash('sha256').update(canonical.toLowerCase()).digest('hex').slice(0, 32);
  const pipe = `\\\\?\\pipe\\cscx-${hash}`;
  const server = createServer((c) => {
    c.on('error', () => {});
    c.end(`cscx-lock held ${process.pid}\n`);
  });
  server.unref();
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(pipe, () => done());
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    const peer = await probe(pipe);
    const pid = typeof peer === 'object' ? peer.pid : null;
    throw new DataDirLockedError(abs, pid ?? readSidePid(abs));
  }
  server.on('error', () => {});
  writeSideFile(abs);
  return handle(abs, () => server.close());
}

function writeSideFile(abs: string): void {
  const file = join(abs, SIDE_FILE);
  const temp = `${file}.${hex(4)}.tmp`;
  writeFileSync(temp, `${process.pid}\n`);
  renameSync(temp, file);
}

function readSidePid(abs: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(abs, SIDE_FILE), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function handle(abs: string, unlock: () => void): DataDirLock {
  const file = join(abs, SIDE_FILE);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // The side file first: once the socket goes, the next holder writes its own.
    rmSync(file, { force: true });
    unlock();
  };
  // Tidy up on any orderly exit, process.exit(1) included; the kernel releases the rest.
  process.on('exit', release);
  return { file, release };
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
