import { finiteOr, isFiniteNumber } from './result.js';

/**
 * A metric's status (PRD-069 data model: SuccessMetric.status).
 *
 * @example
 * const s: MetricStatus | null = metricStatus(92); // 'on_track'
 */
export type MetricStatus = 'exceeding' | 'on_track' | 'at_risk' | 'not_met';

/**
 * Lower bounds, in percent of target, of each {@link MetricStatus} band.
 *
 * @example
 * const strict: MetricStatusThresholds = { exceeding: 110, onTrack: 90, atRisk: 60 };
 */
export interface MetricStatusThresholds {
  /** `percent >= exceeding` is `'exceeding'`. */
  readonly exceeding: number;
  /** `percent >= onTrack` (and below `exceeding`) is `'on_track'`. */
  readonly onTrack: number;
  /** `percent >= atRisk` (and below `onTrack`) is `'at_risk'`; below it, `'not_met'`. */
  readonly atRisk: number;
}

/**
 * Default bands, fitted to PRD-069's examples: 140 % exceeding; 92, 93, 87 % on track;
 * 60, 69, 40 % at risk.
 *
 * @example
 * DEFAULT_METRIC_STATUS_THRESHOLDS.onTrack; // 75
 */
export const DEFAULT_METRIC_STATUS_THRESHOLDS: Readonly<MetricStatusThresholds> =
  /* @__PURE__ */ Object.freeze({
    exceeding: 100,
    onTrack: 75,
    atRisk: 40,
  });

/**
 * The status band of a metric's progress percent (0-100 scale).
 *
 * percent >= exceeding (100) -> 'exceeding'; >= onTrack (75) -> 'on_track';
 * >= atRisk (40) -> 'at_risk'; else 'not_met' (PRD-069 "Success Metrics Data Model").
 * `null` when the percent is null or not a finite number: the metric cannot be judged.
 * `thresholds` overrides the defaults per field; a non-finite override keeps the default.
 * Bands are tested from `exceeding` down, so overrides out of order shadow the lower bands.
 *
 * @example
 * metricStatus(140); // 'exceeding'
 * metricStatus(69); // 'at_risk'
 * metricStatus(69, { atRisk: 70 }); // 'not_met'
 * metricStatus(null); // null
 */
export function metricStatus(
  percent: number | null | undefined,
  thresholds?: Partial<MetricStatusThresholds>,
): MetricStatus | null {
  if (!isFiniteNumber(percent)) return null;
  const d = DEFAULT_METRIC_STATUS_THRESHOLDS;
  return percent >= finiteOr(thresholds?.exceeding, d.exceeding)
    ? 'exceeding'
    : percent >= finiteOr(thresholds?.onTrack, d.onTrack)
      ? 'on_track'
      : percent >= finiteOr(thresholds?.atRisk, d.atRisk)
        ? 'at_risk'
        : 'not_met';
}
