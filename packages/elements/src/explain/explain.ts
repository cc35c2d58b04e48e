import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { fillText, STATE_TEXT } from '../states.js';
import type { Explanation, Explanations } from '../types.js';

/** RFC 6901: `~` and `/` in a key are written `~0` and `~1` in a pointer. */
export function pointerOf(...keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const scoped = new WeakMap<Explanations, Map<string, Explanations | undefined>>();

/**
 * The explanations under `prefix`, keyed relative to it: what a part of a response (the goals,
 * the value delivered) passes to the element that shows that part. The same object for the same
 * arguments, so a child element is not updated for nothing; undefined when none are under it.
 *
 * @example
 * scopeExplanations(m.explanations, '/metrics/value_delivered')?.['/roi_multiplier']?.text;
 * // '$285,000 / $68,000 = 4.19 (shown 4.2x)'
 */
export function scopeExplanations(
  all: Explanations | undefined,
  prefix: string,
): Explanations | undefined {
  if (!all) return undefined;
  let cache = scoped.get(all);
  if (!cache) {
    cache = new Map();
    scoped.set(all, cache);
  }
  if (cache.has(prefix)) return cache.get(prefix);
  const out: Record<string, Explanation> = {};
  let found = false;
  for (const [key, e] of Object.entries(all)) {
    if (key.startsWith(`${prefix}/`)) {
      out[key.slice(prefix.length)] = e;
      found = true;
    }
  }
  const result = found ? out : undefined;
  cache.set(prefix, result);
  return result;
}

type Host = ReactiveControllerHost & HTMLElement;

let hosts = 0;

/**
 * The "How is this computed?" disclosures of one element: which are open, and their markup. A
 * real button (`aria-expanded`, `aria-controls`; Enter and Space as any button, Escape closes and
 * keeps focus on it) reveals the figure's explanation as text: the formula with the customer's
 * numbers, its inputs and the seed rule. Nothing is rendered for a figure without an explanation.
 *
 * @example
 * readonly #explain = new ExplainController(this);
 * html`${f.multiplier(v.roi_multiplier)} ${this.#explain.render(v.explanations, '/roi_multiplier', 'ROI')}`;
 */
export class ExplainController {
  readonly #host: Host;
  readonly #open = new Set<string>();
  readonly #id = `explain-${++hosts}`;
  readonly #format: (value: number) => string;

  /** `format` writes numeric inputs in the element's locale, e.g. `(v) => this.fmt.number(v)`. */
  constructor(host: Host, format: (value: number) => string = (v) => String(v)) {
    this.#host = host;
    this.#format = format;
  }

  /**
   * The disclosure of the figure at `pointer` in `explanations` (keyed as the element's data),
   * named for people by `figure` ("How is ROI computed?"); `nothing` without an explanation.
   * `key` tells apart two disclosures of the same pointer in one element.
   */
  render(
    explanations: Explanations | undefined,
    pointer: string,
    figure: string,
    key = '',
  ): unknown {
    const p = this.parts(explanations, pointer, figure, key);
    return p ? html`${p.button}${p.panel}` : nothing;
  }

  /**
   * The button and the panel apart, for a layout that puts the panel elsewhere (under a grid
   * row, after a list of totals); both must be rendered in the same shadow root.
   */
  parts(
    explanations: Explanations | undefined,
    pointer: string,
    figure: string,
    key = '',
  ): { button: TemplateResult; panel: TemplateResult } | undefined {
    const e = explanations?.[pointer];
    if (!e) return undefined;
    const slot = `${key}${pointer}`;
    const open = this.#open.has(slot);
    const id = `${this.#id}-${slot.replace(/[^\w-]/g, '_')}`;
    // A disclosure inside a clickable row (the goals table) opens, it does not choose the row.
    const toggle = (ev: Event) => {
      ev.stopPropagation();
      if (open) this.#open.delete(slot);
      else this.#open.add(slot);
      this.#host.requestUpdate();
    };
    const onEscape = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape' || !this.#open.has(slot)) return;
      ev.stopPropagation();
      this.#open.delete(slot);
      this.#host.requestUpdate();
      this.#host.shadowRoot?.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
    };
    const button = html`<button
        type="button"
        class="explain-toggle"
        part="explain-button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        title=${STATE_TEXT.howComputed}
        @click=${toggle}
        @keydown=${onEscape}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.4" />
          <path d="M8 7.2v4M8 4.6v.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        </svg>
        <span class="visually-hidden">${fillText(STATE_TEXT.howComputedFigure, { figure })}</span>
      </button>`;
    const panel = html`<div
        id=${id}
        class="explain-panel"
        part="explain-panel"
        role="group"
        aria-label=${fillText(STATE_TEXT.howComputedFigure, { figure })}
        ?hidden=${!open}
        @keydown=${onEscape}
        @click=${(ev: Event) => ev.stopPropagation()}
      >
        ${open ? this.#body(e) : nothing}
      </div>`;
    return { button, panel };
  }

  // Text bindings only: the server's words are never parsed as HTML.
  #body(e: Explanation) {
    const value = (v: Explanation['inputs'][number]['value']) =>
      typeof v === 'number' ? this.#format(v) : v === null ? '–' : String(v);
    return html`<p class="explain-text">${e.text}</p>
      ${
        e.inputs.length > 0
          ? html`<p class="explain-label">${STATE_TEXT.explainInputs}</p>
              <ul class="explain-inputs">
                ${e.inputs.map((i) => html`<li><span class="explain-name">${i.name}</span>: <span class="num">${value(i.value)}</span></li>`)}
              </ul>`
          : nothing
      }
      ${e.rule ? html`<p class="explain-rule">${fillText(STATE_TEXT.explainRule, { rule: e.rule })}</p>` : nothing}`;
  }
}

/** Styles of the disclosure; adopt after `tokenStyles` and `baseStyles`. */
export const explainStyles = css`
  .explain-toggle {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    vertical-align: middle;
    width: 24px;
    height: 24px;
    min-height: 24px;
    padding: 0;
    margin-inline-start: calc(var(--s-space) * 1);
    border: 1px solid transparent;
    border-radius: 999px;
    background: transparent;
    color: var(--s-accent);
    font-size: var(--s-font-size);
    line-height: 1;
  }
  .explain-toggle:hover,
  .explain-toggle[aria-expanded='true'] {
    border-color: var(--s-accent);
  }
  .explain-toggle svg {
    width: 16px;
    height: 16px;
  }
  .explain-panel {
    margin-top: calc(var(--s-space) * 2);
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    border: 1px solid var(--s-border);
    border-radius: calc(var(--s-radius) - 2px);
    background: var(--s-surface);
    color: var(--s-text);
    font-size: var(--s-font-size-sm);
    font-weight: normal;
    text-align: start;
    white-space: normal;
    letter-spacing: normal;
    text-transform: none;
  }
  .explain-panel[hidden] {
    display: none;
  }
  .explain-panel p {
    margin: 0 0 calc(var(--s-space) * 1);
  }
  .explain-label,
  .explain-rule {
    color: var(--s-muted);
  }
  .explain-inputs {
    margin: 0 0 calc(var(--s-space) * 1);
    padding-inline-start: calc(var(--s-space) * 4);
  }
  .explain-name {
    font-family: ui-monospace, monospace;
  }
`;
