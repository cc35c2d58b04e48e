// Writes packages/elements/custom-elements.json (the Custom Elements Manifest, schema 1.0.0) from
// the elements' source: tag names from src/define/*.ts, and from each class its JSDoc
// (@summary @description @slot @csspart @cssprop @event) and its reactive properties, whether
// declared in `static properties` or with `@property()` decorators.
//
//   node scripts/generate-cem.mjs          write the manifest
//   node scripts/generate-cem.mjs --check  fail if the manifest is out of date
//
// A small stand-in for @custom-elements-manifest/analyzer (not installed), covering the patterns
// this package uses and nothing more.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/elements');
const out = join(pkg, 'custom-elements.json');

const parse = (file) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

const text = (comment) =>
  (typeof comment === 'string' ? comment : (ts.getTextOfJSDocComment(comment) ?? ''))
    .replace(/\s+/g, ' ')
    .trim();

/** `name - description` of a JSDoc tag (`-` alone names the default slot). */
function nameAndDescription(tag) {
  const m = /^(\S+)(?:\s+-\s+([\s\S]*))?$/.exec(text(tag.comment));
  if (!m) return { name: '', description: '' };
  return { name: m[1] === '-' ? '' : m[1], description: (m[2] ?? '').trim() };
}

function jsDocOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  return { description: doc ? text(doc.comment) : '', tags: doc?.tags ?? [] };
}

/** The options object of `@property({...})` or of a `static properties` entry, as plain data. */
function options(node) {
  const o = {};
  if (!node || !ts.isObjectLiteralExpression(node)) return o;
  for (const p of node.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const v = p.initializer;
    o[p.name.getText()] = ts.isStringLiteral(v)
      ? v.text
      : v.kind === ts.SyntaxKind.FalseKeyword
        ? false
        : v.kind === ts.SyntaxKind.TrueKeyword
          ? true
          : v.getText();
  }
  return o;
}

const attributeName = (field, opts) =>
  opts.attribute === false
    ? undefined
    : typeof opts.attribute === 'string'
      ? opts.attribute
      : field.toLowerCase();

function describeClass(node, file) {
  const { description, tags } = jsDocOf(node);
  const decl = {
    kind: 'class',
    name: node.name.text,
    description,
    attributes: [],
    members: [],
    events: [],
    slots: [],
    cssParts: [],
    cssProperties: [],
  };
  const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  if (heritage) decl.superclass = { name: heritage.types[0].expression.getText() };
  for (const tag of tags) {
    const name = tag.tagName.text;
    const nd = nameAndDescription(tag);
    if (name === 'summary') decl.summary = text(tag.comment);
    else if (name === 'description') decl.description = text(tag.comment);
    else if (name === 'slot') decl.slots.push(nd);
    else if (name === 'csspart') decl.cssParts.push(nd);
    else if (name === 'cssprop' || name === 'cssproperty') decl.cssProperties.push(nd);
    else if (name === 'event') decl.events.push(nd);
  }

  const statics = new Map();
  for (const m of node.members) {
    const isStatic = m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic && ts.isPropertyDeclaration(m) && m.name.getText() === 'properties') {
      for (const p of m.initializer?.properties ?? [])
        statics.set(p.name.getText(), options(p.initializer));
    }
  }
  const defaults = new Map();
  for (const m of node.members) {
    if (!ts.isConstructorDeclaration(m)) continue;
    for (const s of m.body?.statements ?? []) {
      const e = ts.isExpressionStatement(s) ? s.expression : undefined;
      if (
        e &&
        ts.isBinaryExpression(e) &&
        ts.isPropertyAccessExpression(e.left) &&
        e.left.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        defaults.set(e.left.name.text, e.right.getText());
      }
    }
  }
  for (const m of node.members) {
    if (!ts.isPropertyDeclaration(m) || !m.name || ts.isPrivateIdentifier(m.name)) continue;
    const field = m.name.getText();
    const mods = m.modifiers ?? [];
    if (
      mods.some(
        (k) =>
          k.kind === ts.SyntaxKind.StaticKeyword ||
          k.kind === ts.SyntaxKind.PrivateKeyword ||
          k.kind === ts.SyntaxKind.ProtectedKeyword,
      )
    )
      continue;
    const decorator = mods.find(
      (k) => ts.isDecorator(k) && /^property\(/.test(k.expression.getText()),
    );
    const opts = decorator ? options(decorator.expression.arguments[0]) : statics.get(field);
    if (!opts || opts.state === true) continue;
    const doc = jsDocOf(m).description;
    const type = m.type ? { text: m.type.getText().replace(/\s+/g, ' ') } : undefined;
    const dflt = m.initializer?.getText() ?? defaults.get(field);
    const attribute = attributeName(field, opts);
    decl.members.push({
      kind: 'field',
      name: field,
      ...(type && { type }),
      ...(doc && { description: doc }),
      ...(dflt !== undefined && { default: dflt }),
      ...(attribute && { attribute }),
      ...(opts.reflect === true && { reflects: true }),
    });
    if (attribute) {
      decl.attributes.push({
        name: attribute,
        fieldName: field,
        ...(type && { type }),
        ...(doc && { description: doc }),
        ...(dflt !== undefined && { default: dflt }),
      });
    }
  }
  for (const k of ['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties']) {
    if (decl[k].length === 0) delete decl[k];
  }
  decl.path = relative(pkg, file);
  return decl;
}

