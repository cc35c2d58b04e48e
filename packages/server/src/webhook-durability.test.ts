// Webhooks in the real server process: a message queued before a SIGKILL is delivered by the
// next server on the same data directory, and a goal crossing its target there reaches the
// receiver, signed, within seconds (the worker `npm start` runs, on the wall clock).
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { seededTemplateDir } from './testing/harness.js';
import { type ServerProcess, serverUrl, startServer } from './testing/process.js';
import { type Receiver, startReceiver, verified } from './testing/webhook-receiver.js';

const AUTH = { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' };
const homes: string[] = [];
const running: ServerProcess[] = [];
let receiver: Receiver | undefined;

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await receiver?.stop();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('delivers after a SIGKILL what was queued before it, and a new goal.achieved within seconds', async () => {
  receiver = await startReceiver(() => new Date());
  const home = mkdtempSync(join(tmpdir(), 'cscx-hook-proc-'));
  homes.push(home);
  cpSync(join(await seededTemplateDir(), 'pgdata'), join(home, 'pgdata'), { recursive: true });
  const env = { CSCX_DATA_DIR: home, CSCX_WEBHOOK_ALLOW_PRIVATE: '1' };

  const first = startServer(env);
  running.push(first);
  const url = await serverUrl(first);
  const created = await fetch(`${url}/api/webhooks`, {
    method: 'POST',
    headers: { ...AUTH, 'idempotency-key': randomUUID() },
    // Disabled, so the test message stays queued until the next server enables it.
    body: JSON.stringify({ url: receiver.url, event_types: ['goal.achieved'], enabled: false }),
  });
  expect(created.status).toBe(201);
  const hook = (await created.json()) as { id: string; secret: string };
  const ping = await fetch(`${url}/api/webhooks/${hook.id}/test`, {
    method: 'POST',
    headers: AUTH,
  });
  expect(ping.status).toBe(202);
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');

  const second = startServer(env);
  running.push(second);
  const url2 = await serverUrl(second);
  const enabled = await fetch(`${url2}/api/webhooks/${hook.id}`, {
    method: 'PUT',
    headers: { ...AUTH, 'if-match': '"1"' },
    body: JSON.stringify({ url: receiver.url, event_types: ['goal.achieved'] }),
  });
  expect(enabled.status).toBe(200);
  const goal = (await (
    await fetch(`${url2}/api/success-goals`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        customer_id: 'cus_acme',
        name: 'Cut ticket time',
        metric: 'Average resolution time',
        unit: 'hours',
        baseline_value: 24,
        target_value: 12,
        target_date: '2099-12-31',
      }),
    })
  ).json()) as { id: string; metrics: { id: string }[] };
  const measured = await fetch(`${url2}/api/success-goals/${goal.id}/measurements`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({ metric_id: goal.metrics[0]?.id, value: 11.5 }),
  });
  expect(measured.status).toBe(201);

  await until('two deliveries', () => (receiver?.received.length ?? 0) >= 2);
  const events = receiver.received.map(
    (r) => verified(hook.secret, r) as { type: string; data: { goal_id?: string } },
  );
  expect(events.map((e) => e.type).sort()).toEqual(['goal.achieved', 'webhook.test']);
  expect(events.find((e) => e.type === 'goal.achieved')?.data.goal_id).toBe(goal.id);
  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);

  // The signing secret was encrypted under the key file the first start made beside pgdata/,
  // which the second read: it signed with the same secret. Another key stops the start, named.
  expect(statSync(join(home, 'secrets.key')).mode & 0o777).toBe(0o600);
  const wrong = startServer({ ...env, CSCX_SECRETS_KEY: randomBytes(32).toString('base64') });
  running.push(wrong);
  expect((await wrong.exited).code).toBe(1);
  expect(wrong.output()).toMatch(
    /cscx-server: 1 webhook signing secret\(s\) are encrypted with key [0-9a-f]{16}, which this server does not have \(key [0-9a-f]{16} from CSCX_SECRETS_KEY\)\. Set CSCX_SECRETS_KEY to the key they were encrypted with; to rotate, set CSCX_SECRETS_KEY to the new key and CSCX_SECRETS_KEY_PREVIOUS to the old one\./,
  );
  expect(wrong.output()).not.toContain('reference server on');
  // Without the key file (lost, not backed up) the start stops too, and makes no new key.
  unlinkSync(join(home, 'secrets.key'));
  const lost = startServer(env);
  running.push(lost);
  expect((await lost.exited).code).toBe(1);
  expect(lost.output()).toContain(
    `cscx-server: Webhook signing secrets in the database are encrypted, but the key file ${join(home, 'secrets.key')} does not exist: restore it, or set CSCX_SECRETS_KEY (or CSCX_SECRETS_KEY_FILE) to the key they were encrypted with.`,
  );
  expect(() => statSync(join(home, 'secrets.key'))).toThrow();
}, 180_000);
