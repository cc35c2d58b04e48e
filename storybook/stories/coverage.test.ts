// Every state of every element has a story, named by the convention of storybook/stories/args.ts
// (`parameters: { element, states }`), read against packages/elements/custom-elements.json; the
// manifest has a description for every element and each of its public attributes and fields
// (what Storybook's autodocs show); and every named export of a stories module is a story.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { deepElements, deepText, until } from '../../packages/elements/src/testing/helpers.js';
import { describe, it } from '../../packages/elements/src/testing/mocha.js';
import './define-all.js';
import { storyModules } from './all-stories.js';
import { type DisplayArgs, displayArgs, requiredStates, type StoryState } from './args.js';

interface Member {
  readonly kind: string;
  readonly name: string;
  readonly privacy?: string;
  readonly static?: boolean;
  readonly description?: string;
}
interface Declaration {
  readonly tagName?: string;
  readonly description?: string;
  readonly attributes?: readonly { readonly name: string; readonly description?: string }[];
  readonly members?: readonly Member[];
}
interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly Declaration[] }[];
}

const modules = storyModules;

interface StoryShape {
  readonly render?: (args: DisplayArgs) => TemplateResult;
  readonly args?: unknown;
  readonly parameters?: { readonly element?: string; readonly states?: readonly StoryState[] };
}
const isStoryObject = (v: unknown): v is StoryShape =>
  typeof v === 'object' && v !== null && typeof (v as StoryShape).render === 'function';

const manifest = async (): Promise<readonly Declaration[]> => {
  const m = (await (await fetch('/packages/elements/custom-elements.json')).json()) as Manifest;
  return m.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.tagName);
};

describe('Storybook coverage', () => {
  it('has a story for every required state of every element in custom-elements.json', async () => {
    const tags = (await manifest()).map((d) => d.tagName as string);
    const shown = new Set<string>();
    for (const mod of Object.values(modules)) {
      for (const story of Object.values(mod)) {
        if (!isStoryObject(story)) continue;
        const { element, states: s = [] } = story.parameters ?? {};
        for (const state of s) shown.add(`${element} ${state}`);
      }
    }
    const missing = tags.flatMap((tag) =>
      (requiredStates[tag] ?? [])
        .filter((s) => !shown.has(`${tag} ${s}`))
        .map((s) => `${tag} ${s}`),
    );
    expect(missing, 'stories missing').to.deep.equal([]);
    // Every element of the manifest is in the mapping, so a new element cannot go unnoticed.
    for (const tag of tags) expect(Object.keys(requiredStates), tag).to.include(tag);
  });

  it('describes every element, attribute and public field in custom-elements.json', async () => {
    const undocumented: string[] = [];
    for (const d of await manifest()) {
      if (!d.description?.trim()) undocumented.push(`<${d.tagName}>`);
      for (const a of d.attributes ?? []) {
        if (!a.description?.trim()) undocumented.push(`<${d.tagName} ${a.name}>`);
      }
      for (const m of d.members ?? []) {
        if (m.kind !== 'field' || m.privacy === 'private' || m.privacy === 'protected') continue;
        if (m.static || m.name.startsWith('#') || m.name.startsWith('_')) continue;
        if (!m.description?.trim()) undocumented.push(`<${d.tagName}>.${m.name}`);
      }
    }
    expect(undocumented, 'undocumented in custom-elements.json').to.deep.equal([]);
  });

  it("gives Storybook's autodocs the manifest (storybook/.storybook/preview.ts)", async () => {
    const preview = await (await fetch('/storybook/.storybook/preview.ts')).text();
    // The dev server serves it transformed (double quotes, no import attributes).
    expect(preview).to.match(
      /import manifest from ["'][./]*packages\/elements\/custom-elements\.json["']/,
    );
    expect(preview).to.include('setCustomElementsManifest(manifest)');
    expect(preview).to.match(/tags: \[["']autodocs["']\]/);
    const main = await (await fetch('/storybook/.storybook/main.ts')).text();
    expect(main, 'the docs addon is on').to.match(/addons: \[["']@storybook\/addon-docs["']\]/);
    // Each stories module's meta names the element its docs page documents.
    const tags = new Set((await manifest()).map((d) => d.tagName));
    for (const [file, mod] of Object.entries(modules)) {
      const component = (mod.default as { component?: string } | undefined)?.component;
      expect(component, `${file}.stories.ts meta.component`).to.be.a('string');
      expect(tags.has(component), `${file}: <${component}> is in the manifest`).to.equal(true);
    }
    // Every element has a docs page: some stories module's meta documents it.
    const documented = new Set(
      Object.values(modules).map((mod) => (mod.default as { component?: string }).component),
    );
    const undocumented = [...tags].filter((t) => !documented.has(t));
    expect(undocumented, 'elements without a docs page').to.deep.equal([]);
  });

  it('exports only stories (and the default meta) from every stories module', () => {
    for (const [file, mod] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(mod)) {
        if (name === 'default') continue;
        expect(isStoryObject(value), `${file}.stories.ts exports ${name}, not a story`).to.equal(
          true,
        );
      }
    }
  });

  // What each state looks like once the story settles, in the shared state helpers' words.
  const looksLike: Partial<Record<StoryState, (root: Element) => boolean>> = {
    loading: (root) => deepElements(root).some((e) => e.classList.contains('skeleton')),
    error: (root) => deepText(root).includes('Internal server error'),
    // The portfolio's stale state: the first page's figures kept above the problem.
    stale: (root) =>
      deepText(root).includes('The latest refresh failed') ||
      (deepText(root).includes('Internal server error') && deepText(root).includes('Total value')),
  };
  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, story] of Object.entries(mod)) {
      if (!isStoryObject(story) || !story.render) continue;
      const { element, states: shows = [] } = story.parameters ?? {};
      if (!element || shows.length === 0) continue;
      const render = story.render;
      it(`${file}/${name} shows <${element}> ${shows.join(', ')}, with no console error`, async () => {
        const logged: string[] = [];
        const original = { error: console.error, warn: console.warn };
        console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
        console.warn = (...args: unknown[]) => logged.push(args.map(String).join(' '));
        try {
          const el = await fixture(
            render({ ...displayArgs, ...(story.args ?? {}) } as DisplayArgs),
          );
          for (const state of shows) {
            const check = looksLike[state];
            if (check)
              await until(() => check(el), `${name} shows ${state}`).catch((e: unknown) => {
                throw new Error(`${String(e)}: ${deepText(el).slice(0, 600)}`);
              });
            else {
              await until(() => deepText(el).trim().length > 0, `${name} shows data`);
              expect(deepText(el), `${name} shows no error`).to.not.include(
                'Internal server error',
              );
            }
          }
          el.remove();
        } finally {
          console.error = original.error;
          console.warn = original.warn;
        }
        expect(logged, 'console errors and warnings').to.deep.equal([]);
      });
    }
  }
});
