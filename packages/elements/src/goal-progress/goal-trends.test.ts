import { expect } from '@open-wc/testing';
import { globexAccount, goalExample } from '../testing/fixtures.js';
import { describe, it } from '../testing/mocha.js';
import { goalTrends, metricTrend } from './goal-trends.js';

describe('metricTrend', () => {
  it('turns measurements into the ProgressTrend the API would send', () => {
    const goal = goalExample();
    expect(metricTrend(goal, goal.metrics[0]!)).to.deep.equal({
      goal_id: 'goal_acme_ticket_time',
      metric_id: 'met_acme_resolution_time',
      name: 'Average resolution time',
      unit: 'hours',
      direction: 'lower_is_better',
      target: 12,
      baseline: 24,
      points: [
        { date: '2026-01-31', value: 20 },
        { date: '2026-02-28', value: 16.5 },
        { date: '2026-03-31', value: 13 },
        { date: '2026-04-28', value: 11.5 },
      ],
      // calc: the latest measurement already meets the target, so its date.
      forecast_date: '2026-04-28',
    });
  });

  it('keeps one point per UTC day, the latest measurement of it, oldest first', () => {
    const goal = goalExample();
    const metric = goal.metrics[0]!;
    metric.measurements = [
      { measured_at: '2026-02-01T18:00:00Z', value: 15, source: null, note: null },
      { measured_at: '2026-01-05T09:00:00Z', value: 22, source: null, note: null },
      { measured_at: '2026-02-01T08:00:00Z', value: 17, source: null, note: null },
      { measured_at: 'not a date', value: 1, source: null, note: null },
    ];
    expect(metricTrend(goal, metric).points).to.deep.equal([
      { date: '2026-01-05', value: 22 },
      { date: '2026-02-01', value: 15 },
    ]);
  });

  it('gives one trend per metric, with no forecast from a single point', () => {
    const trends = goalTrends(globexAccount().goals[0]!);
    expect(trends.map((t) => [t.name, t.points.length, t.forecast_date])).to.deep.equal([
      ['Tasks per person per day', 1, null],
      ['System adoption', 1, null],
      ['Process automation', 1, null],
    ]);
  });
});
