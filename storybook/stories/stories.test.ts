// Every story renders in Chromium as Storybook would show it: the elements upgrade and draw
// from the stories' data, no number reads NaN, Infinity or undefined, axe finds no violation,
// and every element of the package has at least one story.
import { expect, fixture } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { deepElements, deepText, until } from '../../packages/elements/src/testing/helpers.js';
import { describe, it } from '../../packages/elements/src/testing/mocha.js';
// What Storybook's preview registers (every element) comes first, as in Storybook. The preview
// itself also hands Storybook the manifest, through modules only Storybook's Vite build loads
// (coverage.test.ts checks that it does).
import './define-all.js';
import { type StoryModule, storyModules } from './all-stories.js';
import type { DisplayArgs } from './args.js';

// The portfolio's virtualiser measures rows with a ResizeObserver; Chromium reports the benign
// "ResizeObserver loop completed with undelivered notifications" (w3c/csswg-drafts#5488), which
// mocha would count as a failure. Only that notice is ignored, as in the portfolio's own tests.
window.addEventListener('error', (event) => {
  if (!/ResizeObserver loop/.test(event.message)) return;
  event.stopImmediatePropagation();
  event.preventDefault();
});

interface RenderableStory {
  readonly args?: Partial<DisplayArgs>;
  readonly render: (args: DisplayArgs) => TemplateResult;
}

const isStory = (value: unknown): value is RenderableStory =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { render?: unknown }).render === 'function';

const modules: readonly StoryModule[] = Object.values(storyModules);

const stories = modules.flatMap((m) =>
  Object.entries(m)
    .filter((entry): entry is [string, RenderableStory] => isStory(entry[1]))
    .map(([name, story]) => ({ title: `${m.default.title}/${name}`, story, meta: m.default })),
);

const customElementsIn = (root: Element) =>
  deepElements(root).filter((e) => e.localName.includes('-')) as LitElement[];

describe('Storybook stories', () => {
  it('cover every element of @cscx/success-elements', async () => {
    const manifest = (await (await fetch('/packages/elements/custom-elements.json')).json()) as {
      modules: { declarations?: { tagName?: string }[] }[];
    };
    const tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => (d.tagName ? [d.tagName] : []))
      .filter((t) => t !== 'success-provider');
    expect(tags.length).to.be.greaterThan(8);
    const rendered = new Set<string>();
    for (const { story, meta } of stories) {
      const el = await fixture(story.render({ ...meta.args, ...story.args } as DisplayArgs));
      for (const c of customElementsIn(el)) rendered.add(c.localName);
      el.remove();
    }
    for (const t of tags) expect([...rendered], `a story showing <${t}>`).to.include(t);
  });

  for (const { title, story, meta } of stories) {
    it(`${title} renders its data accessibly, with no NaN, Infinity or undefined`, async () => {
      const el = await fixture(story.render({ ...meta.args, ...story.args } as DisplayArgs));
      const elements = customElementsIn(el);
      expect(elements.length).to.be.greaterThan(0);
      for (const c of elements) {
        expect(customElements.get(c.localName), `<${c.localName}> is defined`).to.not.equal(
          undefined,
        );
        await c.updateComplete;
      }
      await until(
        () => elements.every((c) => (c.shadowRoot?.childElementCount ?? 0) > 0),
        'every element drew something',
      );
      const text = deepText(el);
      expect(text.trim().length).to.be.greaterThan(0);
      expect(text).to.not.match(/\bNaN\b|Infinity|undefined/);
      await expect(el).to.be.accessible();
    });
  }

  it('Tools/PortfolioParentCollapsed and PortfolioParentExpanded show the parent closed and open', async () => {
    const shown = async (title: string) => {
      const { story, meta } = stories.find((s) => s.title === title)!;
      const el = await fixture(story.render({ ...meta.args, ...story.args } as DisplayArgs));
      const portfolio = el.querySelector('success-portfolio')!;
      await until(
        () => portfolio.shadowRoot?.querySelector('button.disclosure') != null,
        'the parent row',
      );
      return portfolio;
    };
    const names = (p: Element) =>
      [...p.shadowRoot!.querySelectorAll('.body [role="row"]')].map((r) => r.textContent ?? '');
    const collapsed = await shown('Tools/PortfolioParentCollapsed');
    const closed = collapsed.shadowRoot!.querySelector('button.disclosure')!;
    expect(closed.getAttribute('aria-expanded')).to.equal('false');
    expect(names(collapsed).some((n) => n.includes('Jasper Studios Berlin'))).to.equal(false);
    // Off screen, a virtualised grid draws no rows: one story on the page at a time.
    collapsed.parentElement!.remove();
    const expanded = await shown('Tools/PortfolioParentExpanded');
    await until(
      () => names(expanded).some((n) => n.includes('Jasper Studios Osaka')),
      'the children under the parent',
    );
    const open = expanded.shadowRoot!.querySelector('button.disclosure')!;
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    // Right under the parent's row, its three children in name order.
    const rows = [...expanded.shadowRoot!.querySelectorAll('.body [role="row"]')];
    const at = rows.findIndex((r) => r.querySelector('button.disclosure') !== null);
    expect(rows[at]!.textContent).to.include('Jasper Studios');
    const under = rows.slice(at + 1, at + 4).map((r) => r.textContent ?? '');
    for (const [i, city] of ['Berlin', 'Lyon', 'Osaka'].entries())
      expect(under[i]).to.include(`Jasper Studios ${city}`);
  });

  it('Dashboard/KpisStale and KpisError show the states they are named after', async () => {
    const shown = async (title: string) => {
      const { story, meta } = stories.find((s) => s.title === title)!;
      const el = await fixture(story.render({ ...meta.args, ...story.args } as DisplayArgs));
      return el.querySelector('success-kpis')!;
    };
    const stale = await shown('Dashboard/KpisStale');
    await until(() => deepText(stale).includes('The latest refresh failed'), 'stale notice');
    expect(deepText(stale)).to.include('Net revenue retention');
    const error = await shown('Dashboard/KpisError');
    await until(() => deepText(error).includes('Internal server error'), 'error state');
    expect(error.shadowRoot!.querySelector('[role="alert"] button')).to.exist;
  });
});
