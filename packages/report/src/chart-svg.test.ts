import { describe, expect, it } from 'vitest';
import { niceTicks, trendChartSvg } from './chart-svg.js';
import { TREND_TEXT } from './sections.js';
import { ACME_METRICS } from './testing/acme.js';

const upsell = ACME_METRICS.trends.find((t) => t.name === 'Upsell revenue closed');

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 50_000)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(niceTicks(11.5, 24)).toEqual([10, 15, 20, 25]);
    expect(niceTicks(0.1, 0.35)).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('widens a single value into a range and gives nothing for non-finite input', () => {
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('trendChartSvg', () => {
  it('draws the measurements and target as SVG with tick labels from calc in the locale', async () => {
    if (!upsell) throw new Error('Acme has an upsell trend');
    const svg = await trendChartSvg(upsell, { width: 200, height: 90, locale: 'de-DE' });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('stroke="#2155c4"');
    expect(svg).toContain('stroke-dasharray="4,3"');
    expect(svg).toContain('28. Apr.');
    expect(svg).not.toContain('Sat');
  });

  it('names each line in a legend: measured, target and baseline', async () => {
    if (!upsell) throw new Error('Acme has an upsell trend');
    const svg = (await trendChartSvg(upsell, { width: 200, height: 90, locale: 'en-US' })) ?? '';
    for (const key of [TREND_TEXT.measured, TREND_TEXT.target, TREND_TEXT.baseline])
      expect(svg).toContain(`>${key}</text>`);
    const noBaseline = await trendChartSvg(
      { ...upsell, baseline: null },
      { width: 200, height: 90, locale: 'en-US' },
    );
    expect(noBaseline).not.toContain(`>${TREND_TEXT.baseline}</text>`);
  });

  it('draws nothing for a metric without measurements', async () => {
    if (!upsell) throw new Error('Acme has an upsell trend');
    expect(
      await trendChartSvg({ ...upsell, points: [] }, { width: 200, height: 90, locale: 'en-US' }),
    ).toBeNull();
  });
});
