// Runs every TypeScript example in README.md that is followed by its expected output, and fails
// when the printed output differs: the README's examples must run as written.
// An example is a ```ts block directly followed by a ```text block ("Prints:").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pairs = [
  ...readme.matchAll(/```ts\n([\s\S]*?)```\s*\n(?:Prints:\s*\n)?```text\n([\s\S]*?)```/g),
];
if (pairs.length === 0) {
  console.error(
    'check-readme-example: README.md has no ```ts example followed by a ```text output',
  );
  process.exit(1);
}
const dir = mkdtempSync(join(process.cwd(), '.readme-example-'));
let failed = 0;
try {
  pairs.forEach(([, code, expected], i) => {
    // Inside the project, so `@cscx/*` resolve through tsconfig paths exactly as a user's would
    // through the installed package.
    const file = join(dir, `example-${i}.ts`);
    writeFileSync(file, code);
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' });
    if (out.trim() !== expected.trim()) {
      failed++;
      console.error(`README example ${i + 1} printed:\n${out}\nbut README.md says:\n${expected}`);
    }
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(`readme: ${pairs.length} passed, 0 failed`);
