// Writes the elements' Custom Elements Manifest and the editor data made from it, all in
// packages/elements/:
//
//   custom-elements.json          by @custom-elements-manifest/analyzer, configured by
//                                 custom-elements-manifest.config.mjs (the classes' JSDoc)
//   vscode.html-custom-data.json  VS Code HTML custom data    } from the manifest, by
//   web-types.json                JetBrains web-types         } scripts/cem-ide-data.mjs
//
//   node scripts/generate-cem.mjs          write them (`npm run generate`)
//   node scripts/generate-cem.mjs --check  exit 1 naming each file that is out of date
//
// custom-elements.json is written exactly as the analyzer writes it (biome.json leaves it alone);
// the two editor files are formatted by biome, which checks them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { customElementsOf, toVsCodeCustomData, toWebTypes } from './cem-ide-data.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'packages/elements');
const configFile = 'custom-elements-manifest.config.mjs';
const require = createRequire(import.meta.url);

const fail = (message) => {
  console.error(`generate-cem: ${message}`);
  process.exit(1);
};

/** The analyzer's custom-elements.json, written into a temporary directory and read back. */
async function analyze() {
  // The analyzer carries on with its defaults when it cannot load the config, and its default
  // rewrites package.json; loading the config here first turns that into an error.
  const config = (await import(pathToFileURL(join(pkgDir, configFile)).href)).default;
  if (config?.packagejson !== false) fail(`${configFile} must set packagejson: false`);
  const out = mkdtempSync(join(tmpdir(), 'cscx-cem-'));
  let run;
  let text;
  try {
    const cem = require.resolve('@custom-elements-manifest/analyzer/cem.js');
    // The analyzer joins --outdir onto its working directory, so it is given relative.
    run = spawnSync(
      process.execPath,
      [cem, 'analyze', '--config', configFile, '--outdir', relative(pkgDir, out)],
      { cwd: pkgDir, encoding: 'utf8' },
    );
    if (run.status === 0) text = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  if (text === undefined) fail(`the analyzer failed:\n${run?.stderr || run?.stdout}`);
  return text;
}

/** The manifest names a module by its published path (dist/x.js); the source is src/x.ts. */
const sourceOf = (path) => join(pkgDir, path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));

/**
 * The values of each attribute whose type is a union of string literals, however it is spelled
 * (`SuccessTheme`, `ReportFormat`, `TrendScale | 'auto'`): the manifest keeps the type as
 * written, so TypeScript resolves it. Keyed `tag attribute`.
 */
function enumAttributes(manifest) {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(pkgDir, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d, '\n')),
  });
  const elements = customElementsOf(manifest);
  const program = ts.createProgram({
    rootNames: [...new Set(elements.map((e) => sourceOf(e.path)))],
    options: { ...parsed.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const values = new Map();
  for (const { decl, path } of elements) {
    const node = program
      .getSourceFile(sourceOf(path))
      ?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === decl.name);
    if (!node?.name) fail(`class ${decl.name} not found in ${sourceOf(path)}`);
    const instance = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(node.name));
    for (const attribute of decl.attributes ?? []) {
      const field = attribute.fieldName && checker.getPropertyOfType(instance, attribute.fieldName);
      if (!field) continue;
      const type = checker.getTypeOfSymbolAtLocation(field, node);
      const defined = (type.isUnion() ? type.types : [type]).filter(
        (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
      );
      // Sorted: TypeScript orders a union's members by when it met them, not as written.
      if (defined.length > 0 && defined.every((t) => t.isStringLiteral())) {
        values.set(`${decl.tagName} ${attribute.name}`, defined.map((t) => t.value).sort());
      }
    }
  }
  return values;
}

/** `value` as JSON the way biome formats it at `path` (biome.json's settings). */
function biomeJson(path, value) {
  const run = spawnSync(
    process.execPath,
    [require.resolve('@biomejs/biome/bin/biome'), 'format', `--stdin-file-path=${path}`],
    { cwd: root, input: JSON.stringify(value), encoding: 'utf8' },
  );
  if (run.status !== 0) fail(`biome could not format ${path}:\n${run.stderr}`);
  return run.stdout.endsWith('\n') ? run.stdout : `${run.stdout}\n`;
}

const manifestText = await analyze();
const manifest = JSON.parse(manifestText);
if (customElementsOf(manifest).length === 0) fail('the analyzer found no custom elements');
const enums = enumAttributes(manifest);
const values = (decl, attribute) => enums.get(`${decl.tagName} ${attribute.name}`);
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

const outputs = new Map([
  ['custom-elements.json', manifestText],
  ['vscode.html-custom-data.json', toVsCodeCustomData(manifest, { values })],
  [
    'web-types.json',
    toWebTypes(manifest, { name: pkg.name, version: pkg.version, entry: 'dist/index.js', values }),
  ],
]);

const check = process.argv.includes('--check');
const stale = [];
for (const [name, value] of outputs) {
  const path = relative(root, join(pkgDir, name));
  const text = typeof value === 'string' ? value : biomeJson(path, value);
  if (!check) {
    writeFileSync(join(root, path), text);
    continue;
  }
  let current;
  try {
    current = readFileSync(join(root, path), 'utf8');
  } catch {
    // a missing file is out of date too
  }
  if (current !== text) stale.push(path);
}

if (check && stale.length > 0) {
  for (const path of stale) console.error(`${path} is out of date: run npm run generate`);
  process.exit(1);
}
const tags = customElementsOf(manifest).length;
console.log(
  check
    ? `custom-elements.json and the editor data are up to date (${tags} elements)`
    : `wrote custom-elements.json and the editor data (${tags} elements)`,
);
