// Issue 14's layout rule for the customer dashboard's elements: from a 320 px phone to a 1920 px
// screen, nothing leaves its box and no number wraps inside itself ("$6,656,2 / 05"). Each
// element is rendered in a container of each width (the elements size by container queries, so
// the container's width is what they answer to), in en-US and in de-DE, whose money is longer
// ("285.000 $").
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import './define/all.js';
import { whenLocaleReady } from './localize.js';
import {
  acmeFiveGoals,
  acmeMetrics,
  alertsExample,
  benchmarksExample,
  globexAccount,
  healthExample,
  kpisExample,
  scoreExample,
  valueExample,
} from './testing/fixtures.js';
import { deepElements, until } from './testing/helpers.js';
import { describe, it } from './testing/mocha.js';
// The portfolio's virtualiser: its benign ResizeObserver notice is not a failure.
import './testing/resize-notice.js';
import type { CustomerSuccessSummary } from './types.js';

// Every 16 px, so no breakpoint of a container query is skipped (and 390, a phone).
const WIDTHS = [390, ...Array.from({ length: 101 }, (_, i) => 320 + i * 16)];
const LOCALES = ['en-US', 'de-DE'];

/** Acme's dashboard with PRD-165's five goals. */
function acmeDashboard() {
  const m = acmeMetrics();
  m.goals = acmeFiveGoals();
  return m;
}

/** 38 customers whose values add up to millions, as the demo's manager portfolio does. */
function portfolio(): CustomerSuccessSummary[] {
  return Array.from({ length: 38 }, (_, i) => ({
    customer_id: `cus_${String(i).padStart(4, '0')}`,
    name: i === 0 ? 'Northwind Traders International Holdings' : `Customer ${i}`,
    segment: (['enterprise', 'mid_market', 'smb'] as const)[i % 3]!,
    csm_id: i % 2 ? 'csm_riley' : 'csm_morgan',
    currency: 'USD',
    goals_total: 5,
    goals_achieved: i % 4,
    goals_at_risk: i % 2,
    achievement_rate: ((i % 4) / 5) * 100,
    success_score: 50 + (i % 50),
    success_band: i % 50 >= 30 ? 'strong' : i % 50 >= 10 ? 'moderate' : 'weak',
    health_score: i % 7 === 0 ? null : 40 + i,
    health_band:
      i % 7 === 0 ? null : (['critical', 'at_risk', 'good', 'excellent'] as const)[i % 4]!,
    roi_multiplier: 1 + (i % 9) * 1.37,
    // Adds up to $6,656,205, the demo portfolio's total that wrapped.
    total_value: 175_163 + (i === 0 ? 11 : 0),
    last_updated: new Date(Date.UTC(2026, 10, 1 + (i % 28))).toISOString(),
    parent_id: null,
    children_count: 0,
  }));
}

const ELEMENTS: Record<string, (locale: string) => TemplateResult> = {
  'success-portfolio': (l) =>
    html`<success-portfolio locale=${l} .customers=${portfolio()}></success-portfolio>`,
  'success-overview': (l) =>
    html`<success-overview locale=${l} .data=${acmeDashboard()}></success-overview>`,
  'success-value': (l) =>
    html`<success-value locale=${l} currency="USD" .value=${valueExample()}></success-value>`,
  'success-goals-table': (l) =>
    html`<success-goals-table locale=${l} .goals=${acmeFiveGoals()}></success-goals-table>`,
  'success-milestones': (l) =>
    html`<success-milestones locale=${l} .milestones=${globexAccount().upcoming_milestones}></success-milestones>`,
  'success-score': (l) =>
    html`<success-score locale=${l} .score=${scoreExample()}></success-score>`,
  'success-kpis': (l) => html`<success-kpis locale=${l} .data=${kpisExample()}></success-kpis>`,
  'success-alerts': (l) =>
    html`<success-alerts locale=${l} .data=${alertsExample()}></success-alerts>`,
  'success-health': (l) =>
    html`<success-health locale=${l} .data=${healthExample()}></success-health>`,
  'success-benchmarks': (l) =>
    html`<success-benchmarks locale=${l} customer-name="Globex Corp" .benchmarks=${benchmarksExample()}></success-benchmarks>`,
};

