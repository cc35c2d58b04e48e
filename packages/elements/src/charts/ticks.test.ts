import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.js';
import { numberTicks, timeTicks } from './ticks.js';

describe('numberTicks', () => {
  it('steps by 1, 2 or 5 x 10^k and covers the range', () => {
    expect(numberTicks(11.5, 24, 5, 'en-US').map((t) => t.label)).to.deep.equal([
      '10',
      '15',
      '20',
      '25',
    ]);
    expect(numberTicks(0.12, 0.38, 4, 'en-US').map((t) => t.value)).to.deep.equal([
      0.1, 0.2, 0.3, 0.4,
    ]);
  });

  it('labels in the locale, compact when large', () => {
    expect(numberTicks(0, 1.5, 3, 'de-DE').map((t) => t.label)).to.deep.equal([
      '0',
      '0,5',
      '1',
      '1,5',
    ]);
    expect(numberTicks(0, 50_000, 3, 'en-US').map((t) => t.label)).to.deep.equal([
      '0',
      '20K',
      '40K',
      '60K',
    ]);
  });

  it('gives a flat series a band around its value and no ticks for NaN', () => {
    const ticks = numberTicks(12, 12, 4, 'en-US');
    expect(ticks[0]!.value).to.be.below(12);
    expect(ticks.at(-1)!.value).to.be.above(12);
    expect(numberTicks(Number.NaN, 1, 4, 'en-US')).to.deep.equal([]);
  });
});

describe('timeTicks', () => {
  const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

  it('puts month ticks on the 1st with the year on the first and on January', () => {
    expect(
      timeTicks(utc(2025, 11, 15), utc(2026, 3, 10), 8, 'en-US').map((t) => t.label),
    ).to.deep.equal(['Dec 2025', 'Jan 2026', 'Feb', 'Mar']);
  });

  it('widens the step to fit the room: quarters, then years', () => {
    const year = timeTicks(utc(2025, 1, 1), utc(2025, 12, 31), 4, 'en-US');
    expect(year.map((t) => t.label)).to.deep.equal(['Jan 2025', 'Apr', 'Jul', 'Oct']);
    const decade = timeTicks(utc(2016, 1, 1), utc(2026, 1, 1), 6, 'en-US');
    expect(decade.map((t) => t.label)).to.deep.equal([
      '2016',
      '2018',
      '2020',
      '2022',
      '2024',
      '2026',
    ]);
  });

  it('uses days, through calc, for short ranges', () => {
    expect(
      timeTicks(utc(2026, 4, 1), utc(2026, 4, 4), 8, 'en-US').map((t) => t.label),
    ).to.deep.equal(['Apr 1', 'Apr 2', 'Apr 3', 'Apr 4']);
    expect(timeTicks(utc(2026, 4, 1), utc(2026, 4, 2), 8, 'de-DE')[0]!.label).to.equal('1. Apr.');
  });
});
