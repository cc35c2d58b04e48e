import { expect } from '@open-wc/testing';
import { transforms } from 'vega-dataflow';
import { parse } from 'vega-parser';
import { describe, it } from '../testing/mocha.js';
import type { ProgressTrend } from '../types.js';
import { prepareTrends } from './series.js';
import { trendModel } from './trend-model.js';
import { trendSpec } from './trend-spec.js';
import './vega-runtime.js';

const trend = (i: number): ProgressTrend => ({
  goal_id: 'goal',
  metric_id: `met_${i}`,
  name: `Metric ${i}`,
  unit: 'hours',
  direction: 'lower_is_better',
  target: 12,
  baseline: 24,
  forecast_date: '2026-05-01',
  points: [
    { date: '2026-01-01', value: 20 },
    { date: '2026-02-01', value: 18 },
  ],
});

describe('the chart runtime', () => {
  it('registers every operator a trend spec with all its parts needs', () => {
    const theme = {
      series: ['#0a58b8'],
      text: '#000',
      muted: '#555',
      grid: '#ddd',
      target: '#1a7f37',
      baseline: '#555',
      pace: '#555',
      forecast: '#0a58b8',
      font: 'sans-serif',
      fontSize: 12,
    };
    const pace = {
      from: { x: Date.UTC(2026, 0, 1), y: 24 },
      to: { x: Date.UTC(2026, 5, 1), y: 12 },
    };
    const model = trendModel(prepareTrends([trend(0), trend(1)]), {
      width: 600,
      height: 240,
      theme,
      locale: 'en-US',
      formatY: String,
      pace,
    });
    expect(model.markers).to.have.length(2);
    const runtime = parse(trendSpec(model), undefined, { ast: true }) as unknown as {
      operators: { type: string }[];
    };
    const registry = transforms as unknown as Record<string, unknown>;
    const missing = runtime.operators
      .map((o) => o.type.toLowerCase())
      .filter((t) => t !== 'operator' && !(t in registry));
    expect(missing).to.deep.equal([]);
  });
});
