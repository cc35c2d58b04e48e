// The real server process: a SIGKILL in the middle of a burst of writes loses no acknowledged
// write and leaves a database that opens again; a second server on the same data directory
// stops with a clear error; SIGTERM finishes in-flight requests and closes cleanly; --no-demo
// starts without demo data and tokens.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededTemplateDir } from './testing/harness.js';
import { type ServerProcess, serverUrl, startServer } from './testing/process.js';
import { pgliteTemplate } from './testing/test-db.js';

const AUTH = { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' };

let seeded: string;
let blank: string;
const homes: string[] = [];
const running: ServerProcess[] = [];

/** A data directory holding a copy of a template database. */
function dataDir(template: string): string {
  const home = mkdtempSync(join(tmpdir(), 'cscx-proc-'));
  homes.push(home);
  cpSync(join(template, 'pgdata'), join(home, 'pgdata'), { recursive: true });
  return home;
}

function start(dir: string, args: string[] = []): ServerProcess {
  const p = startServer({ CSCX_DATA_DIR: dir }, args);
  running.push(p);
  return p;
}

beforeAll(async () => {
  seeded = await seededTemplateDir();
  blank = await pgliteTemplate('blank', 'initdb-only-v1', async () => {});
}, 180_000);
afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

describe('the server process', () => {
  it('keeps every acknowledged write across a SIGKILL in the middle of a burst', async () => {
    const dir = dataDir(seeded);
    const first = start(dir);
    const url = await serverUrl(first);
    const created = await fetch(`${url}/api/success-goals`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        customer_id: 'cus_acme',
        name: 'Burst',
        metric: 'v',
        baseline_value: 0,
        target_value: 1e6,
        target_date: '2026-12-31',
      }),
    });
    const goal = (await created.json()) as { id: string; metrics: { id: string }[] };
    const metricId = goal.metrics[0]!.id;
    const acked = new Set<number>();
    let next = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const value = next++;
        try {
          const r = await fetch(`${url}/api/success-goals/${goal.id}/measurements`, {
            method: 'POST',
            headers: AUTH,
            body: JSON.stringify({
              metric_id: metricId,
              value,
              measured_at: new Date(Date.UTC(2026, 0, 1) + value * 60_000).toISOString(),
            }),
          });
          if (r.status === 201) acked.add(value);
          await r.arrayBuffer();
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    while (acked.size < 120) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    stop = true;
    await Promise.all(writers);
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'server.lock'))).toBe(true);

    // The stale lock of the dead pid is taken over; the database opens and holds every ack.
    const second = start(dir);
    const url2 = await serverUrl(second);
    const read = await fetch(`${url2}/api/success-goals/${goal.id}`, { headers: AUTH });
    expect(read.status).toBe(200);
    const stored = (await read.json()) as {
      version: number;
      metrics: { measurements: { value: number }[] }[];
    };
    const values = new Set(stored.metrics[0]!.measurements.map((m) => m.value));
    const lost = [...acked].filter((v) => !values.has(v));
    expect(lost).toEqual([]);
    // The version counts every stored measurement: no half-applied write.
    expect(stored.version).toBe(1 + values.size);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 180_000);

  it('refuses a second server on the same data directory, naming the directory and the pid', async () => {
    const dir = dataDir(seeded);
    const first = start(dir);
    await serverUrl(first);
    const second = start(dir);
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain(
      `The data directory ${dir} is in use by another CSCX server (pid ${first.child.pid})`,
    );
    // The first one is unharmed.
    expect(first.child.exitCode).toBeNull();
  }, 120_000);

  it('finishes in-flight requests on SIGTERM, closes the database and releases the directory', async () => {
    const dir = dataDir(seeded);
    const p = start(dir);
    const url = await serverUrl(p);
    const goal = (await (
      await fetch(`${url}/api/success-goals/goal_acme_nps`, { headers: AUTH })
    ).json()) as { version: number };
    // A request the server has started reading when the signal arrives: its body is still coming.
    const body = new TextEncoder().encode(JSON.stringify({ metric_id: 'met_acme_nps', value: 49 }));
    let push!: (chunk: Uint8Array | null) => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (chunk) => (chunk === null ? controller.close() : controller.enqueue(chunk));
      },
    });
    const inflight = fetch(`${url}/api/success-goals/goal_acme_nps/measurements`, {
      method: 'POST',
      headers: AUTH,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    push(body.slice(0, 5));
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect(p.child.exitCode).toBeNull();
    push(body.slice(5));
    push(null);
    const r = await inflight;
    expect(r.status).toBe(201);
    expect(((await r.json()) as { goal: { version: number } }).goal.version).toBe(goal.version + 1);
    const { code } = await p.exited;
    expect(code).toBe(0);
    expect(p.output()).toContain('Stopped.');
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
    // New connections are refused once it stopped; the write is there on the next start.
    const again = start(dir);
    const url2 = await serverUrl(again);
    const after = (await (
      await fetch(`${url2}/api/success-goals/goal_acme_nps`, { headers: AUTH })
    ).json()) as { current_value: number };
    expect(after.current_value).toBe(49);
    again.child.kill('SIGTERM');
    await again.exited;
  }, 120_000);

  it('starts an empty database without demo data or tokens with --no-demo', async () => {
    const dir = dataDir(blank);
    const p = start(dir, ['--no-demo']);
    const url = await serverUrl(p);
    expect(p.output()).toContain('No demo tokens');
    const r = await fetch(`${url}/api/customers`, { headers: AUTH });
    expect(r.status).toBe(401);
    p.child.kill('SIGTERM');
    await p.exited;
  }, 120_000);
});
