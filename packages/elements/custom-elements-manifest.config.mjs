// @custom-elements-manifest/analyzer's configuration for custom-elements.json: the elements'
// source and their class JSDoc (@summary @description @slot @csspart @cssprop @event).
// `npm run generate` (scripts/generate-cem.mjs) runs it and derives the IDE data from its output;
// `npx cem analyze` run in this folder writes the same custom-elements.json.
//
// The plugins below fill in what the analyzer (0.11) does not read in this package by itself.

import { posix } from 'node:path';

/** Where the shared theme tokens live (see `themeTokens`). */
const TOKENS_MODULE = 'src/styles/tokens.ts';

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/testing/**',
    'src/**/*.stories.ts',
    'src/**/*-fixture.ts',
    'src/**/*.d.ts',
    // Chart specs: the vega-lite source (build input only) and the vega it compiles to (data).
    'src/**/*.vl.ts',
    'src/charts/generated/**',
  ],
  litelement: true,
  // Merging the dependencies' manifests (--dependencies) needs find-dependencies' native lexer,
  // whose postinstall is skipped in this repository; nothing here needs them.
  dependencies: false,
  // The analyzer would otherwise point package.json's `customElements` at wherever it wrote.
  packagejson: false,
  quiet: true,
  plugins: [descriptionTag(), litState(), themeTokens(), moduleReferences(), tidy()],
};

const isStatic = (ts, member) =>
  member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;

const staticMember = (ts, classNode, name) =>
  classNode.members.find(
    (m) => ts.isPropertyDeclaration(m) && isStatic(ts, m) && m.name.getText() === name,
  );

const declarationOf = (moduleDoc, classNode) =>
  moduleDoc.declarations?.find((d) => d.name === classNode.name?.text);

/** `name - description` of a tag such as `@cssprop`. */
function nameAndDescription(ts, tag) {
  const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
  const m = /^(\S+)(?:\s+-\s+([\s\S]*))?$/.exec(text.trim());
  return m ? { name: m[1], description: (m[2] ?? '').trim() } : undefined;
}

/**
 * `@description`: the analyzer takes a class's description only from the text before its first
 * tag, and the elements' JSDoc puts it in `@description` after `@summary`.
 */
function descriptionTag() {
  return {
    name: 'success-description-tag',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node)) return;
      const doc = declarationOf(moduleDoc, node);
      const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'description');
      if (doc && tag) doc.description = ts.getTextOfJSDocComment(tag.comment) ?? '';
    },
  };
}

/**
 * Lit's `state: true` properties are internal reactive state and never attributes; the analyzer
 * lists them as public attributes, so they are dropped.
 */
function litState() {
  return {
    name: 'success-lit-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node)) return;
      const doc = declarationOf(moduleDoc, node);
      const properties = staticMember(ts, node, 'properties')?.initializer;
      if (!doc || !properties || !ts.isObjectLiteralExpression(properties)) return;
      for (const p of properties.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
        const state = p.initializer.properties.some(
          (o) =>
            ts.isPropertyAssignment(o) &&
            o.name.getText() === 'state' &&
            o.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (!state) continue;
        const name = p.name.getText();
        doc.attributes = doc.attributes?.filter((a) => a.fieldName !== name);
        doc.members = doc.members?.filter((m) => m.name !== name);
      }
    },
  };
}

/** The text of a css`...` template, without its interpolations. */
function templateText(ts, node) {
  const template = ts.isTaggedTemplateExpression(node) ? node.template : node;
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  if (!ts.isTemplateExpression(template)) return '';
  return template.head.text + template.templateSpans.map((s) => s.literal.text).join('');
}