/** The element's parent across shadow boundaries (a shadow root's host). */
function parentOf(e: Element): Element | null {
  if (e.assignedSlot) return e.assignedSlot;
  if (e.parentElement) return e.parentElement;
  const root = e.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** True when `e` or an ancestor up to `stop` clips or scrolls its overflow, or is out of flow. */
function contained(e: Element, stop: Element): boolean {
  for (let a: Element | null = e; a && a !== stop; a = parentOf(a)) {
    const s = getComputedStyle(a);
    if (s.position === 'absolute' || s.position === 'fixed') return true;
    if (a !== e && (s.overflowX !== 'visible' || s.overflowY !== 'visible')) return true;
  }
  return false;
}

const rounded = (r: DOMRect) =>
  `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;

function describeEl(e: Element): string {
  const cls = e.getAttribute('class');
  const part = e.getAttribute('part');
  return `<${e.localName}${cls ? ` class="${cls}"` : ''}${part ? ` part="${part}"` : ''}> "${(e.textContent ?? '').trim().slice(0, 40)}"`;
}

/** Boxes that stick out of their parent's (unless something on the way clips or scrolls). */
function overflowing(container: Element): string[] {
  const out: string[] = [];
  for (const e of deepElements(container)) {
    if (e === container || e.localName === 'style' || e.localName === 'slot') continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (getComputedStyle(e).visibility === 'hidden') continue;
    const p = parentOf(e);
    if (!p || contained(e, container)) continue;
    // A visually hidden text (1 px, clipped) is for screen readers: not a box on screen.
    if (r.width <= 1 && r.height <= 1) continue;
    const box = (
      getComputedStyle(p).display === 'contents' ? container : p
    ).getBoundingClientRect();
    if (r.left < box.left - 1 || r.right > box.right + 1) {
      out.push(`${describeEl(e)} ${rounded(r)} leaves ${describeEl(p)} ${rounded(box)}`);
    } else if (
      !getComputedStyle(e).display.startsWith('inline') &&
      e.scrollWidth > e.clientWidth + 1 &&
      e.clientWidth > 0
    ) {
      // Its own text runs out of it (a box that does not clip: text sticking out on screen).
      out.push(`${describeEl(e)}: its content is ${e.scrollWidth} px wide in ${e.clientWidth} px`);
    }
  }
  return out;
}

// A number as the formatters write it: optional sign and currency, digits with group and decimal
// separators (narrow and non-breaking spaces included), an optional unit glued to it.
const NUMBER =
  /[+\-−]?[$€£¥]?\d[\d.,\u00a0\u202f]*\d?(?:[\u00a0\u202f]?(?:[%x$€£¥]|[KMB](?![a-z])))?/gu;

/** Numbers whose characters fall on more than one line. */
function wrappedNumbers(container: Element): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.textContent ?? '';
        for (const m of text.matchAll(NUMBER)) {
          if (m[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(child, m.index);
          range.setEnd(child, m.index + m[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) {
            out.push(
              `"${m[0]}" in ${describeEl(child.parentElement ?? container)} on ${lines.size} lines`,
            );
          }
        }
      } else if (child instanceof Element && child.localName !== 'style') visit(child);
    }
  };
  visit(container);
  return out;
}

/** Renders `name` in `locale` in a 320 px wide container, its lazy parts arrived. */
async function mount(name: string, locale: string): Promise<[HTMLDivElement, Element]> {
  await whenLocaleReady(locale);
  const wrap = await fixture<HTMLDivElement>(
    // The demo page's font stack (DejaVu Sans here: wider digits than the browser's default
    // serif, which hid "$6,656,2 / 05").
    html`<div style="width: 320px; font-family: system-ui, sans-serif">${ELEMENTS[name]!(locale)}</div>`,
  );
  const el = wrap.firstElementChild!;
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  // The portfolio's grid and the KPI tiles are lazy parts: wait for them.
  if (name === 'success-portfolio') {
    await until(() => deepElements(el).some((e) => e.getAttribute('role') === 'row'), 'rows');
  }
  if (name === 'success-kpis' || name === 'success-alerts') {
    await until(() => deepElements(el).some((e) => e.localName === 'li'), 'tiles');
  }
  return [wrap, el];
}

describe('layout from 320 px to 1920 px', () => {
  for (const [name, render] of Object.entries(ELEMENTS)) {
    it(`${name}: no box leaves its parent and no number wraps, at every width, in en-US and de-DE`, async () => {
      const problems: string[] = [];
      for (const locale of LOCALES) {
        await whenLocaleReady(locale);
        const wrap = await fixture<HTMLDivElement>(
          // The demo page's font stack (DejaVu Sans here: wider digits than the browser's default
          // serif, which hid "$6,656,2 / 05").
          html`<div style="width: 320px; font-family: system-ui, sans-serif">${render(locale)}</div>`,
        );
        const el = wrap.firstElementChild!;
        await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        // The portfolio's grid and the KPI tiles are lazy parts: wait for them.
        if (name === 'success-portfolio') {
          await until(() => deepElements(el).some((e) => e.getAttribute('role') === 'row'), 'rows');
        }
        if (name === 'success-kpis' || name === 'success-alerts') {
          await until(() => deepElements(el).some((e) => e.localName === 'li'), 'tiles');
        }
        for (const width of WIDTHS) {
          wrap.style.width = `${width}px`;
          // Layout is synchronous on read; container queries apply on that same layout.
          wrap.getBoundingClientRect();
          for (const p of [...overflowing(wrap), ...wrappedNumbers(wrap)]) {
            problems.push(`${locale} ${width}px: ${p}`);
          }
        }
      }
      expect(problems, problems.slice(0, 12).join('\n')).to.deep.equal([]);
    });
  }
});

// Right to left: Arabic (no shipped catalogue: English words, Arabic digits) lays the elements
// out mirrored, and nothing leaves its box. Fewer widths than above: the boxes are the same
// ones, mirrored; the breakpoints are what can differ.
const RTL_WIDTHS = [320, 390, 600, 768, 1024, 1280, 1920];

describe('layout right to left (ar-EG)', () => {
  it('the overview is mirrored: its header starts at the right, its first card is rightmost', async () => {
    const [wrap, el] = await mount('success-overview', 'ar-EG');
    wrap.style.width = '1280px';
    expect(el.getAttribute('dir')).to.equal('rtl');
    const root = el.shadowRoot!;
    const box = el.getBoundingClientRect();
    const heading = root.querySelector('header h2')!.getBoundingClientRect();
    expect(box.right - heading.right, 'heading at the right edge').to.be.lessThan(40);
    expect(heading.left - box.left, 'heading away from the left edge').to.be.greaterThan(40);
    const cards = [...root.querySelectorAll('.cards > .card')].map((c) =>
      c.getBoundingClientRect(),
    );
    expect(cards.length).to.be.greaterThan(1);
    expect(cards[0]!.left, 'first card right of the second').to.be.greaterThan(cards[1]!.left);
  });

  for (const name of Object.keys(ELEMENTS)) {
    it(`${name}: no box leaves its parent and no number wraps, right to left`, async () => {
      const [wrap] = await mount(name, 'ar-EG');
      const problems: string[] = [];
      for (const width of RTL_WIDTHS) {
        wrap.style.width = `${width}px`;
        wrap.getBoundingClientRect();
        for (const p of [...overflowing(wrap), ...wrappedNumbers(wrap)]) {
          problems.push(`ar-EG ${width}px: ${p}`);
        }
      }
      expect(problems, problems.slice(0, 12).join('\n')).to.deep.equal([]);
    });
  }
});
