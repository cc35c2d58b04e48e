/** A point of a chart series: x in epoch ms, y in the series' unit. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * Thins a series sorted by x to at most `max` points for drawing, keeping its shape: the range
 * is cut into max / 2 buckets and each keeps its lowest and highest point in x order, plus the
 * first and last point of the series. More points than pixels add drawing time and nothing a
 * reader can see (DESIGN.md "Known hazards": thin each series to the chart's pixel width).
 * The original array is returned untouched when it is already small enough.
 *
 * @example
 * thin(daily365, 200).length <= 200; // true
 */
export function thin<T extends XY>(points: readonly T[], max: number): readonly T[] {
  const n = points.length;
  const limit = Math.max(4, Math.floor(max));
  if (n <= limit) return points;
  const buckets = Math.floor((limit - 2) / 2);
  const out: T[] = [points[0]!];
  const size = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      const y = points[i]!.y;
      if (y < points[lo]!.y) lo = i;
      if (y > points[hi]!.y) hi = i;
    }
    if (lo === hi) out.push(points[lo]!);
    else if (lo < hi) out.push(points[lo]!, points[hi]!);
    else out.push(points[hi]!, points[lo]!);
  }
  out.push(points[n - 1]!);
  return out;
}
