import { expect, fixture, html } from '@open-wc/testing';
import { type CSSResult, css, LitElement, html as litHtml } from 'lit';
import { LazyPart } from './lazy-part.js';
import { until } from './testing/helpers.js';
import { describe, it } from './testing/mocha.js';

/** What a lazily loaded module of a real element exports: a part class and its styles. */
interface PartModule {
  readonly Part: typeof Part;
  readonly styles: CSSResult;
}

class Part {
  /** Whether the part's styles were on the host's shadow root when it first rendered. */
  styledAtFirstRender: boolean | undefined;

  constructor(
    readonly host: LitElement,
    readonly styles: CSSResult,
  ) {}

  render() {
    this.styledAtFirstRender ??= adopted(this.host, this.styles);
    return litHtml`<p class="part">part</p>`;
  }
}

function adopted(host: LitElement, styles: CSSResult): boolean {
  const sheet = styles.styleSheet;
  return !!sheet && !!host.shadowRoot?.adoptedStyleSheets.includes(sheet);
}

/** A module loader whose imports the test settles by hand, counting how often it was asked. */
function controlledLoader() {
  const calls: { resolve: () => void; reject: () => void }[] = [];
  const module: PartModule = { Part, styles: css`.part { color: rgb(1, 2, 3); }` };
  const load = () =>
    new Promise<PartModule>((resolve, reject) => {
      calls.push({ resolve: () => resolve(module), reject: () => reject(new Error('offline')) });
    });
  return { load, calls, module };
}

let hosts = 0;

/** A host element that uses the controller as the real elements do. */
function defineHost(load: () => Promise<PartModule>) {
  class Host extends LitElement {
    renders = 0;
    readonly lazy = new LazyPart(this, {
      load,
      create: (m) => new m.Part(this, m.styles),
      styles: (m) => [m.styles],
    });

    protected override getUpdateComplete(): Promise<boolean> {
      return this.lazy.updateComplete(() => super.getUpdateComplete());
    }

    protected override render() {
      this.renders++;
      return this.lazy.render((p) => p.render(), {
        loading: () => litHtml`<p class="loading">loading</p>`,
        failed: (retry) => litHtml`<button class="retry" @click=${retry}>Retry</button>`,
      });
    }
  }
  const tag = `lazy-part-host-${++hosts}`;
  customElements.define(tag, Host);
  return tag;
}

async function mount(tag: string) {
  const el = document.createElement(tag) as LitElement & {
    renders: number;
    lazy: LazyPart<PartModule, Part>;
  };
  await fixture(html`<div></div>`).then((d) => d.append(el));
  return el;
}

const shows = (el: LitElement, selector: string) => !!el.shadowRoot?.querySelector(selector);

describe('LazyPart', () => {
  it('imports the module once for two hosts and renders the part in both', async () => {
    const { load, calls } = controlledLoader();
    const tag = defineHost(load);
    const a = await mount(tag);
    const b = await mount(tag);
    await until(() => shows(a, '.loading') && shows(b, '.loading'), 'both loading');
    expect(calls.length).to.equal(1);
    calls[0]?.resolve();
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(shows(a, '.part')).to.equal(true);
    expect(shows(b, '.part')).to.equal(true);
    expect(calls.length).to.equal(1);
  });

  it('renders the part on the first render of a host created after the module arrived', async () => {
    const { load, calls } = controlledLoader();
    const tag = defineHost(load);
    const first = await mount(tag);
    await until(() => calls.length === 1, 'import started');
    calls[0]?.resolve();
    await first.updateComplete;

    const later = document.createElement(tag) as LitElement & { renders: number };
    document.body.append(later);
    try {
      // One render, straight to the part: no loading state, no second import.
      await later.updateComplete;
      expect(later.renders).to.equal(1);
      expect(shows(later, '.part')).to.equal(true);
      expect(calls.length).to.equal(1);
    } finally {
      later.remove();
    }
  });

  it('asks the host to update when the part arrives', async () => {
    const { load, calls } = controlledLoader();
    const el = await mount(defineHost(load));
    await until(() => calls.length === 1, 'import started');
    const before = el.renders;
    calls[0]?.resolve();
    // Nothing but the controller requests this render.
    await until(() => shows(el, '.part'), 'part rendered');
    expect(el.renders).to.equal(before + 1);
  });

  it('adopts the part styles before the part first renders', async () => {
    const { load, calls, module } = controlledLoader();
    const el = await mount(defineHost(load));
    await until(() => calls.length === 1, 'import started');
    calls[0]?.resolve();
    await el.updateComplete;
    expect(el.lazy.value?.styledAtFirstRender).to.equal(true);
    const p = el.shadowRoot?.querySelector('.part');
    expect(p && getComputedStyle(p).color).to.equal('rgb(1, 2, 3)');
    expect(adopted(el, module.styles)).to.equal(true);
  });

  it('shows the failed state after a failed import and loads afresh on retry', async () => {
    const { load, calls } = controlledLoader();
    const el = await mount(defineHost(load));
    await until(() => calls.length === 1, 'import started');
    calls[0]?.reject();
    // updateComplete waits for the attempt and the render of its outcome.
    await el.updateComplete;
    expect(el.lazy.failed).to.equal(true);
    expect(el.lazy.value).to.equal(undefined);
    expect(shows(el, '.retry')).to.equal(true);

    el.shadowRoot?.querySelector<HTMLButtonElement>('.retry')?.click();
    await until(() => shows(el, '.loading'), 'loading again');
    expect(calls.length).to.equal(2);
    expect(el.lazy.failed).to.equal(false);
    calls[1]?.resolve();
    await el.updateComplete;
    expect(shows(el, '.part')).to.equal(true);
  });

  it('lets a method call load the part before the host is connected', async () => {
    const { load, calls, module } = controlledLoader();
    const tag = defineHost(load);
    const el = document.createElement(tag) as LitElement & { lazy: LazyPart<PartModule, Part> };
    const loading = el.lazy.load();
    calls[0]?.resolve();
    const part = await loading;
    expect(part).to.be.instanceOf(Part);
    expect(el.lazy.value).to.equal(part);
    // The shadow root appears on connect; the styles that arrived earlier are adopted then.
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(adopted(el, module.styles)).to.equal(true);
      expect(shows(el, '.part')).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('keeps the styles of two parts on one host', async () => {
    const one = controlledLoader();
    const two = controlledLoader();
    class TwoParts extends LitElement {
      readonly a = new LazyPart(this, {
        load: one.load,
        create: (m) => new m.Part(this, m.styles),
        styles: (m) => [m.styles],
      });
      readonly b = new LazyPart(this, {
        load: two.load,
        create: (m) => new m.Part(this, m.styles),
        styles: (m) => [m.styles],
      });
    }
    customElements.define(`lazy-part-two-${++hosts}`, TwoParts);
    const el = new TwoParts();
    document.body.append(el);
    try {
      const loads = [el.a.load(), el.b.load()];
      one.calls[0]?.resolve();
      two.calls[0]?.resolve();
      await Promise.all(loads);
      expect(adopted(el, one.module.styles)).to.equal(true);
      expect(adopted(el, two.module.styles)).to.equal(true);
    } finally {
      el.remove();
    }
  });
});
