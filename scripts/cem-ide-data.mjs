// Editor data for custom elements, derived from their Custom Elements Manifest:
//
//   toVsCodeCustomData  VS Code's HTML custom data, version 1.1 (the `html.customData` setting)
//   toWebTypes          JetBrains web-types (http://json.schemastore.org/web-types), found by
//                       the IDEs through package.json's `web-types`
//
// A page of code rather than an analyzer plugin package: none is installed in this repository,
// and the published ones (custom-element-vs-code-integration,
// custom-element-jet-brains-integration) each bring a dependency tree for what fits here.

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Every declaration of the manifest with a tag name, with its module's path, by tag name. */
export function customElementsOf(manifest) {
  return manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).map((decl) => ({ decl, path: mod.path })))
    .filter(({ decl }) => decl.customElement && decl.tagName)
    .sort((a, b) => compare(a.decl.tagName, b.decl.tagName));
}

/** `'a' | 'b' | undefined` -> ['a', 'b']; undefined unless it is string literals only. */
export function stringLiterals(typeText) {
  const parts = (typeText ?? '').split('|').map((p) => p.trim());
  const defined = parts.filter((p) => p !== 'undefined' && p !== 'null');
  const values = defined.map((p) => /^'([^']*)'$|^"([^"]*)"$/.exec(p)).map((m) => m?.[1] ?? m?.[2]);
  return defined.length > 0 && values.every((v) => v !== undefined) ? values : undefined;
}

/** A manifest default (source text) as an attribute value, when it is a literal. */
function literalDefault(text) {
  const m = /^'([^']*)'$|^"([^"]*)"$/.exec(text ?? '');
  if (m) return m[1] ?? m[2];
  return /^(true|false|-?\d+(\.\d+)?)$/.test(text ?? '') ? text : undefined;
}

/** The default worth showing: a boolean attribute is off by being absent, not by a value. */
const valueDefault = (attribute, accepts) =>
  accepts.kind === 'boolean' ? undefined : literalDefault(attribute.default);

const about = (decl) => [decl.summary, decl.description].filter(Boolean).join('\n\n');

const withDefault = (description, value) =>
  [description, value === undefined ? '' : `Default: \`${value}\`.`].filter(Boolean).join(' ');

/**
 * What an attribute accepts: `enum` with its values, `boolean` (present or absent), or text.
 * `values(decl, attribute)` may resolve a type the manifest names only by alias
 * (`SuccessTheme | undefined`); without an answer the type text itself is read.
 */
function attributeKind(decl, attribute, values) {
  const type = attribute.type?.text ?? '';
  const enumValues = values?.(decl, attribute) ?? stringLiterals(type);
  if (enumValues) return { kind: 'enum', values: enumValues };
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'number') return { kind: 'number' };
  return { kind: 'string' };
}

function markdownList(title, items, label = (item) => `\`${item.name}\``) {
  if (!items?.length) return undefined;
  const lines = items.map((item) => {
    const type = item.type?.text ? ` (\`${item.type.text}\`)` : '';
    const text = withDefault(item.description, item.default);
    return `- ${label(item)}${type}${text ? ` — ${text}` : ''}`;
  });
  return `**${title}**\n\n${lines.join('\n')}`;
}

/**
 * VS Code's HTML custom data: tags and their attributes. The format has no place for events,
 * slots, parts or CSS properties, so the tag's description lists them.
 *
 * @param {object} manifest A Custom Elements Manifest.
 * @param {{ values?: (decl: object, attribute: object) => string[] | undefined }} [options]
 */
export function toVsCodeCustomData(manifest, { values } = {}) {
  return {
    $schema:
      'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: customElementsOf(manifest).map(({ decl }) => ({
      name: decl.tagName,
      description: {
        kind: 'markdown',
        value: [
          about(decl),
          markdownList('Events', decl.events),
          markdownList('Slots', decl.slots, (s) => (s.name ? `\`${s.name}\`` : '(default)')),
          markdownList('CSS parts', decl.cssParts),
          markdownList('CSS custom properties', decl.cssProperties),
        ]
          .filter(Boolean)
          .join('\n\n'),
      },
      attributes: (decl.attributes ?? []).map((attribute) => {
        const accepts = attributeKind(decl, attribute, values);
        const text = withDefault(attribute.description, valueDefault(attribute, accepts));
        return {
          name: attribute.name,
          ...(text && { description: { kind: 'markdown', value: text } }),
          ...(accepts.kind === 'enum' && { values: accepts.values.map((name) => ({ name })) }),
          // "v": a valueless (boolean) attribute, in VS Code's built-in value sets.
          ...(accepts.kind === 'boolean' && { valueSet: 'v' }),
        };
      }),
    })),
  };
}

const named = ({ name, description }) => ({ name, ...(description && { description }) });

/**
 * JetBrains web-types: generic HTML elements (no `framework`, so they complete in plain HTML as
 * well as in Lit templates) with their attributes, slots, properties, events, CSS properties and
 * parts.
 *
 * @param {object} manifest A Custom Elements Manifest.
 * @param {{
 *   name: string,
 *   version: string,
 *   entry?: string,
 *   values?: (decl: object, attribute: object) => string[] | undefined,
 * }} options `name` and `version` of the package; `entry`, the manifest path of the module the
 *   package's main entry is, whose exports the IDE can navigate to.
 */
export function toWebTypes(manifest, { name, version, entry, values }) {
  const exported = new Set(
    manifest.modules.find((m) => m.path === entry)?.exports?.map((e) => e.name) ?? [],
  );
  return {
    $schema: 'http://json.schemastore.org/web-types',
    name,
    version,
    'js-types-syntax': 'typescript',
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: customElementsOf(manifest).map(({ decl }) => {
          const properties = (decl.members ?? []).filter(
            (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public',
          );
          const slots = (decl.slots ?? []).filter((s) => s.name);
          const css = {
            ...(decl.cssProperties?.length && {
              properties: decl.cssProperties.map((p) => ({
                name: p.name,
                description: withDefault(p.description, p.default),
              })),
            }),
            ...(decl.cssParts?.length && { parts: decl.cssParts.map(named) }),
          };
          return {
            name: decl.tagName,
            description: about(decl),
            ...(exported.has(decl.name) && { source: { symbol: decl.name } }),
            attributes: (decl.attributes ?? []).map((attribute) => {
              const accepts = attributeKind(decl, attribute, values);
              const value = valueDefault(attribute, accepts);
              return {
                ...named(attribute),
                ...(value !== undefined && { default: value }),
                value:
                  accepts.kind === 'enum'
                    ? { kind: 'plain', type: 'enum' }
                    : { type: accepts.kind },
                ...(accepts.kind === 'enum' && {
                  values: accepts.values.map((v) => ({ name: v })),
                }),
              };
            }),
            ...(slots.length && { slots: slots.map(named) }),
            js: {
              properties: properties.map((p) => ({
                ...named(p),
                ...(p.type?.text && { type: p.type.text }),
                ...(p.readonly && { 'read-only': true }),
              })),
              ...(decl.events?.length && {
                events: decl.events.map((e) => ({
                  ...named(e),
                  ...(e.type?.text && { type: e.type.text }),
                })),
              }),
            },
            ...(Object.keys(css).length && { css }),
          };
        }),
      },
    },
  };
}
