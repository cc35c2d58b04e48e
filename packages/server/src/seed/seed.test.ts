// The demo data: deterministic, dated relative to the day it is seeded so the dashboard shows
// the same picture whenever it runs, large enough for the portfolio, and carrying the
// documented demo tokens, hashed.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../clock.js';
import { customerView, goalCounts, successScoreOf, valueDeliveredOf } from '../derive/customer.js';
import { periodWindow } from '../derive/period.js';
import { seededDatabase } from '../testing/harness.js';
import { REPO_ROOT } from '../testing/process.js';
import { pgliteTemplate } from '../testing/test-db.js';
import { asRecord, DEMO_CHILDREN, DEMO_TOKENS, demoPortfolio } from './seed.js';

function acmeAt(now: Date) {
  const acme = demoPortfolio(now, 0).find((c) => c.customer.id === 'cus_acme')!;
  const w = periodWindow('all', acme.customer.contract_start, now);
  return customerView(
    { ...acme.customer, version: 1 },
    w,
    acme.goals.map((g) => asRecord(g, w.endMs)),
    acme.milestones,
  );
}

describe('demo data', () => {
  it('is the same portfolio every time for the same day', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(JSON.stringify(demoPortfolio(now))).toBe(JSON.stringify(demoPortfolio(now)));
  });

  it('has Acme, Globex and about 200 customers across segments and CSMs, most with 12 months of history', () => {
    const all = demoPortfolio(new Date('2026-04-30T09:00:00Z'));
    expect(all).toHaveLength(202);
    expect(new Set(all.map((c) => c.customer.segment))).toEqual(
      new Set(['enterprise', 'mid_market', 'smb']),
    );
    expect(new Set(all.map((c) => c.customer.csm_id)).size).toBeGreaterThanOrEqual(6);
    const histories = all.flatMap((c) =>
      c.goals.flatMap((g) =>
        g.metrics.map((m) => g.measurements.filter((x) => x.metric_id === m.id).length),
      ),
    );
    expect(histories.filter((n) => n >= 11).length / histories.length).toBeGreaterThan(0.5);
    expect(new Set(all.map((c) => c.customer.id)).size).toBe(202);
    expect(new Set(all.map((c) => c.customer.name)).size).toBe(202);
  });

  it('has one parent account with three children of the demo CSM, the same every time', () => {
    for (const now of [new Date('2026-04-30T09:00:00Z'), new Date('2027-02-11T23:59:00Z')]) {
      const all = demoPortfolio(now);
      const children = all.filter((c) => c.customer.parent_id !== null);
      expect(children.map((c) => c.customer.id)).toEqual(['cus_0061', 'cus_0065', 'cus_0069']);
      expect(children).toHaveLength(DEMO_CHILDREN);
      expect(new Set(children.map((c) => c.customer.parent_id))).toEqual(new Set(['cus_0053']));
      const parent = all.find((c) => c.customer.id === 'cus_0053')!;
      expect(parent.customer).toMatchObject({
        parent_id: null,
        csm_id: 'csm_riley',
        segment: 'enterprise',
      });
      for (const c of children) expect(c.customer.csm_id).toBe('csm_riley');
      // Inserted before its children (the foreign key), and nobody else is a parent or nested.
      expect(all.indexOf(parent)).toBeLessThan(all.indexOf(children[0]!));
      expect(all.filter((c) => c.customer.parent_id === null)).toHaveLength(202 - DEMO_CHILDREN);
    }
    // Only Acme and Globex: no hierarchy to make.
    expect(
      demoPortfolio(new Date('2026-04-30T09:00:00Z'), 0).some((c) => c.customer.parent_id),
    ).toBe(false);
  });

  it("shows the same dashboard whatever day it is seeded on: Acme's numbers are PRD-165's", () => {
    for (const now of [
      new Date('2026-04-30T09:00:00Z'),
      new Date('2027-02-11T23:59:00Z'),
      new Date('2026-11-23T00:01:00Z'),
    ]) {
      const v = acmeAt(now);
      expect(v.window.end).toBe(isoDay(now));
      expect(goalCounts(v.customer, v.goals)).toMatchObject({
        total: 5,
        achieved: 2,
        on_track: 2,
        at_risk: 1,
        achievement_rate: 40,
      });
      expect(valueDeliveredOf(v.customer, v.goals)).toMatchObject({
        total_value: 285_000,
        time_saved_hours: 2400,
        roi_multiplier: 285_000 / 68_000,
      });
      expect(successScoreOf(v.goals)).toEqual({ score: 91, band: 'strong', note: null });
    }
  });

  it('stores the three documented demo tokens, hashed, and nothing recorded after "now"', async () => {
    expect(DEMO_TOKENS.map((t) => [t.token, t.role])).toEqual([
      ['demo-manager-token', 'manager'],
      ['demo-csm-token', 'csm'],
      ['demo-viewer-token', 'viewer'],
    ]);
    const t = await seededDatabase('pglite');
    try {
      const rows = await t.db.query<{ token_hash: string; role: string; demo: boolean }>(
        'SELECT token_hash, role, demo FROM api_tokens WHERE demo ORDER BY id',
      );
      const hashes = DEMO_TOKENS.map((d) =>
        createHash('sha256').update(d.token).digest('hex'),
      ).sort();
      expect(rows.map((r) => r.token_hash).sort()).toEqual(hashes);
      const future = await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM measurements WHERE recorded_at > '2026-04-30T09:00:00Z' OR measured_at > '2026-04-30T09:00:00Z'",
      );
      expect(future[0]?.n).toBe(0);
      // Analysed once loaded: the planner has statistics for the big tables from the start.
      const analysed = await t.db.query<{ tablename: string }>(
        "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema() AND tablename IN ('goals', 'metrics', 'measurements') ORDER BY tablename",
      );
      expect(analysed.map((r) => r.tablename)).toEqual(['goals', 'measurements', 'metrics']);
    } finally {
      await t.cleanup();
    }
  }, 120_000);

  it('npm run seed fills an empty database once, and refuses to overwrite one without --reset', async () => {
    const blank = await pgliteTemplate('blank', 'initdb-only-v1', async () => {});
    const home = mkdtempSync(join(tmpdir(), 'cscx-seed-'));
    try {
      cpSync(join(blank, 'pgdata'), join(home, 'pgdata'), { recursive: true });
      const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
          cwd: REPO_ROOT,
          env: { ...process.env, CSCX_DATA_DIR: home },
          encoding: 'utf8',
        });
      const first = run([]);
      expect(first.stdout, first.stderr).toMatch(
        /^Seeded .*: 202 customers, \d+ goals, \d+ measurements/,
      );
      const second = run([]);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('already holds data; run npm run seed -- --reset');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
