import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { type PreparedTrends, prepareTrends, type TrendScale } from '../charts/series.js';
import { DataController, describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import {
  fillText,
  renderEmpty,
  renderError,
  renderNoBaseline,
  renderSkeleton,
  stateStyles,
} from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, ProgressTrend } from '../types.js';
import { TREND_TEXT } from './trend-text.js';

/** The expected pace line: from the baseline at `start` to the target at `end` (ISO dates). */
export interface ExpectedPace {
  readonly start: string;
  readonly end: string;
}

type Runtime = typeof import('../charts/vega-runtime.js');

let runtime: Promise<Runtime> | undefined;

// The figure, its drawing and its styles arrive the first time there is something to draw: none
// of it is needed for the loading, empty and error states.
const loadView = () => import('./trend-chart-view.js');

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

/**
 * @summary Progress of one or more metrics over time: lines, target, baseline, expected pace and
 * one labelled forecast marker per series, with a text description for screen readers, a data
 * table and SVG / PNG downloads.
 *
 * @description Draws ProgressTrends (openapi.yaml) given as `.trends`, or fetches a customer's
 * trends (`customer-id`, optionally only one goal's with `goal-id`) through the nearest
 * `<success-provider>`. vega is imported only when the chart is about to scroll into view, draws
 * SVG through its CSP-safe expression interpreter (no 'unsafe-eval' needed), and redraws when
 * the element is resized or the theme changes. Metrics in different units are drawn as progress
 * toward their targets (0 % baseline, 100 % target) so they can share one axis. Move over the
 * chart, or focus it and use the arrow keys, to read the values of a date. The figure (legend,
 * crosshair, summary, data table and drawing) loads with a dynamic import the first time there is
 * something to draw; `updateComplete` waits for it, and the vega drawing follows on its own.
 * The y axis is fitted to the data, the target and the baseline, and never runs below zero when
 * nothing is below it. Each series with a forecast date (calc's least-squares forecast, as the
 * API sends it) gets a marker in its colour where it reaches its target line, labelled with the
 * date; labels are placed so that none overlaps another. The text description is visually
 * hidden and linked to the chart with `aria-describedby`. "Download SVG" and "Download PNG" save
 * the drawn chart, named after the metric (one series) or the label.
 * Of the theme colours, the target line (dashed) uses `--success-color-success`, the baseline
 * (dotted) and the expected pace `--success-color-muted`, and the grid `--success-color-border`.
 *
 * @csspart base - The figure around everything.
 * @csspart label - The caption.
 * @csspart legend - The legend (series names and reference lines).
 * @csspart plot - The chart area (focusable once drawn).
 * @csspart tooltip - The values of the date under the pointer or keyboard cursor.
 * @csspart summary - The text description (visually hidden; the chart's aria-describedby).
 * @csspart download-svg - The "Download SVG" button.
 * @csspart download-png - The "Download PNG" button.
 * @csspart table - The data table, shown by the "Show data table" button.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - Partial-data, no-baseline and stale notices.
 * @csspart forecasts - The forecasts' "How is this computed?" disclosures, under the chart (only
 *   with explanations).
 * @csspart explain-button - A forecast's "How is this computed?" button.
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @cssprop [--success-chart-1=#0a58b8] - Colour of the first series (dark theme: #4c9bf8).
 * @cssprop [--success-chart-2=#c2410c] - Colour of the second series (dark theme: #fb923c).
 * @cssprop [--success-chart-3=#7c3aed] - Colour of the third series (dark theme: #a78bfa).
 * @cssprop [--success-chart-4=#0f766e] - Colour of the fourth series (dark theme: #2dd4bf).
 * @cssprop [--success-chart-5=#be185d] - Colour of the fifth series (dark theme: #f472b6).
 * @cssprop [--success-chart-6=#4d7c0f] - Colour of the sixth series (dark theme: #a3e635).
 * @cssprop [--success-chart-height=240px] - Height of the chart area.
 *
 * @event {CustomEvent<SuccessChartRenderDetail>} success-chart-render - The chart was drawn; detail
 *   `{ durationMs, width, height, series }`.
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading the trends failed; the error
 *   state with Retry is shown.
 */
export class SuccessTrendChart extends SuccessElement {
  static override styles = [
    tokenStyles,
    baseStyles,
    stateStyles,
    explainStyles,
    css`
      .forecasts {
        margin: calc(var(--s-space) * 2) 0 0;
        padding: 0;
        list-style: none;
        font-size: var(--s-font-size-sm);
        color: var(--s-muted);
      }
    `,
  ];

  static override properties = {
    trends: { attribute: false },
    explanations: { attribute: false },
    customerId: { attribute: 'customer-id' },
    goalId: { attribute: 'goal-id' },
    label: {},
    scale: {},
    pace: { attribute: false },
  };

