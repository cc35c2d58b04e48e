// The shipped goal template library: it covers PRD-165 Appendix A and every entry passes the
// validation the API applies to a manager's template (checkTemplate), so none can suggest a goal
// that createSuccessGoal would refuse.
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problem.js';
import { LIBRARY } from './library.js';
import { checkTemplate } from './validate.js';

/** PRD-165 Appendix A "Common Success Goals by Category": category, example goal, typical metrics. */
const APPENDIX_A = [
  ['efficiency', 'Reduce process time', ['Hours saved', 'FTE equivalent']],
  ['revenue', 'Increase sales', ['Revenue generated', 'Deals closed']],
  ['cost', 'Reduce expenses', ['Cost reduction', 'Savings']],
  ['quality', 'Improve accuracy', ['Error rate', 'Defect reduction']],
  ['adoption', 'Increase usage', ['Active users', 'Feature adoption']],
  ['satisfaction', 'Improve NPS', ['NPS score', 'CSAT']],
] as const;

const body = ({ id: _id, ...rest }: (typeof LIBRARY)[number]) => rest;

describe('the shipped goal template library', () => {
  it.each(APPENDIX_A)(
    'has the Appendix A %s goal "%s" with its typical metrics, for any industry',
    (category, goal, metrics) => {
      const t = LIBRARY.find((x) => x.goal.name === goal);
      expect(t, goal).toBeDefined();
      expect(t?.goal.category).toBe(category);
      expect(t?.industry).toBeNull();
      expect(t?.goal.metrics.map((m) => m.name)).toEqual(metrics);
    },
  );

  it('uses every category of Appendix A and ids of the form tpl_<words>, each once', () => {
    const ids = LIBRARY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^tpl_[a-z0-9_]+$/);
    expect(ids).toContain('tpl_reduce_resolution_time');
    expect(new Set(LIBRARY.map((t) => t.goal.category))).toEqual(
      new Set(APPENDIX_A.map(([c]) => c)),
    );
  });

  it.each(LIBRARY.map((t) => [t.id, t] as const))(
    '%s passes the validation of a custom template unchanged',
    (_id, t) => {
      const checked = checkTemplate(body(t));
      expect(checked.name).toBe(t.name);
      // Validated twice gives the same: what is served is itself a valid template body.
      expect(checkTemplate(checked)).toEqual(checked);
      // Its directions are stated, never left to inference.
      expect(checked.goal.metrics.map((m) => m.direction)).toEqual(
        t.goal.metrics.map((m) => m.direction),
      );
    },
  );

  it('would catch an entry the API refuses: a direction contradicting its baseline and target', () => {
    const [first] = LIBRARY;
    if (!first) throw new Error('empty library');
    const broken = structuredClone(body(first));
    const metric = broken.goal.metrics[0];
    if (!metric) throw new Error('no metric');
    metric.direction = 'lower_is_better';
    const e = (() => {
      try {
        checkTemplate(broken);
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).errors).toEqual([
      expect.objectContaining({ field: '/goal/metrics/0/direction', code: 'direction_conflict' }),
    ]);
  });
});
