import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import { type PreparedTrends, prepareTrends, type TrendScale } from '../charts/series.js';
import { describeTrends, isoDate } from '../charts/summary.js';
import { nearestIndex, trendModel } from '../charts/trend-model.js';
import {
  type ChartTheme,
  type PaceLine,
  type Padding,
  padding,
  trendSpec,
} from '../charts/trend-spec.js';
import type { RenderedChart } from '../charts/vega-runtime.js';
import { DataController, describeError } from '../data-controller.js';
import { emit, type SuccessChartRenderDetail } from '../events.js';
import { MISSING_VALUE } from '../format.js';
import {
  renderEmpty,
  renderError,
  renderNoBaseline,
  renderPartial,
  renderSkeleton,
  renderStale,
  STATE_TEXT,
  stateStyles,
} from '../states.js';
import { baseStyles, readColors, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { ProgressTrend } from '../types.js';
import { trendChartStyles } from './success-trend-chart.styles.js';

/** The expected pace line: from the baseline at `start` to the target at `end` (ISO dates). */
export interface ExpectedPace {
  readonly start: string;
  readonly end: string;
}

type Runtime = typeof import('../charts/vega-runtime.js');

let runtime: Promise<Runtime> | undefined;

/**
 * The vega runtime, imported on first use only: vega never sits in the initial bundle. A failed
 * import (offline, a CDN hiccup) is forgotten so the next attempt loads it afresh.
 */
export function loadChartRuntime(): Promise<Runtime> {
  runtime ??= import('../charts/vega-runtime.js').catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

interface Drawn {
  readonly chart: RenderedChart;
  readonly target: HTMLElement;
  readonly pad: Padding;
  readonly plotHeight: number;
  readonly key: string;
  readonly prepared: PreparedTrends;
}

type Scale = ((value: number) => number) & { invert(pixel: number): number };

const PALETTE_SIZE = 6;

/**
 * @summary Progress of one or more metrics over time: lines, target, baseline, expected pace and
 * forecast date, with a text summary and a data table for screen readers.
 *
 * @description Draws ProgressTrends (openapi.yaml) given as `.trends`, or fetches a customer's
 * trends (`customer-id`, optionally only one goal's with `goal-id`) through the nearest
 * `<success-provider>`. vega is imported only when the chart is about to scroll into view, draws
 * SVG through its CSP-safe expression interpreter (no 'unsafe-eval' needed), and redraws when
 * the element is resized or the theme changes. Metrics in different units are drawn as progress
 * toward their targets (0 % baseline, 100 % target) so they can share one axis. Move over the
 * chart, or focus it and use the arrow keys, to read the values of a date.
 *
 * @csspart base - The figure around everything.
 * @csspart label - The caption.
 * @csspart legend - The legend (series names and reference lines).
 * @csspart plot - The chart area (focusable once drawn).
 * @csspart tooltip - The values of the date under the pointer or keyboard cursor.
 * @csspart summary - The text summary.
 * @csspart table - The data table, shown by the "Show data table" button.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - Partial-data, no-baseline and stale notices.
 *
 * @cssprop --success-chart-1 - Colour of the first series (up to `--success-chart-6`).
 * @cssprop --success-chart-height - Height of the chart area; default 240px.
 * @cssprop --success-color-<name> - Theme colours (see the tokens): target line uses `success`,
 *   baseline and pace `muted`, forecast `accent`, grid `border`.
 *
 * @event success-chart-render - The chart was drawn; detail `{ durationMs, width, height, series }`.
 * @event success-define-goals - The empty state's "Define goals" was chosen.
 * @event success-error - Loading the trends failed; the error state with Retry is shown.
 */
export class SuccessTrendChart extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, trendChartStyles];

  static override properties = {
    trends: { attribute: false },
    customerId: { attribute: 'customer-id' },
    goalId: { attribute: 'goal-id' },
    label: {},
    scale: {},
    pace: { attribute: false },
    tableOpen: { state: true },
    hover: { state: true },
    announce: { state: true },
    drawnKey: { state: true },
    chartError: { state: true },
  };

  /** The trends to draw. When set, nothing is fetched. */
  declare trends: readonly ProgressTrend[] | undefined;

  /** Fetch this customer's trends through the provider (when `.trends` is not set). */
  declare customerId: string | undefined;

  /** Show only the trends of this goal. */
  declare goalId: string | undefined;

  /** The chart's caption and accessible name. */
  declare label: string;

  /** `value` (the metrics' own units), `progress` (% toward target) or `auto` (value when all
   * series share a unit). */
  declare scale: TrendScale | 'auto';

  /** Draw the expected pace from the baseline at `start` to the target at `end`. */
  declare pace: ExpectedPace | undefined;

  declare private tableOpen: boolean;
  declare private hover: number | undefined;
  declare private announce: string;
  declare private drawnKey: string;
  declare private chartError: string | undefined;

  constructor() {
    super();
    this.label = 'Progress over time';
    this.scale = 'auto';
    this.tableOpen = false;
    this.announce = '';
    this.drawnKey = '';
  }

  readonly #data = new DataController<readonly ProgressTrend[]>(this, {
    data: () => this.trends,
    key: () => this.customerId,
    fetch: async (client, customerId, signal) =>
      (await client.getCustomerSuccessMetrics({ customerId }, { signal })).trends,
  });

  #prepared: PreparedTrends | undefined;
  #preparedFrom: readonly ProgressTrend[] | undefined;
  #preparedKey = '';
  #dates: { x: number }[] = [];
  #plot: HTMLElement | undefined;
  #canvas: HTMLElement | undefined;
  #resize: ResizeObserver | undefined;
  #intersect: IntersectionObserver | undefined;
  #visible = false;
  #width = 0;
  #height = 0;
  #drawn: Drawn | undefined;
  #inflight: { readonly key: string; readonly prepared: PreparedTrends } | undefined;
  #seq = 0;
  #queued = false;
  #scheme: MediaQueryList | undefined;
  readonly #onScheme = () => this.#queueDraw();

  /** Fetches the trends again (provider mode); the chart stays on screen meanwhile. */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  /** True once the chart has been drawn for the current data, size and theme. */
  get chartRendered(): boolean {
    return this.drawnKey !== '' && this.drawnKey === this.#drawn?.key;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#scheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.#scheme?.addEventListener('change', this.#onScheme);
  }

  // The plot and canvas refs below are told of disconnection (and reconnection) by Lit, which is
  // where observers stop and the drawing is let go; moved in the page, the chart draws afresh.
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#scheme?.removeEventListener('change', this.#onScheme);
  }

  // Not willUpdate: the data controller settles its value in hostUpdate, which runs after it.
  protected override update(changed: PropertyValues): void {
    const value = this.#data.value;
    const key = `${this.scale}|${this.goalId ?? ''}`;
    if (value !== this.#preparedFrom || key !== this.#preparedKey) {
      this.#preparedFrom = value;
      this.#preparedKey = key;
      const trends = value ? value.filter((t) => !this.goalId || t.goal_id === this.goalId) : [];
      this.#prepared = value ? prepareTrends(trends, this.scale) : undefined;
      const xs = new Set<number>();
      for (const s of this.#prepared?.series ?? []) for (const p of s.values) xs.add(p.x);
      this.#dates = [...xs].sort((a, b) => a - b).map((x) => ({ x }));
      this.hover = undefined;
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#queueDraw();
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.#data;
    const prepared = this.#prepared;
    if (d.status === 'error' && d.value === undefined) {
      const { title, detail } = describeError(d.error);
      return renderError({ title, detail, onRetry: () => void this.refresh() });
    }
    if (!prepared) {
      if (d.status === 'pending') return renderSkeleton('Loading chart…', 4);
      return this.#renderEmpty();
    }
    if (prepared.series.length === 0) {
      if (prepared.withoutBaseline.length > 0) return renderNoBaseline();
      if (prepared.withoutData.length > 0) {
        return renderEmpty({ message: 'No measurements recorded yet.' });
      }
      return this.#renderEmpty();
    }
    return html`<figure part="base" aria-labelledby="caption">
      <figcaption class="head">
        <span id="caption" class="caption" part="label">${this.label}${this.#unitNote(prepared)}</span>
        ${this.#renderLegend(prepared)}
      </figcaption>
      ${d.stale ? renderStale(d.status === 'error', () => void this.refresh()) : nothing}
      ${prepared.withoutData.length > 0 ? renderPartial() : nothing}
      ${
        prepared.withoutBaseline.length > 0
          ? renderNoBaseline(
              `${STATE_TEXT.noBaseline} Not drawn: ${prepared.withoutBaseline.join(', ')}.`,
            )
          : nothing
      }
      ${
        this.chartError
          ? renderError({ title: this.chartError, onRetry: () => this.#retryChart() })
          : nothing
      }
      <div
        class="plot"
        part="plot"
        role="group"
        aria-roledescription="chart"
        aria-label=${`${this.label}. Use the left and right arrow keys to read values by date.`}
        aria-describedby="summary"
        tabindex=${this.chartRendered ? '0' : '-1'}
        ${ref(this.#attachPlot)}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
        @keydown=${this.#onKeyDown}
        @blur=${this.#onBlur}
      >
        <div class="canvas" aria-hidden="true" ${ref(this.#attachCanvas)}></div>
        ${this.chartRendered ? nothing : html`<div class="skeleton-plot" aria-hidden="true"></div>`}
        ${this.#renderHover(prepared)}
      </div>
      <div class="visually-hidden" aria-live="polite">${this.announce}</div>
      <div class="alt">
        <p class="summary" id="summary" part="summary">
          ${guard([prepared, this.fmt], () => describeTrends(prepared, this.fmt))}
        </p>
        <button
          type="button"
          class="toggle"
          aria-expanded=${this.tableOpen ? 'true' : 'false'}
          aria-controls="table"
          @click=${() => {
            this.tableOpen = !this.tableOpen;
          }}
        >
          ${this.tableOpen ? 'Hide data table' : 'Show data table'}
        </button>
      </div>
      ${
        this.tableOpen
          ? guard([prepared, this.fmt, this.label], () => this.#renderTable(prepared))
          : nothing
      }
    </figure>`;
  }

  #renderEmpty(): TemplateResult {
    return renderEmpty({
      onAction: () => {
        emit(this, 'success-define-goals', { customerId: this.customerId || undefined });
      },
    });
  }

  #unitNote(prepared: PreparedTrends): string {
    if (prepared.scale === 'progress') return ' (% of target)';
    const unit = prepared.series[0]?.trend.unit;
    return unit ? ` (${unit})` : '';
  }

  #renderLegend(prepared: PreparedTrends): TemplateResult {
    const hasTarget = prepared.series.some((s) => s.target !== null);
    const hasBaseline = prepared.series.some((s) => s.baseline !== null);
    return html`<ul class="legend" part="legend" aria-label="Legend">
      ${prepared.series.map(
        (s, i) =>
          html`<li><span class=${`swatch c${(i % PALETTE_SIZE) + 1}`}></span>${s.trend.name}</li>`,
      )}
      ${hasTarget ? html`<li><span class="ref target"></span>Target</li>` : nothing}
      ${hasBaseline ? html`<li><span class="ref baseline"></span>Baseline</li>` : nothing}
      ${this.#paceLine(prepared) ? html`<li><span class="ref pace"></span>Expected pace</li>` : nothing}
      ${prepared.series.some((s) => s.forecast !== null) ? html`<li><span class="ref forecast"></span>Forecast date</li>` : nothing}
    </ul>`;
  }

  #renderHover(prepared: PreparedTrends): TemplateResult | typeof nothing {
    const drawn = this.#drawn;
    const at = this.hover === undefined ? undefined : this.#dates[this.hover]?.x;
    if (!drawn || at === undefined || !this.chartRendered) return nothing;
    const sx = drawn.chart.view.scale('x') as Scale;
    const sy = drawn.chart.view.scale('y') as Scale;
    const px = sx(at) + drawn.pad.left;
    const rows: TemplateResult[] = [];
    const dots: TemplateResult[] = [];
    prepared.series.forEach((s, i) => {
      const k = nearestIndex(s.values, at);
      if (k < 0 || s.values[k]?.x !== at) return;
      const value = s.values[k]!.y;
      const y = s.points[k]!.y;
      const c = `c${(i % PALETTE_SIZE) + 1}`;
      dots.push(
        html`<span
          class=${`dot ${c}`}
          style=${styleMap({ transform: `translate(${px}px, ${sy(y) + drawn.pad.top}px)` })}
        ></span>`,
      );
      const progress = prepared.scale === 'progress' ? ` (${this.fmt.percent(y)})` : '';
      rows.push(html`<dt>
          <span class=${`swatch ${c}`}></span>${s.trend.name}
        </dt>
        <dd>${this.fmt.metric(value, s.trend.unit)}${progress}</dd>`);
    });
    const left = px > this.#width / 2;
    const tipX = left ? px - 12 : px + 12;
    return html`<span
        class="crosshair"
        style=${styleMap({
          transform: `translateX(${px}px)`,
          top: `${drawn.pad.top}px`,
          height: `${drawn.plotHeight}px`,
        })}
      ></span>
      ${dots}
      <div
        class="tooltip"
        part="tooltip"
        style=${styleMap({
          transform: `translate(${tipX}px, ${drawn.pad.top}px)${left ? ' translateX(-100%)' : ''}`,
        })}
      >
        <strong>${this.fmt.date(isoDate(at))}</strong>
        <dl>${rows.length > 0 ? rows : html`<dt>${MISSING_VALUE}</dt><dd></dd>`}</dl>
      </div>`;
  }

  #renderTable(prepared: PreparedTrends): TemplateResult {
    const byDate = prepared.series.map((s) => new Map(s.values.map((p) => [p.x, p.y])));
    return html`<div
      class="table-wrap"
      id="table"
      part="table"
      role="region"
      aria-labelledby="table-caption"
      tabindex="0"
    >
      <table>
        <caption id="table-caption" class="visually-hidden">${this.label}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            ${prepared.series.map(
              (s) =>
                html`<th scope="col">${s.trend.name}${s.trend.unit ? ` (${s.trend.unit})` : ''}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${this.#dates.map(
            ({ x }) => html`<tr>
              <th scope="row">${this.fmt.date(isoDate(x))}</th>
              ${prepared.series.map((s, i) => {
                const v = byDate[i]?.get(x);
                return html`<td>${v === undefined ? MISSING_VALUE : this.fmt.metric(v, s.trend.unit)}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** The pace line on the chart's y scale, or null when it does not apply. */
  #paceLine(prepared: PreparedTrends): PaceLine | null {
    const pace = this.pace;
    if (!pace) return null;
    const start = Date.parse(pace.start);
    const end = Date.parse(pace.end);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
    if (prepared.scale === 'progress') return { from: { x: start, y: 0 }, to: { x: end, y: 100 } };
    const only = prepared.series.length === 1 ? prepared.series[0] : undefined;
    if (!only || only.baseline === null || only.target === null) return null;
    return { from: { x: start, y: only.baseline }, to: { x: end, y: only.target } };
  }

  #theme(): ChartTheme {
    const colors = readColors(this);
    const style = getComputedStyle(this);
    const series: string[] = [];
    for (let i = 1; i <= PALETTE_SIZE; i++) {
      series.push(style.getPropertyValue(`--s-chart-${i}`).trim() || colors.accent);
    }
    return {
      series,
      text: colors.text,
      muted: colors.muted,
      grid: colors.border,
      target: colors.success,
      baseline: colors.muted,
      pace: colors.muted,
      forecast: colors.accent,
      font: style.fontFamily || 'sans-serif',
      fontSize: 12,
    };
  }

  readonly #attachPlot = (element: Element | undefined): void => {
    if (element === this.#plot) return;
    this.#unobserve();
    this.#plot = element instanceof HTMLElement ? element : undefined;
    if (this.#plot) this.#observe(this.#plot);
  };

  readonly #attachCanvas = (element: Element | undefined): void => {
    if (element === this.#canvas) return;
    // The chart area left (state change, or the element was disconnected): let its drawing go,
    // and drop a draw in flight for it.
    this.#seq++;
    this.#inflight = undefined;
    this.#drawn?.chart.finalize();
    this.#drawn?.target.remove();
    this.#drawn = undefined;
    this.#canvas = element instanceof HTMLElement ? element : undefined;
  };

  #observe(element: HTMLElement): void {
    this.#resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      this.#width = Math.floor(box.width);
      this.#height = Math.floor(box.height);
      this.#queueDraw();
    });
    this.#resize.observe(element);
    if (this.#visible) return;
    // Vega is loaded when the chart is within 200px of the viewport, not before.
    this.#intersect = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#visible = true;
        this.#intersect?.disconnect();
        this.#intersect = undefined;
        this.#queueDraw();
      },
      { rootMargin: '200px 0px' },
    );
    this.#intersect.observe(element);
  }

  #unobserve(): void {
    this.#resize?.disconnect();
    this.#intersect?.disconnect();
    this.#resize = undefined;
    this.#intersect = undefined;
  }

  #queueDraw(): void {
    if (this.#queued) return;
    this.#queued = true;
    // Coalesces a resize, a theme change and a data change arriving together into one draw.
    void Promise.resolve().then(() => {
      this.#queued = false;
      void this.#draw();
    });
  }

  #retryChart(): void {
    this.chartError = undefined;
    this.#queueDraw();
  }

  async #draw(): Promise<void> {
    const prepared = this.#prepared;
    const canvas = this.#canvas;
    if (!prepared || prepared.series.length === 0 || !canvas || !this.#visible) return;
    if (this.#width < 1 || this.#height < 1 || this.chartError) return;
    const theme = this.#theme();
    const pace = this.#paceLine(prepared);
    const fmt = this.fmt;
    const key = JSON.stringify([this.#width, this.#height, theme, fmt.locale, pace]);
    const same = (d: { key: string; prepared: PreparedTrends } | undefined) =>
      d !== undefined && d.key === key && d.prepared === prepared;
    // Already on screen, or on its way: an update during a draw must not restart it.
    if (same(this.#drawn) || same(this.#inflight)) return;
    const seq = ++this.#seq;
    this.#inflight = { key, prepared };
    let mod: Runtime;
    try {
      mod = await loadChartRuntime();
    } catch {
      if (seq === this.#seq) {
        this.#inflight = undefined;
        this.chartError = 'The chart could not be loaded.';
      }
      return;
    }
    if (seq !== this.#seq) return;
    const started = performance.now();
    const model = trendModel(prepared, {
      width: this.#width,
      height: this.#height,
      theme,
      locale: fmt.locale,
      pace,
      formatY:
        prepared.scale === 'progress'
          ? (v) => fmt.percent(v)
          : (v) => fmt.metric(v, prepared.series[0]?.trend.unit ?? ''),
    });
    const target = document.createElement('div');
    canvas.append(target);
    let chart: RenderedChart;
    try {
      chart = await mod.renderChart(target, trendSpec(model));
    } catch {
      target.remove();
      if (seq === this.#seq) {
        this.#inflight = undefined;
        this.chartError = 'The chart could not be drawn.';
      }
      return;
    }
    if (seq !== this.#seq || !target.isConnected) {
      chart.finalize();
      target.remove();
      return;
    }
    this.#inflight = undefined;
    const old = this.#drawn;
    const pad = padding(model);
    this.#drawn = {
      chart,
      target,
      pad,
      plotHeight: Math.max(40, Math.floor(this.#height - pad.top - pad.bottom)),
      key,
      prepared,
    };
    old?.chart.finalize();
    old?.target.remove();
    this.drawnKey = key;
    const detail: SuccessChartRenderDetail = {
      durationMs: performance.now() - started,
      width: this.#width,
      height: this.#height,
      series: prepared.series.length,
    };
    emit(this, 'success-chart-render', detail);
  }

  #onPointerMove(event: PointerEvent): void {
    const drawn = this.#drawn;
    if (!drawn || this.#dates.length === 0) return;
    const box = drawn.target.getBoundingClientRect();
    const sx = drawn.chart.view.scale('x') as Scale;
    const at = sx.invert(event.clientX - box.left - drawn.pad.left);
    const index = nearestIndex(this.#dates, at);
    if (index !== this.hover) this.hover = index;
  }

  #onPointerLeave(): void {
    if (this.#plot?.matches(':focus-visible')) return;
    this.hover = undefined;
  }

  #onBlur(): void {
    this.hover = undefined;
    this.announce = '';
  }

  #onKeyDown(event: KeyboardEvent): void {
    const last = this.#dates.length - 1;
    if (last < 0 || !this.chartRendered) return;
    const current = this.hover;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = current === undefined ? 0 : Math.min(last, current + 1);
        break;
      case 'ArrowLeft':
        next = current === undefined ? last : Math.max(0, current - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        this.hover = undefined;
        this.announce = '';
        return;
      default:
        return;
    }
    event.preventDefault();
    this.hover = next;
    this.announce = this.#describeDate(next);
  }

  /** What the live region reads for a date: the date, then each series' value on it. */
  #describeDate(index: number): string {
    const at = this.#dates[index]?.x;
    const prepared = this.#prepared;
    if (at === undefined || !prepared) return '';
    const parts = [this.fmt.date(isoDate(at))];
    for (const s of prepared.series) {
      const k = nearestIndex(s.values, at);
      const p = s.values[k];
      if (p && p.x === at) parts.push(`${s.trend.name}: ${this.fmt.metric(p.y, s.trend.unit)}`);
    }
    return parts.join('. ');
  }
}
