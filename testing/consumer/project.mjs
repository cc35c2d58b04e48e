// A user's project outside this repository: the published packages are built, packed with
// `npm pack`, and installed from those tarballs into a fresh folder under the system temp dir,
// exactly as `npm install @cscx/success-elements` would install them (no workspace links, no
// path aliases). Their third-party dependencies come from the npm cache that `npm ci` filled.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { buildPackages, PUBLISHED } from '../../scripts/build.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Builds and packs every published package; returns `{ name: { tarball, files } }`. */
export function packAll(dir) {
  buildPackages(PUBLISHED);
  const packed = {};
  for (const name of PUBLISHED) {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: join(REPO, 'packages', name),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [info] = JSON.parse(out);
    packed[info.name] = { tarball: join(dir, info.filename), files: info.files.map((f) => f.path) };
  }
  return packed;
}

/**
 * A fresh project with the tarballs and the examples' own dependencies installed. `overrides`
 * pin every @cscx package to its tarball, so no version of ours is ever fetched from a registry
 * (where the names might belong to someone else).
 */
export function createConsumer(packed) {
  const dir = mkdtempSync(join(tmpdir(), 'cscx-consumer-'));
  const ours = Object.fromEntries(Object.entries(packed).map(([n, p]) => [n, `file:${p.tarball}`]));
  const overrides = Object.fromEntries(Object.keys(packed).map((n) => [n, `$${n}`]));
  const rootPkg = JSON.parse(
    execFileSync('npm', ['pkg', 'get', 'devDependencies'], { cwd: REPO, encoding: 'utf8' }),
  );
  const same = (name) => rootPkg[name];
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'cscx-consumer',
        private: true,
        type: 'module',
        dependencies: {
          ...ours,
          react: same('react'),
          'react-dom': same('react-dom'),
          '@types/react': same('@types/react'),
          '@types/react-dom': same('@types/react-dom'),
          vite: same('vite'),
        },
        overrides,
      },
      null,
      2,
    ),
  );
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 300_000,
    },
  );
  for (const example of ['node-script', 'partner-embed', 'react-host']) {
    // Only the example's own files: its package.json names what the consumer project installed.
    cpSync(join(REPO, 'examples', example), join(dir, example), {
      recursive: true,
      filter: (src) => !/node_modules|[\\/]dist$/.test(src),
    });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a long-lived command (a server) until `ready` matches its output; resolves with
 * `{ output, stop }`. Killed when this process exits.
 */
export async function startProcess(command, args, { cwd, env, ready, timeoutMs = 120_000 }) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (b) => (output += b));
  child.stderr.on('data', (b) => (output += b));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
  process.on('exit', stop);
  const started = Date.now();
  // Tools colour their output when the environment asks for it (CI sets FORCE_COLOR), and an
  // escape sequence inside "Local:" hid vite's ready line: match on the text without colours.
  const plain = () => stripVTControlCharacters(output);
  while (!ready.test(plain())) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      stop();
      throw new Error(`${command} ${args.join(' ')} did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { output: () => output, stop };
}

export function mkdir(path) {
  mkdirSync(path, { recursive: true });
  return path;
}
