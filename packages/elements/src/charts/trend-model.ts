import type { PreparedTrends } from './series.js';
import { thin, type XY } from './thin.js';
import { numberTicks, type Tick, timeTicks } from './ticks.js';
import type {
  ChartSeries,
  ChartTheme,
  ForecastMarker,
  PaceLine,
  PlotLabel,
  TrendSpecInput,
} from './trend-spec.js';
import { padding } from './trend-spec.js';

const DAY = 86_400_000;

/** What the chart needs besides its data. */
export interface TrendModelOptions {
  readonly width: number;
  readonly height: number;
  readonly theme: ChartTheme;
  readonly locale: string;
  /** Formats a y value for labels (the metric's unit, or a percent on the progress scale). */
  readonly formatY: (value: number) => string;
  /** The expected pace, on the chart's y scale. */
  readonly pace: PaceLine | null;
  /** Words for the reference labels; English by default. */
  readonly targetWord?: string;
  /** Formats a forecast date for its marker's label (short, in the locale). */
  readonly formatDate?: (ms: number) => string;
  /** Series names, index-aligned with the prepared series, for the forecast labels. */
  readonly names?: readonly string[];
  /** The drawing's accessible name (vega's own default is the English "Vega visualization"). */
  readonly description?: string;
}

/**
 * The y domain's ticks: the data's range with a little air, fitted to nice steps, never crossing
 * zero when nothing is on the other side of it (a chart of values >= 0 starts at 0 at the lowest,
 * not at -50).
 *
 * @example
 * fitYTicks(0, 100, 5, 'en-US').map((t) => t.value); // [0, 20, 40, 60, 80, 100, 120]
 */
export function fitYTicks(lo: number, hi: number, max: number, locale: string): Tick[] {
  const pad = (hi - lo) * 0.05 || Math.abs(lo) * 0.1 || 1;
  let a = lo - pad;
  let b = hi + pad;
  if (lo >= 0 && a < 0) a = 0;
  if (hi <= 0 && b > 0) b = 0;
  return numberTicks(a, b, max, locale);
}

/** A label's box in plot pixels. */
interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Where a label may go relative to its anchor, tried in order. */
interface Slot {
  readonly dx: number;
  readonly dy: number;
  readonly align: PlotLabel['align'];
}

/**
 * Places labels without overlap (greedy, in the order given: earlier labels win): each takes the
 * first of its slots whose box stays in the plot and clears every box placed so far and the
 * lines; when no slot clears the lines too, the first that clears the other labels and markers.
 * A label with no free slot is left out (the legend and the text description still carry it).
 * Widths are estimated from the font size, on the generous side.
 */
