import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ref } from 'lit/directives/ref.js';
import type { PreparedTrends } from '../charts/series.js';
import { describeTrends, isoDate, nearestIndex } from '../charts/summary.js';
import type { ChartTheme, PaceLine, Padding } from '../charts/trend-spec.js';
import type { RenderedChart } from '../charts/vega-runtime.js';
import type { DataController } from '../data-controller.js';
import { emit, type SuccessChartRenderDetail } from '../events.js';
import { MISSING_VALUE } from '../format.js';
import {
  fillText,
  renderError,
  renderNoBaseline,
  renderPartial,
  renderStale,
  STATE_TEXT,
} from '../states.js';
import { styleProps } from '../styles/style-props.js';
import { readColors } from '../styles/tokens.js';
import type { ProgressTrend } from '../types.js';
import { loadChartRuntime, type SuccessTrendChart } from './success-trend-chart.js';
import { TREND_TEXT } from './trend-text.js';
import { TREND_VIEW_TEXT as T, trendViewWords } from './trend-view-text.js';

export { trendChartStyles } from './success-trend-chart.styles.js';

// The drawn part of <success-trend-chart>: the figure, legend, crosshair, keyboard reading, data
// table and the drawing itself. It arrives with a dynamic import when a chart first has data to
// show; the element's loading, empty and error states need none of it.

type Runtime = Awaited<ReturnType<typeof loadChartRuntime>>;

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

/** What the view reads from its element. */
export interface TrendChartViewOptions {
  readonly prepared: () => PreparedTrends | undefined;
  readonly dates: () => readonly { readonly x: number }[];
  readonly data: () => DataController<readonly ProgressTrend[]>;
}

/** The drawn chart of one `<success-trend-chart>`. */
export class TrendChartView implements ReactiveController {
  #tableOpen = false;
  #hover: number | undefined;
  #announce = '';
  #drawnKey = '';
  #chartError: string | undefined;
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

  constructor(
    readonly host: SuccessTrendChart,
    readonly opts: TrendChartViewOptions,
  ) {
    host.addController(this);
  }

