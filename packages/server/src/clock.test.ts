// Dates and timestamps from requests: real calendar days only, RFC 3339 with a zone only.
import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, parseTimestamp } from './clock.js';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '0001-01-01'])('accepts %s', (d) =>
    expect(isCalendarDate(d)).toBe(true),
  );
  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-4-1',
    '0000-01-01',
    '2026-04-31',
    ' 2026-04-01',
  ])('refuses %s', (d) => expect(isCalendarDate(d)).toBe(false));
});

describe('parseTimestamp', () => {
  it('reads RFC 3339 with Z or an offset, fractions included', () => {
    expect(parseTimestamp('2026-04-28T00:00:00Z')).toBe(Date.UTC(2026, 3, 28));
    expect(parseTimestamp('2026-04-28T02:00:00+02:00')).toBe(Date.UTC(2026, 3, 28));
    expect(parseTimestamp('2026-04-28t00:00:00.123z')).toBe(Date.UTC(2026, 3, 28) + 123);
  });
  it.each([
    '2026-04-28',
    '2026-04-28T00:00:00',
    '2026-04-28 00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-04-28T24:00:00Z',
    '2026-04-28T00:00:00+24:00',
    'yesterday',
  ])('refuses %s', (t) => expect(parseTimestamp(t)).toBeNull());
});

it('moves dates by calendar days across months and leap days', () => {
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  expect(addDays('2026-04-30', 61)).toBe('2026-06-30');
});
