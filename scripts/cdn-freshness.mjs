// Whether packages/elements/dist/cdn/success-elements.js is missing or older than any source
// file it is built from (calc, SDK and elements sources, and the package files that shape it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(root, 'packages/elements/dist/cdn/success-elements.js');

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function cdnIsStale() {
  if (!existsSync(ENTRY)) return true;
  const built = statSync(ENTRY).mtimeMs;
  const inputs = ['calc', 'sdk', 'elements'].flatMap((p) => [
    join(root, 'packages', p, 'src'),
    join(root, 'packages', p, 'package.json'),
  ]);
  inputs.push(join(root, 'packages/elements/rollup.config.mjs'));
  return inputs.some(
    (p) => (statSync(p).isDirectory() ? newestIn(p) : statSync(p).mtimeMs) > built,
  );
}