  // UI state kept here, each change asking the host to render, as its reactive properties did.
  get tableOpen(): boolean {
    return this.#tableOpen;
  }
  set tableOpen(value: boolean) {
    this.#tableOpen = value;
    this.host.requestUpdate();
  }
  get hover(): number | undefined {
    return this.#hover;
  }
  set hover(value: number | undefined) {
    if (value === this.#hover) return;
    this.#hover = value;
    this.host.requestUpdate();
  }
  get announce(): string {
    return this.#announce;
  }
  set announce(value: string) {
    if (value === this.#announce) return;
    this.#announce = value;
    this.host.requestUpdate();
  }
  get drawnKey(): string {
    return this.#drawnKey;
  }
  set drawnKey(value: string) {
    if (value === this.#drawnKey) return;
    this.#drawnKey = value;
    this.host.requestUpdate();
  }
  get chartError(): string | undefined {
    return this.#chartError;
  }
  set chartError(value: string | undefined) {
    if (value === this.#chartError) return;
    this.#chartError = value;
    this.host.requestUpdate();
  }

  /** True once the chart has been drawn for the current data, size and theme. */
  get chartRendered(): boolean {
    return this.drawnKey !== '' && this.drawnKey === this.#drawn?.key;
  }

  hostConnected(): void {
    this.#scheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.#scheme?.addEventListener('change', this.#onScheme);
  }

  hostDisconnected(): void {
    this.#scheme?.removeEventListener('change', this.#onScheme);
  }

  hostUpdated(): void {
    this.#queueDraw();
  }

  render(prepared: PreparedTrends): TemplateResult {
    const d = this.opts.data();
    return html`<figure part="base" aria-labelledby="caption">
      <figcaption class="head">
        <span id="caption" class="caption" part="label">${this.host.caption}${this.#unitNote(prepared)}</span>
        ${this.#renderLegend(prepared)}
      </figcaption>
      ${d.stale ? renderStale(d.status === 'error', () => void this.host.refresh()) : nothing}
      ${prepared.withoutData.length > 0 ? renderPartial() : nothing}
      ${
        prepared.withoutBaseline.length > 0
          ? renderNoBaseline(
              `${STATE_TEXT.noBaseline} ${fillText(T.notDrawn, { names: prepared.withoutBaseline.join(', ') })}`,
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
        aria-label=${fillText(T.plotLabel, { label: this.host.caption })}
        aria-describedby="summary"
        tabindex=${this.chartRendered ? '0' : '-1'}
        ${ref(this.#attachPlot)}
        @pointermove=${(e: PointerEvent) => this.#onPointerMove(e)}
        @pointerleave=${() => this.#onPointerLeave()}
        @keydown=${(e: KeyboardEvent) => this.#onKeyDown(e)}
        @blur=${() => this.#onBlur()}
      >
        <div class="canvas" aria-hidden="true" ${ref(this.#attachCanvas)}></div>
        ${this.chartRendered ? nothing : html`<div class="skeleton-plot" aria-hidden="true"></div>`}
        ${this.#renderHover(prepared)}
      </div>
      <div class="visually-hidden" aria-live="polite">${this.announce}</div>
      <div class="alt">
        <p class="visually-hidden" id="summary" part="summary">
          ${guard([prepared, this.host.fmt, trendViewWords()], () =>
            describeTrends(prepared, this.host.fmt),
          )}
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
          ${this.tableOpen ? T.hideTable : T.showTable}
        </button>
        <span class="downloads" role="group" aria-label=${T.downloads}>
          <button
            type="button"
            class="toggle"
            part="download-svg"
            ?disabled=${!this.chartRendered}
            @click=${() => void this.download('svg')}
          >
            ${T.downloadSvg}
          </button>
          <button
            type="button"
            class="toggle"
            part="download-png"
            ?disabled=${!this.chartRendered}
            @click=${() => void this.download('png')}
          >
            ${T.downloadPng}
          </button>
        </span>
      </div>
      ${
        this.tableOpen
          ? guard([prepared, this.host.fmt, this.host.caption, trendViewWords()], () =>
              this.#renderTable(prepared),
            )
          : nothing
      }
    </figure>`;
  }

  #unitNote(prepared: PreparedTrends): string {
    if (prepared.scale === 'progress') return ` (${T.progressUnit})`;
    const unit = prepared.series[0]?.trend.unit;
    return unit ? ` (${unit})` : '';
  }

  #renderLegend(prepared: PreparedTrends): TemplateResult {
    const hasTarget = prepared.series.some((s) => s.target !== null);
    const hasBaseline = prepared.series.some((s) => s.baseline !== null);
    return html`<ul class="legend" part="legend" aria-label=${T.legend}>
      ${prepared.series.map(
        (s, i) =>
          html`<li><span class=${`swatch c${(i % PALETTE_SIZE) + 1}`}></span>${s.trend.name}</li>`,
      )}
      ${hasTarget ? html`<li><span class="ref target"></span>${T.targetKey}</li>` : nothing}
      ${hasBaseline ? html`<li><span class="ref baseline"></span>${T.baselineKey}</li>` : nothing}
      ${this.#paceLine(prepared) ? html`<li><span class="ref pace"></span>${T.paceKey}</li>` : nothing}
      ${prepared.series.some((s) => s.forecast !== null && s.target !== null) ? html`<li><span class="ref forecast"></span>${T.forecastKey}</li>` : nothing}
    </ul>`;
  }

  #renderHover(prepared: PreparedTrends): TemplateResult | typeof nothing {
    const drawn = this.#drawn;
    const at = this.hover === undefined ? undefined : this.opts.dates()[this.hover]?.x;
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
          style=${styleProps({ transform: `translate(${px}px, ${sy(y) + drawn.pad.top}px)` })}
        ></span>`,
      );
      const progress = prepared.scale === 'progress' ? ` (${this.host.fmt.percent(y)})` : '';
      rows.push(html`<dt>
          <span class=${`swatch ${c}`}></span>${s.trend.name}
        </dt>
        <dd>${this.host.fmt.metric(value, s.trend.unit)}${progress}</dd>`);
    });
    const left = px > this.#width / 2;
    const tipX = left ? px - 12 : px + 12;
    return html`<span
        class="crosshair"
        style=${styleProps({
          transform: `translateX(${px}px)`,
          top: `${drawn.pad.top}px`,
          height: `${drawn.plotHeight}px`,
        })}
      ></span>
      ${dots}
      <div
        class="tooltip"
        part="tooltip"
        style=${styleProps({
          transform: `translate(${tipX}px, ${drawn.pad.top}px)${left ? ' translateX(-100%)' : ''}`,
        })}
      >
        <strong>${this.host.fmt.date(isoDate(at))}</strong>
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
        <caption id="table-caption" class="visually-hidden">${this.host.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${T.date}</th>
            ${prepared.series.map(
              (s) =>
                html`<th scope="col">${s.trend.name}${s.trend.unit ? ` (${s.trend.unit})` : ''}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${this.opts.dates().map(
            ({ x }) => html`<tr>
              <th scope="row">${this.host.fmt.date(isoDate(x))}</th>
              ${prepared.series.map((s, i) => {
                const v = byDate[i]?.get(x);
                return html`<td>${v === undefined ? MISSING_VALUE : this.host.fmt.metric(v, s.trend.unit)}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** The pace line on the chart's y scale, or null when it does not apply. */
  #paceLine(prepared: PreparedTrends): PaceLine | null {
    const pace = this.host.pace;
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
    const colors = readColors(this.host);
    const style = getComputedStyle(this.host);
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
      surface: style.getPropertyValue('--s-surface').trim() || '#ffffff',
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
    const prepared = this.opts.prepared();
    const canvas = this.#canvas;
    if (!prepared || prepared.series.length === 0 || !canvas || !this.#visible) return;
    if (this.#width < 1 || this.#height < 1 || this.chartError) return;
    const theme = this.#theme();
    const pace = this.#paceLine(prepared);
    const fmt = this.host.fmt;
    // Drawn after awaits, outside the element's update: its words are taken in its locale now.
    const words = this.host.localize(() => ({
      target: T.target,
      drawFailed: T.drawFailed,
      loadFailed: TREND_TEXT.loadFailed,
      caption: this.host.caption,
    }));
    // The words are part of the key: a translation that arrives later redraws the chart.
    const key = JSON.stringify([
      this.#width,
      this.#height,
      theme,
      fmt.locale,
      pace,
      words.target,
      words.caption,
    ]);
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
        this.chartError = words.loadFailed;
      }
      return;
    }
    if (seq !== this.#seq) return;
    const started = performance.now();
    const model = mod.trendModel(prepared, {
      width: this.#width,
      height: this.#height,
      theme,
      locale: fmt.locale,
      pace,
      targetWord: words.target,
      description: words.caption,
      formatDate: (ms) => fmt.date(isoDate(ms)),
      formatY:
        prepared.scale === 'progress'
          ? (v) => fmt.percent(v)
          : (v) => fmt.metric(v, prepared.series[0]?.trend.unit ?? ''),
    });
    const target = document.createElement('div');
    canvas.append(target);
    let chart: RenderedChart;
    try {
      chart = await mod.renderChart(target, mod.trendSpec(model));
    } catch {
      target.remove();
      if (seq === this.#seq) {
        this.#inflight = undefined;
        this.chartError = words.drawFailed;
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
    const pad = mod.padding(model);
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
    emit(this.host, 'success-chart-render', detail);
  }

  /**
   * The drawn chart as a standalone SVG document: the vega drawing with the theme's surface
   * behind it, so it reads the same outside the page.
   */
  svgMarkup(): string | undefined {
    const svg = this.#drawn?.target.querySelector('svg');
    if (!svg) return undefined;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const back = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    back.setAttribute('width', '100%');
    back.setAttribute('height', '100%');
    back.setAttribute('fill', this.#theme().surface ?? '#ffffff');
    copy.prepend(back);
    return new XMLSerializer().serializeToString(copy);
  }

  /** The download's file name: the metric's name for one series, else the chart's label. */
  fileName(ext: 'svg' | 'png'): string {
    const series = this.opts.prepared()?.series ?? [];
    const base = series.length === 1 ? series[0]!.trend.name : this.host.caption;
    const slug = base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
    return `${slug || this.host.localize(() => T.fileName)}.${ext}`;
  }

  /** Saves the chart as SVG, or as PNG drawn from that SVG on a canvas at twice its size. */
  async download(kind: 'svg' | 'png'): Promise<void> {
    const markup = this.svgMarkup();
    if (!markup) return;
    const svgBlob = new Blob([markup], { type: 'image/svg+xml' });
    let blob: Blob = svgBlob;
    if (kind === 'png') {
      try {
        blob = await pngOf(svgBlob, this.#width, this.#height);
      } catch {
        this.chartError = this.host.localize(() => T.downloadFailed);
        return;
      }
    }
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = this.fileName(kind);
    a.click();
    // The click starts the download synchronously; the URL only has to outlive this task.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  #onPointerMove(event: PointerEvent): void {
    const drawn = this.#drawn;
    if (!drawn || this.opts.dates().length === 0) return;
    const box = drawn.target.getBoundingClientRect();
    const sx = drawn.chart.view.scale('x') as Scale;
    const at = sx.invert(event.clientX - box.left - drawn.pad.left);
    const index = nearestIndex(this.opts.dates(), at);
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
    const last = this.opts.dates().length - 1;
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
    const at = this.opts.dates()[index]?.x;
    const prepared = this.opts.prepared();
    if (at === undefined || !prepared) return '';
    const parts = [this.host.fmt.date(isoDate(at))];
    for (const s of prepared.series) {
      const k = nearestIndex(s.values, at);
      const p = s.values[k];
      if (p && p.x === at)
        parts.push(`${s.trend.name}: ${this.host.fmt.metric(p.y, s.trend.unit)}`);
    }
    return parts.join('. ');
  }
}

/** Draws an SVG image on a canvas (at 2x for crisp text) and encodes it as PNG. */
async function pngOf(svg: Blob, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
