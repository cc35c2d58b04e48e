import { expect } from '@open-wc/testing';
import { createFormat } from './format.js';
import { describe, it } from './testing/mocha.js';

describe('createFormat', () => {
  it('shows the PRD-165 mock-up figures in en-US', () => {
    const f = createFormat(undefined, undefined);
    expect(f.money(285000, 'USD', true)).to.equal('$285K');
    expect(f.money(68000, 'USD', true)).to.equal('$68K');
    expect(f.money(285000, 'USD')).to.equal('$285,000');
    expect(f.multiplier(4.1911764705882355)).to.equal('4.2x');
    expect(f.hours(2400)).to.equal('2,400 hrs');
    expect(f.percent(40)).to.equal('40%');
    expect(f.date('2026-01-15', 'short')).to.equal('Jan 15');
    expect(f.ordinal(80)).to.equal('80th');
    expect(f.ordinal(81)).to.equal('81st');
  });

  it('formats in de-DE with the currency override', () => {
    const f = createFormat('de-DE', 'EUR');
    expect(f.money(285000, 'USD')).to.equal('285.000\u00a0€');
    expect(f.multiplier(4.19)).to.equal('4,2x');
    expect(f.hours(2400)).to.equal('2.400 Std.');
    expect(f.percent(40)).to.equal('40\u00a0%');
    expect(f.date('2026-01-15')).to.equal('15.01.2026');
    expect(f.ordinal(80)).to.equal('80.');
  });

  it('formats a metric by its unit', () => {
    const f = createFormat('en-US', undefined);
    expect(f.metric(11.5, 'hours')).to.equal('11.5 hrs');
    expect(f.metric(78, '%')).to.equal('78%');
    expect(f.metric(35000, 'USD')).to.equal('$35,000');
    // The host's currency override reaches metrics measured in money too.
    expect(createFormat('en-US', 'EUR').metric(35000, 'USD')).to.equal('€35,000');
    expect(f.metric(85, 'ms')).to.equal('85 ms');
    expect(f.metric(48, '')).to.equal('48');
    expect(f.metric(null, 'ms')).to.equal('—');
  });

  it('falls back to en-US for an invalid locale instead of throwing', () => {
    expect(createFormat('not a locale!', undefined).money(1000, 'USD')).to.equal('$1,000');
  });
});