// Tag names, and which source module each class lives in, from the define files.
const defineDir = join(pkg, 'src/define');
const tags = new Map();
const defineModules = [];
for (const f of readdirSync(defineDir)
  .filter((n) => n.endsWith('.ts'))
  .sort()) {
  const file = join(defineDir, f);
  const source = readFileSync(file, 'utf8');
  const m = /customElements\.define\(\s*'([^']+)',\s*(\w+)\s*\)/.exec(source);
  const from = /import \{ (\w+) \} from '(\.\.\/[^']+)\.js'/.exec(source);
  if (!m || !from) continue;
  const module = relative(pkg, resolve(defineDir, `${from[2]}.ts`));
  tags.set(m[2], { tag: m[1], module });
  defineModules.push({
    kind: 'javascript-module',
    path: relative(pkg, file),
    declarations: [],
    exports: [
      { kind: 'custom-element-definition', name: m[1], declaration: { name: m[2], module } },
      { kind: 'js', name: m[2], declaration: { name: m[2], module } },
    ],
  });
}

const classes = new Map();
for (const module of new Set(
  [...tags.values()].map((t) => t.module).concat('src/success-element.ts'),
)) {
  const file = join(pkg, module);
  ts.forEachChild(parse(file), (node) => {
    if (ts.isClassDeclaration(node) && node.name)
      classes.set(node.name.text, describeClass(node, file));
  });
}

// Inherited reactive properties (SuccessElement's theme, locale, currency) are listed on each
// element, marked with where they come from, as the analyzer does.
function inherited(decl) {
  const base = decl.superclass && classes.get(decl.superclass.name);
  if (!base) return decl;
  const from = { name: base.name, module: base.path };
  const parent = inherited(base);
  const own = new Set((decl.members ?? []).map((m) => m.name));
  const members = [
    ...(decl.members ?? []),
    ...(parent.members ?? [])
      .filter((m) => !own.has(m.name))
      .map((m) => ({ ...m, inheritedFrom: m.inheritedFrom ?? from })),
  ];
  const attributes = [
    ...(decl.attributes ?? []),
    ...(parent.attributes ?? [])
      .filter((a) => !own.has(a.fieldName))
      .map((a) => ({ ...a, inheritedFrom: a.inheritedFrom ?? from })),
  ];
  return {
    ...decl,
    ...(members.length && { members }),
    ...(attributes.length && { attributes }),
    superclass: { name: base.name, module: base.path },
  };
}

const modules = [];
for (const [name, { tag, module }] of [...tags].sort((a, b) => a[1].tag.localeCompare(b[1].tag))) {
  const decl = classes.get(name);
  if (!decl) throw new Error(`generate-cem: class ${name} not found in ${module}`);
  const { path: _path, ...rest } = inherited(decl);
  modules.push({
    kind: 'javascript-module',
    path: module,
    declarations: [{ ...rest, tagName: tag, customElement: true }],
    exports: [{ kind: 'js', name, declaration: { name, module } }],
  });
}

const manifest = `${JSON.stringify({ schemaVersion: '1.0.0', readme: '', modules: [...modules, ...defineModules] }, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== manifest) {
    console.error(
      `${relative(process.cwd(), out)} is out of date: run node scripts/generate-cem.mjs`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(out, manifest);
  console.log(`wrote ${relative(process.cwd(), out)}: ${modules.length} elements`);
}
