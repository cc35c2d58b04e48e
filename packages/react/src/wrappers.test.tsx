// Every wrapper against its element, the element's events and public fields taken from
// custom-elements.json (generated from the classes' JSDoc). React.createElement rather than JSX:
// see success-overview.test.tsx.
import * as elements from '@cscx/success-elements';
import { SuccessEvents } from '@cscx/success-elements';
import { expect } from '@open-wc/testing';
import { type ComponentType, createRef, createElement as h } from 'react';
import { afterEach, describe, it } from '../../elements/src/testing/mocha.js';
import * as wrappers from './index.js';
import { mount, only, unmountAll } from './testing/render.js';

interface Manifest {
  modules: { declarations?: Declaration[] }[];
}
interface Declaration {
  name: string;
  tagName?: string;
  events?: { name: string }[];
  attributes?: { name: string; fieldName: string }[];
  members?: {
    kind: string;
    name: string;
    static?: boolean;
    privacy?: string;
    readonly?: boolean;
  }[];
}

const manifest = (await (
  await fetch('/packages/elements/custom-elements.json')
).json()) as Manifest;
const declarations = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d): d is Declaration & { tagName: string } => d.tagName !== undefined);

/** `success-goal-select` -> `onSuccessGoalSelect`. */
const propOf = (event: string) =>
  `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase())}`;

const allEvents: readonly string[] = Object.values(SuccessEvents);

/**
 * Events a wrapper offers beyond its element's own `@event`s: they come from the elements it
 * contains, and reach it because every `success-*` event bubbles and is composed.
 */
const bubbledIn: Record<string, readonly string[]> = {
  'success-overview': ['success-chart-render'],
  'goal-progress': ['success-chart-render'],
  'success-provider': allEvents,
};

// The wrappers' props are typed; these tests build them from the manifest, as strings.
type LooseProps = Record<string, unknown>;
const loose = (wrapper: unknown) => wrapper as ComponentType<LooseProps>;

const cases = declarations.map((d) => {
  const wrapper = (wrappers as Record<string, unknown>)[d.name];
  const elementClass = (elements as Record<string, unknown>)[d.name] as typeof HTMLElement;
  const own = (d.events ?? []).map((e) => e.name);
  const events = [...new Set([...own, ...(bubbledIn[d.tagName] ?? [])])];
  const fields = (d.members ?? [])
    // Readonly fields are the elements' DataControllers: machinery, not props.
    .filter((m) => m.kind === 'field' && !m.static && !m.readonly && m.privacy === undefined)
    .map((m) => m.name);
  const attributes = d.attributes ?? [];
  return { name: d.name, tag: d.tagName, wrapper, elementClass, events, fields, attributes };
});

describe('every wrapper', () => {
  afterEach(unmountAll);

  it('exists for each element of custom-elements.json, under the class name', () => {
    expect(cases.map((c) => c.name).sort()).to.deep.equal(
      [
        'GoalEditor',
        'GoalProgress',
        'SuccessAlerts',
        'SuccessBenchmarks',
        'SuccessGoalsTable',
        'SuccessHealth',
        'SuccessKpis',
        'SuccessMilestones',
        'SuccessOverview',
        'SuccessPortfolio',
        'SuccessProvider',
        'SuccessScore',
        'SuccessTrendChart',
        'SuccessValue',
      ],
      'a new element needs a wrapper',
    );
    for (const c of cases) expect(c.wrapper, c.name).to.exist;
  });

  for (const c of cases) {
    it(`<${c.name}> renders an upgraded <${c.tag}>, and its ref is that element`, async () => {
      const ref = createRef<HTMLElement>();
      const m = await mount(h(loose(c.wrapper), { ref }));
      const el = only(m, c.tag as keyof HTMLElementTagNameMap);
      expect(customElements.get(c.tag)).to.equal(c.elementClass);
      expect(el).to.be.instanceOf(c.elementClass);
      expect(ref.current).to.equal(el);
      expect((c.wrapper as { displayName?: string }).displayName).to.equal(c.name);
    });

    it(`<${c.name}> routes each public field to the element property`, () => {
      // @lit/react sets a prop as a property when the class has it, else React gets it.
      for (const f of c.fields) expect(f in c.elementClass.prototype, f).to.equal(true);
    });

    it(`<${c.name}> sets string props as properties, never as attributes of their own`, async () => {
      const props = Object.fromEntries(c.attributes.map((a) => [a.fieldName, `probe-${a.name}`]));
      const m = await mount(h(loose(c.wrapper), props));
      const el = only(m, c.tag as keyof HTMLElementTagNameMap) as unknown as LooseProps &
        HTMLElement;
      for (const a of c.attributes)
        expect(el[a.fieldName], a.fieldName).to.equal(`probe-${a.name}`);
      // Only the element's own reflection may write attributes, under their declared names.
      const declared = c.attributes.map((a) => a.name);
      expect(el.getAttributeNames().filter((n) => !declared.includes(n))).to.deep.equal([]);
    });

    it(`<${c.name}> calls on… for each of its events, and only those`, async () => {
      const calls: string[] = [];
      const handlers = Object.fromEntries(
        allEvents.map((e) => [
          propOf(e),
          (event: Event) => calls.push(`${propOf(e)}:${event.type}`),
        ]),
      );
      const m = await mount(h(loose(c.wrapper), handlers));
      const el = only(m, c.tag as keyof HTMLElementTagNameMap);
      for (const e of allEvents) {
        el.dispatchEvent(new CustomEvent(e, { detail: {}, bubbles: true, composed: true }));
      }
      expect(calls).to.deep.equal(
        allEvents.filter((e) => c.events.includes(e)).map((e) => `${propOf(e)}:${e}`),
      );
    });
  }
});