/** `--success-*` name -> its fallback in `var(--success-x, fallback)`, balanced parentheses. */
function fallbacks(css) {
  const out = new Map();
  for (const m of css.matchAll(/var\(\s*(--success-[a-z0-9-]+)\s*,/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < css.length && depth > 0; i++) {
      if (css[i] === '(') depth++;
      else if (css[i] === ')') depth--;
    }
    if (!out.has(m[1])) out.set(m[1], css.slice(start, i - 1).trim());
  }
  return out;
}

/** `{ key: 'value' }` (possibly `as const`) as [key, value, its JSDoc text] triples. */
function stringEntries(ts, node) {
  let object = node;
  while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression(object))) {
    object = object.expression;
  }
  if (!object || !ts.isObjectLiteralExpression(object)) return [];
  return object.properties.flatMap((p) =>
    ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer)
      ? [
          [
            p.name.text,
            p.initializer.text,
            ts
              .getJSDocCommentsAndTags(p)
              .filter(ts.isJSDoc)
              .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
              .join(' ')
              .trim(),
          ],
        ]
      : [],
  );
}

/**
 * The theme tokens. Every element adopts `tokenStyles` (styles/tokens.ts), which honours the
 * `--success-*` properties its JSDoc lists; its colour tokens are a list in code
 * (`lightColors`, whose keys are `colorTokens`), documented there as one
 * `--success-color-<name>` line. The analyzer reads `@cssprop` only on classes, so this plugin
 * expands that list into one real cssProperties entry per token (`--success-color-surface`, …)
 * with its light default and dark value, and adds the tokens to every class whose
 * `static styles` include `tokenStyles`. The list is read from the code, so a new token cannot
 * be missing from the manifest; a property that tokenStyles reads without a `@cssprop` line,
 * and a placeholder name (`<…>`) left in an element's JSDoc, fail the run.
 */
function themeTokens() {
  let light = [];
  let dark = new Map();
  let documented = [];
  let css = '';
  const adopters = new Set();
  return {
    name: 'success-theme-tokens',
    collectPhase({ ts, node }) {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name)) return;
      if (!node.getSourceFile().fileName.endsWith(TOKENS_MODULE)) return;
      const name = node.name.text;
      if (name === 'lightColors') light = stringEntries(ts, node.initializer);
      if (name === 'darkColors') {
        dark = new Map(stringEntries(ts, node.initializer).map(([k, v]) => [k, v]));
      }
      if (name === 'tokenStyles' && node.initializer) {
        css = templateText(ts, node.initializer);
        documented = ts
          .getJSDocTags(node)
          .filter((t) => t.tagName.text === 'cssprop' || t.tagName.text === 'cssproperty')
          .map((t) => nameAndDescription(ts, t))
          .filter(Boolean);
      }
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const styles = staticMember(ts, node, 'styles')?.initializer;
      let adopts = false;
      const visit = (n) => {
        if (ts.isIdentifier(n) && n.text === 'tokenStyles') adopts = true;
        else ts.forEachChild(n, visit);
      };
      if (styles) visit(styles);
      if (adopts) adopters.add(`${moduleDoc.path}#${node.name.text}`);
    },
    packageLinkPhase({ customElementsManifest }) {
      if (adopters.size > 0 && (light.length === 0 || documented.length === 0)) {
        throw new Error(`no colour tokens or @cssprop lines found in ${TOKENS_MODULE}`);
      }
      const defaults = fallbacks(css);
      const names = new Set(documented.map((d) => d.name));
      for (const [, used] of css.matchAll(/var\(\s*(--success-[a-z0-9-]+)/g)) {
        if (!names.has(used)) {
          throw new Error(`${TOKENS_MODULE}: tokenStyles reads ${used}; document it with @cssprop`);
        }
      }
      const tokens = documented.flatMap(({ name, description }) =>
        name.includes('<')
          ? light.map(([key, value, doc]) => {
              if (!dark.has(key)) throw new Error(`${TOKENS_MODULE}: darkColors has no ${key}`);
              const text = (doc || `The \`${key}\` colour token.`).replace(/\.$/, '');
              return {
                name: name.replace(/<[^>]*>/, key),
                syntax: '<color>',
                default: value,
                description: `${text} (dark theme: ${dark.get(key)}).`,
              };
            })
          : [
              {
                name,
                description,
                ...(defaults.has(name) && { default: defaults.get(name) }),
              },
            ],
      );
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement) continue;
          const placeholder = decl.cssProperties?.find((p) => p.name.includes('<'));
          if (placeholder) {
            throw new Error(
              `${mod.path}: @cssprop ${placeholder.name} is no property name ` +
                `(the theme tokens come from ${TOKENS_MODULE})`,
            );
          }
          if (!adopters.has(`${mod.path}#${decl.name}`)) continue;
          const own = new Set((decl.cssProperties ?? []).map((p) => p.name));
          decl.cssProperties = [
            ...(decl.cssProperties ?? []),
            ...tokens.filter((t) => !own.has(t.name)),
          ];
        }
      }
    },
  };
}