  /** The trends to draw. When set, nothing is fetched. */
  declare trends: readonly ProgressTrend[] | undefined;

  /**
   * How the trends' forecasts were computed (the API's `explanations` with `explain: true`),
   * keyed by JSON Pointer relative to `trends`: `/0/forecast_date`. Without them no disclosure
   * is shown.
   */
  declare explanations: Explanations | undefined;

  #fetched: Explanations | undefined;
  readonly #explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** Fetch this customer's trends through the provider (when `.trends` is not set). */
  declare customerId: string | undefined;

  /** Show only the trends of this goal. */
  declare goalId: string | undefined;

  /** The chart's caption and accessible name; unset: "Progress over time" in the element's language. */
  declare label: string | undefined;

  /** The caption shown: `label`, else the default in the element's language. */
  get caption(): string {
    return this.label ?? this.localize(() => TREND_TEXT.label);
  }

  /** `value` (the metrics' own units), `progress` (% toward target) or `auto` (value when all
   * series share a unit). */
  declare scale: TrendScale | 'auto';

  /** Draw the expected pace from the baseline at `start` to the target at `end`. */
  declare pace: ExpectedPace | undefined;

  constructor() {
    super();
    this.scale = 'auto';
  }

  readonly #data = new DataController<readonly ProgressTrend[]>(this, {
    data: () => this.trends,
    key: () => this.customerId,
    fetch: async (client, customerId, signal) => {
      const m = await client.getCustomerSuccessMetrics({ customerId, explain: true }, { signal });
      this.#fetched = scopeExplanations(m.explanations, '/trends');
      return m.trends;
    },
  });

  #prepared: PreparedTrends | undefined;
  #preparedFrom: readonly ProgressTrend[] | undefined;
  #preparedKey = '';
  #dates: { x: number }[] = [];
  readonly #view = new LazyPart(this, {
    load: loadView,
    create: (m) =>
      new m.TrendChartView(this, {
        prepared: () => this.#prepared,
        dates: () => this.#dates,
        data: () => this.#data,
      }),
    styles: (m) => [m.trendChartStyles],
  });

  /** Fetches the trends again (provider mode); the chart stays on screen meanwhile. */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  /** True once the chart has been drawn for the current data, size and theme. */
  get chartRendered(): boolean {
    return this.#view.value?.chartRendered ?? false;
  }

  // A caller awaiting `updateComplete` (a test, a host reading the summary) sees the figure, not
  // the moment before its code arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
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
      const view = this.#view.value;
      if (view) view.hover = undefined;
    }
    super.update(changed);
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.#data;
    const prepared = this.#prepared;
    if (d.status === 'error' && d.value === undefined) {
      const { title, detail } = describeError(d.error);
      return renderError({ title, detail, onRetry: () => void this.refresh() });
    }
    if (!prepared) {
      if (d.status === 'pending') return renderSkeleton(TREND_TEXT.loading, 4);
      return this.#renderEmpty();
    }
    if (prepared.series.length === 0) {
      if (prepared.withoutBaseline.length > 0) return renderNoBaseline();
      if (prepared.withoutData.length > 0) {
        return renderEmpty({ message: TREND_TEXT.noMeasurements });
      }
      return this.#renderEmpty();
    }
    return this.#view.render((view) => html`${view.render(prepared)}${this.#renderForecasts()}`, {
      loading: () => renderSkeleton(TREND_TEXT.loading, 4),
      failed: (retry) => renderError({ title: TREND_TEXT.loadFailed, onRetry: retry }),
    });
  }

  /** A disclosure per drawn trend whose forecast has an explanation, under the chart. */
  #renderForecasts(): TemplateResult | typeof nothing {
    const all = this.#data.value ?? [];
    const x = this.trends ? this.explanations : this.#fetched;
    if (!x) return nothing;
    const items = (this.#prepared?.series ?? []).flatMap((s) => {
      const i = all.indexOf(s.trend);
      const p =
        i < 0
          ? undefined
          : this.#explain.parts(
              x,
              `/${i}/forecast_date`,
              fillText(TREND_TEXT.forecastSubject, { name: s.trend.name }),
            );
      return p ? [{ s, p }] : [];
    });
    if (items.length === 0) return nothing;
    return html`<ul class="forecasts" part="forecasts">
      ${items.map(({ s, p }) => html`<li>${fillText(TREND_TEXT.forecastFor, { name: s.trend.name, date: s.trend.forecast_date ? this.fmt.date(s.trend.forecast_date) : '–' })}${p.button}${p.panel}</li>`)}
    </ul>`;
  }

  #renderEmpty(): TemplateResult {
    return renderEmpty({
      onAction: () => {
        emit(this, 'success-define-goals', { customerId: this.customerId || undefined });
      },
    });
  }
}
