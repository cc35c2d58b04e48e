// `npm run build`: every publishable package to its dist/, in dependency order (each package's
// types come from the dist/ of the packages it imports, as they will for a user), from a clean
// dist/ so nothing stale ships. Pass package folder names to build a subset, e.g.
// `npm run build -- calc sdk`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Publishable packages, each after the ones it depends on. */
export const PUBLISHED = ['calc', 'sdk', 'elements', 'report', 'react', 'mcp'];

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildPackages(names = PUBLISHED) {
  for (const name of names) {
    if (!PUBLISHED.includes(name)) throw new Error(`build: unknown package "${name}"`);
    const dir = `${root}packages/${name}`;
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    const started = performance.now();
    const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'inherit' });
    if (run.status !== 0)
      throw new Error(`build: @cscx/success-${name} failed (exit ${run.status})`);
    console.log(
      `build: @cscx/success-${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  buildPackages(names.length > 0 ? names : PUBLISHED);
}