class LabelPlacer {
  readonly placed: PlotLabel[] = [];
  readonly #boxes: Box[] = [];
  readonly #lines: Box[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    readonly fontSize: number,
  ) {}

  /** Reserves a box (a marker) that labels must not cover. */
  block(box: Box): void {
    this.#boxes.push(box);
  }

  /** A line in plot pixels that labels avoid where they can: sampled every few pixels. */
  avoidLine(points: readonly XY[]): void {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 6));
      for (let k = 0; k <= steps; k++) {
        const x = a.x + ((b.x - a.x) * k) / steps;
        const y = a.y + ((b.y - a.y) * k) / steps;
        this.#lines.push({ x0: x - 1.5, y0: y - 1.5, x1: x + 1.5, y1: y + 1.5 });
      }
    }
  }

  place(
    px: number,
    py: number,
    label: Omit<PlotLabel, 'align' | 'baseline' | 'dx' | 'dy'>,
    slots: readonly Slot[],
  ): boolean {
    const w = label.text.length * this.fontSize * 0.62 + 4;
    const h = this.fontSize * 1.3;
    const boxes: { slot: Slot; box: Box }[] = [];
    for (const slot of slots) {
      const cx = px + slot.dx;
      const x0 = slot.align === 'left' ? cx : slot.align === 'right' ? cx - w : cx - w / 2;
      const cy = py + slot.dy;
      const box = { x0, y0: cy - h / 2, x1: x0 + w, y1: cy + h / 2 };
      const inside =
        box.x0 >= -2 &&
        box.x1 <= this.width + 2 &&
        box.y0 >= -this.fontSize &&
        box.y1 <= this.height;
      if (inside && !this.#boxes.some((b) => overlaps(b, box))) boxes.push({ slot, box });
    }
    const free = boxes.find(({ box }) => !this.#lines.some((b) => overlaps(b, box))) ?? boxes[0];
    if (!free) return false;
    this.#boxes.push(free.box);
    const { slot } = free;
    this.placed.push({ ...label, align: slot.align, baseline: 'middle', dx: slot.dx, dy: slot.dy });
    return true;
  }
}

/**
 * The spec input of a trend chart: domains that hold every line (points, target, baseline,
 * pace, a near forecast), ticks for the plot's pixel size, each series thinned to the plot's
 * width, and the "Target" and latest-value labels.
 */
export function trendModel(prepared: PreparedTrends, options: TrendModelOptions): TrendSpecInput {
  const { width, height, theme, locale, formatY, pace } = options;
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const seeX = (x: number) => {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
  };
  const seeY = (y: number) => {
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  };
  for (const s of prepared.series) {
    for (const p of s.points) {
      seeX(p.x);
      seeY(p.y);
    }
    if (s.target !== null) seeY(s.target);
    if (s.baseline !== null) seeY(s.baseline);
  }
  if (pace) {
    seeX(pace.from.x);
    seeX(pace.to.x);
    seeY(pace.from.y);
    seeY(pace.to.y);
  }
  if (!Number.isFinite(x0)) {
    x0 = Date.now();
    x1 = x0;
  }
  if (!Number.isFinite(y0)) {
    y0 = 0;
    y1 = 1;
  }
  // A forecast far beyond the data would squash the lines into a corner: it extends the axis
  // only within one more data span; beyond that its marker is pinned to the right edge.
  const span = Math.max(x1 - x0, 30 * DAY);
  const dataEnd = x1;
  for (const s of prepared.series) {
    if (
      s.forecast !== null &&
      s.target !== null &&
      s.forecast >= x0 &&
      s.forecast <= dataEnd + span
    ) {
      seeX(s.forecast);
    }
  }
  if (x1 - x0 < DAY) {
    x0 -= 15 * DAY;
    x1 += 15 * DAY;
  }
  const yTicks = fitYTicks(y0, y1, Math.max(2, Math.floor(height / 40)), locale);
  const yDomain: [number, number] = [
    yTicks[0]?.value ?? y0,
    yTicks[yTicks.length - 1]?.value ?? y1,
  ];
  const padded = padding({ yTicks, theme });
  const plotWidth = Math.max(40, width - padded.left - padded.right);
  const plotHeight = Math.max(40, Math.floor(height - padded.top - padded.bottom));
  const xTicks = timeTicks(x0, x1, Math.max(2, Math.floor(plotWidth / 90)), locale);

  // One point per two pixels is as fine as a 2 px line can show.
  const maxPoints = Math.max(16, Math.floor(plotWidth / 2));
  const series: ChartSeries[] = prepared.series.map((s) => ({
    points: thin(s.points, maxPoints),
    target: s.target,
    baseline: s.baseline,
    forecast: s.forecast !== null && s.target !== null ? Math.min(s.forecast, x1) : null,
  }));

  const px = (x: number) => ((x - x0) / (x1 - x0 || 1)) * plotWidth;
  const py = (y: number) =>
    plotHeight - ((y - yDomain[0]) / (yDomain[1] - yDomain[0] || 1)) * plotHeight;
  const placer = new LabelPlacer(plotWidth, plotHeight, theme.fontSize);
  const markers: ForecastMarker[] = [];
  prepared.series.forEach((s, i) => {
    const x = series[i]?.forecast;
    if (x === null || x === undefined || s.target === null || s.forecast === null) return;
    const pinned = s.forecast > x1;
    markers.push({
      x,
      y: s.target,
      color: theme.series[i % theme.series.length] ?? theme.text,
      shape: pinned ? 'triangle-right' : 'diamond',
    });
    const m = 6;
    placer.block({ x0: px(x) - m, y0: py(s.target) - m, x1: px(x) + m, y1: py(s.target) + m });
  });

  for (const s of series) placer.avoidLine(s.points.map((p) => ({ x: px(p.x), y: py(p.y) })));

  const targets = new Set<number>();
  for (const s of series) if (s.target !== null) targets.add(s.target);
  const targetWord = options.targetWord ?? 'Target';
  const size = theme.fontSize;
  for (const t of targets) {
    const text = targets.size === 1 ? `${targetWord} ${formatY(t)}` : formatY(t);
    placer.place(px(x0), py(t), { x: x0, y: t, text, color: theme.target }, [
      { dx: 4, dy: -size * 0.8, align: 'left' },
      { dx: 4, dy: size * 0.8, align: 'left' },
      { dx: plotWidth - 4, dy: -size * 0.8, align: 'right' },
      { dx: plotWidth - 4, dy: size * 0.8, align: 'right' },
    ]);
  }
  const only = series.length === 1 ? series[0] : undefined;
  const last: XY | undefined = only?.points[only.points.length - 1];
  if (only && last) {
    const below = only.target !== null && last.y < only.target;
    const d = size * 1.1;
    const first = below ? 1 : -1;
    const slots: Slot[] = [];
    for (const row of [1, 2, 3]) {
      slots.push({ dx: 0, dy: first * row * d, align: 'right' });
      slots.push({ dx: 0, dy: -first * row * d, align: 'right' });
    }
    slots.push({ dx: -10, dy: 0, align: 'right' });
    const text = formatY(last.y);
    placer.place(px(last.x), py(last.y), { x: last.x, y: last.y, text, color: theme.text }, slots);
  }
  // Forecast labels: the date (with the series' name when there are several), above or below
  // its marker, stacked further out when a neighbour already holds the spot.
  const date = options.formatDate ?? ((ms: number) => new Date(ms).toISOString().slice(0, 10));
  let k = 0;
  prepared.series.forEach((s, i) => {
    const x = series[i]?.forecast;
    if (x === null || x === undefined || s.target === null || s.forecast === null) return;
    const marker = markers[k++]!;
    const name = options.names?.[i] ?? s.trend.name;
    const short = name.length > 24 ? `${name.slice(0, 23)}…` : name;
    const when = `${marker.shape === 'triangle-right' ? '→ ' : ''}${date(s.forecast)}`;
    const text = series.length > 1 ? `${short}: ${when}` : when;
    const slots: Slot[] = [];
    for (let row = 1; row <= 6; row++) {
      const dy = row * size * 1.35;
      for (const sign of [-1, 1]) {
        for (const align of ['center', 'right', 'left'] as const) {
          slots.push({
            dx: align === 'right' ? -2 : align === 'left' ? 2 : 0,
            dy: sign * dy,
            align,
          });
        }
      }
    }
    // A label wider than the room on either side of its marker: flush with a plot edge instead.
    for (let row = 1; row <= 6; row++) {
      for (const sign of [-1, 1]) {
        const dy = sign * row * size * 1.35;
        slots.push(
          { dx: -px(x), dy, align: 'left' },
          { dx: plotWidth - px(x), dy, align: 'right' },
        );
      }
    }
    placer.place(px(x), py(s.target), { x, y: s.target, text, color: marker.color }, slots);
  });
  const labels = placer.placed;
  return {
    series,
    pace,
    width,
    height,
    xDomain: [x0, x1],
    yDomain,
    xTicks,
    yTicks,
    labels,
    markers,
    theme,
    ...(options.description === undefined ? {} : { description: options.description }),
  };
}
