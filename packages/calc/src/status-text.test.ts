import { describe, expect, it } from 'vitest';
import { formatBenchmarkValue } from './format.js';
import {
  atRiskSummaryLine,
  BAND_TEXT,
  goalStatusText,
  goalsOnTrackOrExceeded,
  metricStatusText,
  milestoneStatusText,
  onTrackSummaryLine,
  PERIOD_ALL_TEXT,
  periodText,
  SEGMENT_TEXT,
  STATUS_TEXT,
  segmentText,
  valueSummaryLine,
} from './status-text.js';

describe('one vocabulary (issue 11)', () => {
  it('reads an achieved goal above 100 % as "Exceeded" (PRD-069), at 100 % as "Achieved"', () => {
    expect(goalStatusText('achieved', true)).toBe('Exceeded');
    expect(goalStatusText('achieved', false)).toBe('Achieved');
    expect(goalStatusText('achieved')).toBe('Achieved');
    expect(goalStatusText('at_risk', true)).toBe('At risk');
    expect(goalStatusText('not_started')).toBe('Not started');
    expect(goalStatusText('on_track')).toBe('On track');
    expect(goalStatusText('missed')).toBe('Missed');
  });

  it('gives a metric above its target the goal\'s word, "Exceeded", never "Exceeding"', () => {
    expect(metricStatusText('exceeding', 118.75)).toBe('Exceeded');
    expect(metricStatusText('exceeding', 100)).toBe('Achieved');
    expect(metricStatusText('exceeding')).toBe('Exceeded');
    expect(metricStatusText('on_track', 92)).toBe('On track');
    expect(metricStatusText('not_met', 10)).toBe('Not met');
    expect(metricStatusText(null)).toBe('No data');
    expect(Object.values(STATUS_TEXT)).not.toContain('Exceeding');
  });

  it('names milestones and score bands in the same words', () => {
    expect(milestoneStatusText('achieved')).toBe(STATUS_TEXT.achieved);
    expect(milestoneStatusText('planned')).toBe('Planned');
    expect(BAND_TEXT.strong).toBe('Strong');
  });

  it('says PRD-069\'s executive summary: "4 of 5 goals on track or exceeded"', () => {
    const n = goalsOnTrackOrExceeded({ total: 5, achieved: 2, onTrack: 2 });
    expect(n).toBe(4);
    const l = onTrackSummaryLine(n, 5);
    expect(`${l.figure} ${l.words}`).toBe('4 of 5 goals on track or exceeded');
    expect(onTrackSummaryLine(1200, 1500, { locale: 'de-DE' }).figure).toBe('1.200 of 1.500');
    const v = valueSummaryLine(245_000, 'USD');
    expect(`${v.figure} ${v.words}`).toBe('$245,000 estimated annual value delivered');
    expect(atRiskSummaryLine(1)).toEqual({ figure: '1', words: 'goal at risk' });
    expect(atRiskSummaryLine(0).words).toBe('goals at risk');
  });
});

describe('formatBenchmarkValue', () => {
  it('shows an ROI benchmark as the multiplier the ROI card shows (TC-165.2: 4.2x, not 419%)', () => {
    expect(formatBenchmarkValue('roi_pct', 419.11764705882354)).toBe('4.2x');
    expect(formatBenchmarkValue('roi_pct', 175.85)).toBe('1.8x');
    expect(formatBenchmarkValue('roi_pct', 419.12, { locale: 'de-DE' })).toBe('4,2x');
    expect(formatBenchmarkValue('roi_multiplier', 4.19)).toBe('4.2x');
    expect(formatBenchmarkValue('roi_pct', null)).toBe('—');
  });

  it('shows the success score whole and other metrics as percents', () => {
    expect(formatBenchmarkValue('success_score', 91.4)).toBe('91');
    expect(formatBenchmarkValue('achievement_rate', 40)).toBe('40%');
    expect(formatBenchmarkValue('achievement_rate', Number.NaN)).toBe('—');
  });
});

describe('periodText and segmentText', () => {
  it('names the default period "All time" and leaves a quarter, month or year as it is', () => {
    expect(periodText('all')).toBe(PERIOD_ALL_TEXT);
    expect(PERIOD_ALL_TEXT).toBe('All time');
    for (const p of ['2026-Q2', '2026-04', '2026']) expect(periodText(p)).toBe(p);
  });

  it('names each segment as the portfolio shows it, and an unknown one by its wire name', () => {
    expect(segmentText('enterprise')).toBe('Enterprise');
    expect(segmentText('mid_market')).toBe('Mid-market');
    expect(segmentText('smb')).toBe(SEGMENT_TEXT.smb);
    expect(segmentText('public_sector')).toBe('public_sector');
  });
});
