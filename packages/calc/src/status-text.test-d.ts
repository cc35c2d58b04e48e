import { describe, expectTypeOf, it } from 'vitest';
import {
  goalStatusText,
  metricStatusText,
  onTrackSummaryLine,
  STATUS_TEXT,
  type SummaryLine,
} from './status-text.js';

describe('status-text types', () => {
  it('keeps the words literal and the lines typed', () => {
    expectTypeOf(STATUS_TEXT.exceeded).toEqualTypeOf<'Exceeded'>();
    expectTypeOf(goalStatusText).returns.toEqualTypeOf<string>();
    expectTypeOf(metricStatusText)
      .parameter(0)
      .toEqualTypeOf<'exceeding' | 'on_track' | 'at_risk' | 'not_met' | null>();
    expectTypeOf(onTrackSummaryLine).returns.toEqualTypeOf<SummaryLine>();
  });
});
