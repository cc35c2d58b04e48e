// Run after every `npm install` that changes package-lock.json: `node scripts/complete-lockfile.mjs`.
//
// Why: the npm registry this project installs from serves only the platform packages of this
// machine's kind (linux-x64-gnu). When npm builds the lockfile it silently leaves out the
// optional platform packages it could not fetch (@biomejs/cli-darwin-x64, @rollup/rollup-win32-*,
// ...), and then `npm ci` refuses that same lockfile ("Missing: ... from lock file"). This adds
// an entry for each missing optional dependency, marked optional and with the os/cpu/libc its name
// states, so `npm ci` skips it on other platforms without fetching, exactly as it would skip a
// complete entry. Entries it adds carry no `resolved`/`integrity`: on a machine of that platform
// npm resolves them from the registry as usual.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
  'win32',
];
const CPU = [
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['loong64', 'loong64'],
  ['ppc64', 'ppc64'],
  ['riscv64', 'riscv64'],
  ['s390x', 's390x'],
  ['arm', 'arm'],
  ['mips64el', 'mips64el'],
];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find(([token]) => parts.includes(token))?.[1];
  const libc = name.includes('musl') ? 'musl' : os === 'linux' ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  const optional = entry.optionalDependencies ?? {};
  for (const [dep, spec] of Object.entries(optional)) {
    // Node resolution: nested first, then hoisted to the root.
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue; // only exact versions can be recorded honestly
    const { os, cpu, libc } = platformOf(dep);
    const record = { version: spec, optional: true };
    if (entry.dev) record.dev = true;
    if (cpu) record.cpu = [cpu];
    if (libc) record.libc = [libc];
    if (os) record.os = [os];
    packages[hoisted] = record;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
