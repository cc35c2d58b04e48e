// Reports rendered on the pool's thread: the same bytes as in the server's thread, the
// dashboard's metrics answered while a PDF renders, a crash failing only its own report, a full
// queue answered 503, and nothing left running after close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeInput } from '../../../report/src/testing/variants.js';
import { createApp } from '../app.js';
import { ProblemError } from '../problem.js';
import { responseProblems } from '../testing/contract.js';
import { seededDatabase, TOKENS, testClock } from '../testing/harness.js';
import { listen } from '../testing/listen.js';
import type { TestDatabase } from '../testing/test-db.js';
import { ReportPool } from './pool.js';
import { type ReportBody, type ReportJob, type ReportRenderer, renderJob } from './render.js';

const CRASHY = new URL('./crash-worker.fixture.mjs', import.meta.url);
const TIMED = new URL('./timed-worker.fixture.mjs', import.meta.url);

function job(format: ReportJob['format'], sections: ReportJob['sections'] = null): ReportJob {
  const { sections: _all, ...input } = acmeInput();
  return { format, input, sections };
}

/** What a promise settles to, so a rejection awaited later is never an unhandled one. */
function settled<T>(
  p: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function bytes(body: ReportBody): Buffer {
  return Buffer.from(typeof body === 'string' ? new TextEncoder().encode(body) : body);
}

describe('ReportPool', () => {
  const pools: ReportPool[] = [];
  const pool = (o: ConstructorParameters<typeof ReportPool>[0] = {}) => {
    const p = new ReportPool(o);
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('renders the same bytes on its thread as in this one, for every format', async () => {
    const p = pool();
    expect(p.threads).toBe(0);
    for (const format of ['pdf', 'ppt', 'html'] as const) {
      const [there, here] = await Promise.all([p.render(job(format)), renderJob(job(format))]);
      expect(typeof there).toBe(typeof here);
      if (format !== 'html') expect(there).toBeInstanceOf(Uint8Array);
      expect(bytes(there).length).toBeGreaterThan(1000);
      expect(bytes(there).equals(bytes(here))).toBe(true);
    }
    // One warm thread served all three.
    expect(p.threads).toBe(1);
  }, 60_000);

  it('fails only the report whose thread crashed, and renders the next on a fresh thread', async () => {
    const p = pool({ workerUrl: CRASHY });
    const ok = settled(p.render(job('html')));
    const crashed = settled(p.render(job('pdf', ['recommendations'])));
    const after = settled(p.render(job('html')));
    expect(await ok).toMatchObject({ ok: true, value: expect.stringContaining('Acme Corp') });
    const failure = await crashed;
    expect(failure.ok).toBe(false);
    expect(String(!failure.ok && failure.error)).toMatch(
      /stopped while rendering: it exited with code 70/,
    );
    expect(await after).toMatchObject({ ok: true, value: expect.stringContaining('Acme Corp') });
    expect(p.threads).toBe(1);
  }, 60_000);

  it('abandons a render that takes too long, replacing its thread, instead of hanging', async () => {
    const p = pool({ workerUrl: CRASHY, timeoutMs: 1000 });
    await p.render(job('html'));
    await expect(p.render(job('html', ['benchmarks']))).rejects.toThrow(/took longer than 1000 ms/);
    await expect(p.render(job('html'))).resolves.toContain('Acme Corp');
  }, 60_000);

  it('answers 503 with Retry-After when the queue is full, and queues up to its limit', async () => {
    const p = pool({ maxQueue: 1 });
    const first = p.render(job('pdf'));
    const queued = p.render(job('html'));
    const refused = await p.render(job('html')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    const problem = refused as ProblemError;
    expect(problem.status).toBe(503);
    expect(Number(problem.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await expect(first).resolves.toBeInstanceOf(Uint8Array);
    await expect(queued).resolves.toContain('Acme Corp');
  }, 60_000);

  it('estimates Retry-After from the queue: the reports ahead at their warm render times, not a thread start', async () => {
    // 800 ms to load, then 120 ms a PDF: the first render's time would include the load.
    const p = pool({ workerUrl: TIMED, maxQueue: 16 });
    await p.render(job('pdf'));
    const started = performance.now();
    const ahead = Array.from({ length: 17 }, () => settled(p.render(job('pdf'))));
    const refused = await p.render(job('pdf')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503 });
    const retryAfter = Number((refused as ProblemError).headers['retry-after']);
    await Promise.all(ahead);
    const drainedS = (performance.now() - started) / 1000;
    // 17 x 120 ms: the queue empties in about 2 s, and the estimate says so (it said 26 s).
    expect(
      retryAfter,
      `Retry-After ${retryAfter} s, drained in ${drainedS.toFixed(1)} s`,
    ).toBeLessThanOrEqual(Math.ceil(drainedS) + 1);
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(drainedS));
  }, 60_000);

  it('before anything is measured, estimates a cold queue from typical render times, far below 26 s', async () => {
    const p = pool({ workerUrl: TIMED, maxQueue: 16 });
    const ahead = Array.from({ length: 17 }, () => settled(p.render(job('pdf'))));
    const refused = await p.render(job('html')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503 });
    // A thread still loading (about 2 s) and 17 PDFs at about 250 ms each.
    expect(Number((refused as ProblemError).headers['retry-after'])).toBeLessThanOrEqual(8);
    await Promise.all(ahead);
  }, 60_000);

  it('ends its threads on close: waiting reports get 503, later ones too', async () => {
    const p = pool();
    await p.render(job('html'));
    expect(p.threads).toBe(1);
    const rendering = settled(p.render(job('pdf')));
    const waiting = settled(p.render(job('html')));
    await p.close();
    expect(p.threads).toBe(0);
    expect(await waiting).toMatchObject({ ok: false, error: { status: 503 } });
    const cut = await rendering;
    expect(String(!cut.ok && cut.error)).toMatch(/shutting down/);
    await expect(p.render(job('html'))).rejects.toMatchObject({ status: 503 });
  }, 60_000);

  it('rejects a size or queue limit that is not a whole number', () => {
    expect(() => new ReportPool({ size: 0 })).toThrow(/size must be a whole number >= 1/);
    expect(() => new ReportPool({ maxQueue: 1.5 })).toThrow(/maxQueue must be a whole number/);
  });
});

describe('the server with a ReportPool', () => {
  let t: TestDatabase;
  let reports: ReportPool;
  let started: () => void = () => {};
  /** Tells the test when a render has been handed to the pool. */
  const watched: ReportRenderer = {
    render(j) {
      started();
      return reports.render(j);
    },
  };

  beforeAll(async () => {
    t = await seededDatabase('pglite');
    reports = new ReportPool();
  }, 180_000);
  afterAll(async () => {
    await reports?.close();
    await t?.cleanup();
  });

  it('answers metrics requests over a real socket while a PDF renders, and reports keep their problems', async () => {
    const app = createApp({ db: t.db, clock: testClock(), static: false, reports: watched });
    const server = await listen(app);
    const headers = { authorization: `Bearer ${TOKENS.manager}` };
    const generate = () =>
      fetch(`${server.url}/api/reports/success-metrics/cus_acme/generate`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'pdf' }),
      });
    const metrics = () => fetch(`${server.url}/api/reports/success-metrics/cus_acme`, { headers });
    try {
      // Warm: the thread and its renderers are loaded, so the next render is all rendering.
      expect((await generate()).status).toBe(200);
      const order: string[] = [];
      const handedOver = new Promise<void>((resolve) => {
        started = resolve;
      });
      const pdf = generate().then(async (r) => {
        const body = new Uint8Array(await r.arrayBuffer());
        order.push('pdf');
        return { status: r.status, body };
      });
      await handedOver;
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          metrics().then(async (r) => {
            order.push('metrics');
            return { status: r.status, json: (await r.json()) as { customer: { id: string } } };
          }),
        ),
      );
      const report = await pdf;
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.json.customer.id).toBe('cus_acme');
      }
      expect(report.status).toBe(200);
      expect(new TextDecoder().decode(report.body.slice(0, 5))).toBe('%PDF-');
      // Every metrics request was answered while the PDF was still being rendered.
      expect(order).toEqual(['metrics', 'metrics', 'metrics', 'metrics', 'metrics', 'pdf']);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('answers 503 with Retry-After, as a problem, when the rendering queue is full', async () => {
    const full = new ReportPool({ maxQueue: 0 });
    try {
      const app = createApp({ db: t.db, clock: testClock(), static: false, reports: full });
      const post = () =>
        app.request('http://server.test/api/reports/success-metrics/cus_acme/generate', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKENS.manager}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ format: 'html' }),
        });
      const first = post();
      // The first request reaches the pool only after its reads: give it the thread first.
      while (full.threads === 0) await new Promise((r) => setTimeout(r, 5));
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const text = await refused.text();
      expect(JSON.parse(text)).toMatchObject({ status: 503, title: 'Service unavailable' });
      expect(responseProblems('generateSuccessReport', 503, refused.headers, text)).toEqual([]);
      expect((await first).status).toBe(200);
    } finally {
      await full.close();
    }
  }, 120_000);

  it('answers 500 as a problem when the rendering thread crashes, then renders the next report', async () => {
    const crashy = new ReportPool({ workerUrl: CRASHY });
    try {
      const app = createApp({ db: t.db, clock: testClock(), static: false, reports: crashy });
      const post = (sections: string[] | undefined) =>
        app.request('http://server.test/api/reports/success-metrics/cus_acme/generate', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKENS.manager}`,
            'content-type': 'application/json',
          },
          // Internal: a customer-facing report refuses the recommendations section (422).
          body: JSON.stringify({ format: 'pdf', include_sections: sections, audience: 'internal' }),
        });
      const crashed = await post(['recommendations']);
      expect(crashed.status).toBe(500);
      expect(await crashed.json()).toMatchObject({ status: 500, title: 'Internal server error' });
      const next = await post(undefined);
      expect(next.status).toBe(200);
      expect(next.headers.get('content-type')).toBe('application/pdf');
    } finally {
      await crashy.close();
    }
  }, 120_000);
});
