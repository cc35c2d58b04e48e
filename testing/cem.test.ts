// The elements' generated metadata (scripts/generate-cem.mjs) covers the whole kit:
// custom-elements.json, from @custom-elements-manifest/analyzer and the classes' JSDoc, names
// every element with the custom properties its styles really read and its typed events, and the
// editor files made from it (VS Code custom data, web-types) list every element.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TAGS = [
  'goal-editor',
  'goal-progress',
  'success-alerts',
  'success-benchmarks',
  'success-goals-table',
  'success-health',
  'success-kpis',
  'success-milestones',
  'success-overview',
  'success-portfolio',
  'success-provider',
  'success-score',
  'success-trend-chart',
  'success-value',
] as const;

const elementsDir = new URL('../packages/elements/', import.meta.url);
const srcDir = new URL('src/', elementsDir);
const text = (url: URL) => readFileSync(url, 'utf8');
const json = <T>(name: string) => JSON.parse(text(new URL(name, elementsDir))) as T;

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: (Named & { fieldName?: string })[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: (Named & { default?: string })[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest = json<Manifest>('custom-elements.json');
const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .flatMap((d) => (d.tagName ? [[d.tagName, d] as const] : [])),
);
const element = (tag: string): Declaration => {
  const d = elements.get(tag);
  if (!d) throw new Error(`<${tag}> is not in custom-elements.json`);
  return d;
};

/** Each element's folder in src/ (the convention: one component per folder). */
const folderOf = (tag: string) => (tag === 'success-provider' ? 'provider' : tag);

/** The colour token names, from `lightColors` in styles/tokens.ts. */
function colorTokens(): string[] {
  const source = text(new URL('styles/tokens.ts', srcDir));
  const body = /export const lightColors = \{([\s\S]*?)\n\} as const;/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s*'?([a-z][a-z-]*)'?:\s*'#/gm)].map((m) => m[1]!);
}

/** Every `--success-*` property a stylesheet reads with `var()`, templated names expanded. */
function customPropertiesRead(css: string): string[] {
  return [...css.matchAll(/var\(\s*(--success-[a-z0-9-]*)(\$\{)?/g)].flatMap((m) =>
    m[2] ? colorTokens().map((t) => `${m[1]}${t}`) : [m[1]!],
  );
}

const stylesFiles = (dir: URL): URL[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? stylesFiles(new URL(`${e.name}/`, dir))
      : e.name.endsWith('.styles.ts')
        ? [new URL(e.name, dir)]
        : [],
  );

describe('custom-elements.json', () => {
  it('names every element of the kit, and only those', () => {
    expect([...elements.keys()].sort()).toEqual([...TAGS]);
  });

  it('lists each --success-* property the styles read on the elements whose styles read it', () => {
    // The shared tokens: every element that adopts tokenStyles honours all of them.
    const tokens = customPropertiesRead(text(new URL('styles/tokens.ts', srcDir)));
    expect(tokens).toContain('--success-color-surface');
    expect(tokens).toContain('--success-space');
    for (const tag of TAGS) {
      const source = text(new URL(`${folderOf(tag)}/${tag}.ts`, srcDir));
      if (!/static override styles = \[[^\]]*\btokenStyles\b/.test(source)) continue;
      const listed = element(tag).cssProperties?.map((p) => p.name) ?? [];
      for (const name of tokens) expect(listed, `<${tag}> lists ${name}`).toContain(name);
    }
    // An element's own stylesheets (its folder's *.styles.ts, lazily loaded parts included).
    const files = stylesFiles(srcDir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const folder = file.pathname.split('/').at(-2);
      const tag = TAGS.find((t) => folderOf(t) === folder);
      expect(tag, `${file.pathname} belongs to an element`).toBeDefined();
      const listed = element(tag!).cssProperties?.map((p) => p.name) ?? [];
      for (const name of customPropertiesRead(text(file))) {
        expect(listed, `<${tag}> lists ${name} (read in ${file.pathname})`).toContain(name);
      }
    }
  });

  it('names real custom properties only, never a placeholder (--success-color-<token>)', () => {
    for (const [tag, d] of elements) {
      for (const p of d.cssProperties ?? []) {
        expect(p.name, `a css property of <${tag}>`).toMatch(/^--success-[a-z0-9-]+$/);
      }
    }
    expect(element('success-overview').cssProperties?.map((p) => p.name)).toContain(
      '--success-color-accent',
    );
  });

  it('types each event as the CustomEvent events.ts gives it, and every event is success-*', () => {
    const source = text(new URL('events.ts', srcDir));
    const map = /interface SuccessEventDetails \{([\s\S]*?)\}/.exec(source)?.[1] ?? '';
    const details = new Map(
      [...map.matchAll(/'(success-[a-z-]+)': (\w+);/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(details.size).toBeGreaterThan(5);
    let events = 0;
    for (const [tag, d] of elements) {
      for (const e of d.events ?? []) {
        events++;
        expect(e.name, `an event of <${tag}>`).toMatch(/^success-[a-z-]+$/);
        expect(e.type?.text, `the type of ${e.name} on <${tag}>`).toBe(
          `CustomEvent<${details.get(e.name)}>`,
        );
      }
    }
    expect(events).toBeGreaterThan(10);
  });

  it('gives each data element its own attributes and those of SuccessElement', () => {
    for (const tag of TAGS.filter((t) => t !== 'success-provider')) {
      const names = element(tag).attributes?.map((a) => a.name) ?? [];
      expect(names, `<${tag}>`).toEqual(expect.arrayContaining(['theme', 'locale', 'currency']));
    }
    expect(element('success-provider').attributes?.map((a) => a.name)).toEqual(
      expect.arrayContaining(['base-url', 'token', 'locale', 'currency', 'theme']),
    );
    // Lit's internal state (`state: true`) is no attribute.
    expect(element('success-overview').attributes?.map((a) => a.name)).not.toContain('reportBusy');
    expect(element('success-overview').slots?.map((s) => s.name)).toEqual(['trends']);
    expect(element('goal-editor').cssParts?.map((p) => p.name)).toContain('error-summary');
  });
});

describe('editor data', () => {
  it('vscode.html-custom-data.json lists each tag, with the values of enum attributes', () => {
    const data = json<{
      version: number;
      tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[];
    }>('vscode.html-custom-data.json');
    expect(data.version).toBe(1.1);
    expect(data.tags.map((t) => t.name)).toEqual([...TAGS]);
    const theme = data.tags
      .find((t) => t.name === 'success-score')
      ?.attributes.find((a) => a.name === 'theme');
    expect(theme?.values?.map((v) => v.name)).toEqual(['auto', 'dark', 'light']);
  });

  it('web-types.json lists each tag with its events and css properties', () => {
    const data = json<{
      $schema: string;
      contributions: {
        html: {
          elements: {
            name: string;
            js: { events?: Named[] };
            css?: { properties?: Named[] };
          }[];
        };
      };
    }>('web-types.json');
    expect(data.$schema).toBe('http://json.schemastore.org/web-types');
    const listed = data.contributions.html.elements;
    expect(listed.map((e) => e.name)).toEqual([...TAGS]);
    const chart = listed.find((e) => e.name === 'success-trend-chart');
    expect(chart?.js.events?.map((e) => e.name)).toContain('success-chart-render');
    expect(chart?.css?.properties?.map((p) => p.name)).toContain('--success-chart-6');
  });
});