/**
 * Module references as the published package has them. The analyzer reads src/*.ts and the
 * package ships their build in dist/ (tsc, one module per source module), so `src/x.ts` is
 * `dist/x.js`. It also leaves re-exports as written (`./context.js`, resolved here against the
 * exporting module), and records `import { X } from '…'; export { X };` (the define/ modules) as
 * declared in the exporting module, where the import says where X is declared.
 */
function moduleReferences() {
  const imports = new Map(); // module path -> local name -> { name, from }
  const published = (path) => path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
  const resolve = (from, specifier) =>
    specifier.startsWith('.') ? posix.join(posix.dirname(from), specifier) : specifier;
  const visit = (value, from) => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, from);
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'module' && typeof v === 'string') value.module = published(resolve(from, v));
        else visit(v, from);
      }
    }
  };
  return {
    name: 'success-module-references',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) return;
      const named = node.importClause?.namedBindings;
      if (!named || !ts.isNamedImports(named)) return;
      const local = imports.get(moduleDoc.path) ?? new Map();
      for (const el of named.elements) {
        const name = (el.propertyName ?? el.name).text;
        local.set(el.name.text, { name, from: node.moduleSpecifier.text });
      }
      imports.set(moduleDoc.path, local);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const declared = new Set((mod.declarations ?? []).map((d) => d.name));
        for (const ex of mod.exports ?? []) {
          const ref = ex.declaration;
          const imported = imports.get(mod.path)?.get(ref?.name);
          if (ref?.module !== mod.path || declared.has(ref.name) || !imported) continue;
          ex.declaration = imported.from.startsWith('.')
            ? { name: imported.name, module: imported.from }
            : { name: imported.name, package: imported.from };
        }
        visit(mod.declarations, mod.path);
        visit(mod.exports, mod.path);
        mod.path = published(mod.path);
      }
    },
  };
}

/**
 * JSDoc wraps prose at the source's line width; the manifest keeps paragraphs (blank lines),
 * lists and code blocks, and joins the other line breaks.
 */
function unwrap(text) {
  const out = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    const prev = out.at(-1);
    const fence = /^\s*```/.test(line);
    const block = fence || /^\s*([-*+>|#]\s|\d+[.)]\s)/.test(line);
    if (!fenced && !block && prev?.trim() && line.trim() && !/^\s*```/.test(prev)) {
      out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`;
    } else out.push(line);
    if (fence) fenced = !fenced;
  }
  return out.join('\n').trim();
}

/**
 * Public API only, in one shape and a stable order: private and protected members (`#x`,
 * `private`, Lit's lifecycle overrides) are implementation; `privacy: "public"`, which the
 * analyzer writes on Lit's static properties only, is dropped, since no privacy means public in
 * the schema (and readers such as packages/react's wrapper tests take it so); modules are sorted
 * by path, whatever order the file system lists them in.
 */
function tidy() {
  const prose = (value) => {
    if (Array.isArray(value)) value.forEach(prose);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'description' || key === 'summary') && typeof v === 'string') {
          value[key] = unwrap(v);
        } else prose(v);
      }
    }
  };
  return {
    name: 'success-tidy',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = customElementsManifest;
      for (const mod of manifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter(
            (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
          );
          for (const m of decl.members) if (m.privacy === 'public') delete m.privacy;
          if (decl.members.length === 0) delete decl.members;
        }
      }
      manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      prose(manifest.modules);
    },
  };
}
