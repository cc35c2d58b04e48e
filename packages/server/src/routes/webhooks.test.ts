// Webhooks end to end: subscriptions through the API, events queued by the writes that raise
// them, and the delivery worker posting to a real receiver on 127.0.0.1 that verifies every
// request with `standardwebhooks`. Time is the test clock: retries are driven by advancing it.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openPglite } from '../db/pglite.js';
import { type Api, apiOf } from '../testing/api.js';
import { seededDatabase, type TestApp, testApp, testClock } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';
import {
  freePort,
  type Received,
  type Receiver,
  startReceiver,
  verified,
} from '../testing/webhook-receiver.js';
import { WebhookDispatcher } from '../webhooks/deliver.js';
import { LOG_KEEP_MS, purgeDeliveries } from '../webhooks/outbox.js';
import { RETRY_WINDOW_MS } from '../webhooks/schedule.js';
import { sealStoredSecrets } from '../webhooks/seal-stored.js';
import { SecretBox, SecretKeyError } from '../webhooks/secret-box.js';
import { sweepAlerts } from '../write/alert-sweep.js';

type Payload = { type: string; timestamp: string; data: Record<string, unknown> };

const key = () => ({ 'idempotency-key': randomUUID() });

describeBackends('webhooks (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let receiver: Receiver;
  const allowBefore = process.env.CSCX_WEBHOOK_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.CSCX_WEBHOOK_ALLOW_PRIVATE = '1';
    t = await testApp(backend);
    call = apiOf(t.app);
    receiver = await startReceiver(t.clock);
  }, 180_000);
  afterAll(async () => {
    await receiver?.stop();
    await t?.t.cleanup();
    if (allowBefore === undefined) delete process.env.CSCX_WEBHOOK_ALLOW_PRIVATE;
    else process.env.CSCX_WEBHOOK_ALLOW_PRIVATE = allowBefore;
  });
  afterEach(async () => {
    // Each test starts with no subscription and an empty receiver log.
    await t.db.query('DELETE FROM webhook_subscriptions');
    receiver.received.length = 0;
    receiver.answer(() => ({ status: 204 }));
    process.env.CSCX_WEBHOOK_ALLOW_PRIVATE = '1';
  });

  const dispatcher = (extra: { random?: () => number } = {}) =>
    new WebhookDispatcher({ db: t.db, clock: t.clock, allowPrivate: true, ...extra });

  async function subscribe(eventTypes: string[], url = receiver.url) {
    const r = await call(
      'createWebhook',
      {},
      { headers: key(), body: { url, event_types: eventTypes } },
    );
    expect(r.status, r.text).toBe(201);
    return r.json;
  }

  /** A goal of TC-165.1 (24 h -> 12 h) for Acme, not yet measured. */
  async function ticketGoal() {
    const r = await call(
      'createSuccessGoal',
      {},
      {
        body: {
          customer_id: 'cus_acme',
          name: `Reduce ticket time ${randomUUID().slice(0, 6)}`,
          metric: 'Average resolution time',
          unit: 'hours',
          baseline_value: 24,
          target_value: 12,
          target_date: '2026-12-31',
        },
      },
    );
    expect(r.status, r.text).toBe(201);
    return { goalId: r.json.id, metricId: r.json.metrics[0]!.id };
  }

  const measure = (g: { goalId: string; metricId: string }, value: number) =>
    call('recordMeasurement', { goalId: g.goalId }, { body: { metric_id: g.metricId, value } });

  const payloads = (secret: string, rs: readonly Received[] = receiver.received) =>
    rs.map((r) => verified(secret, r) as Payload);

  const deliveries = async (webhookId: string) =>
    (await call('listWebhookDeliveries', { webhookId }, { query: { limit: 50 } })).json.items;

  describe('subscriptions', () => {
    it('shows the secret once: in the create reply (and its replay), never in get or list', async () => {
      const headers = key();
      const body = { url: receiver.url, event_types: ['goal.achieved'] };
      const created = await call('createWebhook', {}, { headers, body });
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      expect(created.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(created.json.secret.slice(6), 'base64')).toHaveLength(32);
      const replay = await call('createWebhook', {}, { headers, body });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.json.secret).toBe(created.json.secret);
      const got = await call('getWebhook', { webhookId: created.json.id });
      expect(got.status).toBe(200);
      expect(got.text).not.toContain('whsec_');
      expect(got.json).not.toHaveProperty('secret');
      const listed = await call('listWebhooks');
      expect(listed.json.items.map((w) => w.id)).toEqual([created.json.id]);
      expect(listed.text).not.toContain('whsec_');
      // The stored replay holds the secret sealed, not as it is.
      const stored = await t.db.query<{ body: string }>(
        "SELECT body FROM idempotency_keys WHERE body LIKE '%whk_%'",
      );
      expect(stored.length).toBeGreaterThan(0);
      for (const r of stored) expect(r.body).not.toContain(created.json.secret);
    });

    it('needs an Idempotency-Key to create (428) and a manager token (403 for csm and viewer)', async () => {
      const body = { url: receiver.url, event_types: ['goal.achieved'] };
      expect((await call('createWebhook', {}, { body })).status).toBe(428);
      for (const token of ['csm', 'viewer'] as const) {
        const r = await call('createWebhook', {}, { token, headers: key(), body });
        expect(r.status).toBe(403);
        expect((await call('listWebhooks', {}, { token })).status).toBe(403);
      }
    });

    it('refuses bad receivers and event types with specific 422 errors', async () => {
      const bad = async (body: Record<string, unknown>) => {
        const r = await call('createWebhook', {}, { headers: key(), body });
        expect(r.status, r.text).toBe(422);
        return r.problem.errors?.map((e) => [e.field, e.code]);
      };
      const types = ['goal.achieved'];
      expect(await bad({ url: 'not a url', event_types: types })).toEqual([
        ['/url', 'invalid_url'],
      ]);
      expect(await bad({ url: 'ftp://example.com/x', event_types: types })).toEqual([
        ['/url', 'unsupported_scheme'],
      ]);
      expect(await bad({ url: 'https://u:p@example.com/x', event_types: types })).toEqual([
        ['/url', 'invalid_url'],
      ]);
      const unknown = await bad({ url: receiver.url, event_types: ['goal.exploded'] });
      expect(unknown?.[0]?.[0]).toBe('/event_types/0');
      expect(
        await bad({ url: receiver.url, event_types: ['goal.achieved', 'goal.achieved'] }),
      ).toEqual([['/event_types/1', 'unique_items']]);
      expect((await bad({ url: receiver.url, event_types: [] }))?.[0]?.[0]).toBe('/event_types');
    });

    it('refuses private, loopback and link-local receivers unless CSCX_WEBHOOK_ALLOW_PRIVATE=1', async () => {
      delete process.env.CSCX_WEBHOOK_ALLOW_PRIVATE;
      for (const url of [
        receiver.url,
        'http://localhost:8080/x',
        'http://10.1.2.3/x',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/x',
        'http://[::ffff:127.0.0.1]/x',
        'http://[fe80::1]/x',
        'http://0x7f000001/x',
      ]) {
        const r = await call(
          'createWebhook',
          {},
          { headers: key(), body: { url, event_types: ['goal.achieved'] } },
        );
        expect(r.status, url).toBe(422);
        expect(r.problem.errors?.[0]?.code, url).toBe('private_address');
      }
      const ok = await call(
        'createWebhook',
        {},
        {
          headers: key(),
          body: { url: 'https://93.184.215.14/x', event_types: ['goal.achieved'] },
        },
      );
      expect(ok.status).toBe(201);
      process.env.CSCX_WEBHOOK_ALLOW_PRIVATE = '1';
      const allowed = await call(
        'createWebhook',
        {},
        { headers: key(), body: { url: receiver.url, event_types: ['goal.achieved'] } },
      );
      expect(allowed.status).toBe(201);
    });

    it('rotates the secret: shown once more, and every later attempt is signed with the new one', async () => {
      const w = await subscribe(['goal.achieved']);
      const headers = key();
      const rotated = await call('rotateWebhookSecret', { webhookId: w.id }, { headers });
      expect(rotated.status).toBe(200);
      expect(rotated.headers.get('cache-control')).toBe('no-store');
      expect(rotated.json).toMatchObject({ id: w.id, version: 2 });
      expect(rotated.json.secret).not.toBe(w.secret);
      const replay = await call('rotateWebhookSecret', { webhookId: w.id }, { headers });
      expect(replay.json.secret).toBe(rotated.json.secret);
      await call('sendWebhookTest', { webhookId: w.id });
      await dispatcher().drain();
      expect(payloads(rotated.json.secret)).toHaveLength(1);
      expect(() => payloads(w.secret)).toThrow(/signature/i);
      expect((await call('getWebhook', { webhookId: w.id })).text).not.toContain('whsec_');
    });

    it('stores the secret encrypted (AES-256-GCM under the secrets key): the row never holds it, created or rotated', async () => {
      const w = await subscribe(['goal.achieved']);
      const row = async () =>
        (
          await t.db.query<Record<string, unknown>>(
            'SELECT * FROM webhook_subscriptions WHERE id = $1',
            [w.id],
          )
        )[0]!;
      const stored = await row();
      expect(stored).not.toHaveProperty('secret');
      const raw = Buffer.from(w.secret.slice(6), 'base64');
      for (const value of Object.values(stored)) {
        const text = String(value);
        expect(text).not.toContain(w.secret);
        expect(text).not.toContain(w.secret.slice(6));
        expect(text).not.toContain(raw.toString('hex'));
      }
      expect(String(stored.secret_sealed)).toMatch(
        new RegExp(`^v1\\.${SecretBox.ephemeral().keyId}\\.[A-Za-z0-9_-]+$`),
      );
      const rotated = await call('rotateWebhookSecret', { webhookId: w.id });
      const after = String((await row()).secret_sealed);
      expect(after).not.toBe(stored.secret_sealed);
      expect(after).not.toContain(rotated.json.secret.slice(6));
      await call('sendWebhookTest', { webhookId: w.id });
      await dispatcher().drain();
      expect(payloads(rotated.json.secret)).toHaveLength(1);
    });

    it('seals plain-text secrets stored before migration 015 at start, once, and still signs with them', async () => {
      const w = await subscribe(['goal.achieved']);
      const legacy = `whsec_${randomBytes(32).toString('base64')}`;
      await t.db.query('UPDATE webhook_subscriptions SET secret_sealed = $2 WHERE id = $1', [
        w.id,
        legacy,
      ]);
      const box = SecretBox.ephemeral();
      expect(await sealStoredSecrets(t.db, box)).toEqual({ sealed: 1, resealed: 0 });
      expect(await sealStoredSecrets(t.db, box)).toEqual({ sealed: 0, resealed: 0 });
      const [row] = await t.db.query<{ secret_sealed: string }>(
        'SELECT secret_sealed FROM webhook_subscriptions WHERE id = $1',
        [w.id],
      );
      expect(row?.secret_sealed).not.toContain(legacy.slice(6));
      await call('sendWebhookTest', { webhookId: w.id });
      await dispatcher().drain();
      expect(payloads(legacy).map((p) => p.type)).toEqual(['webhook.test']);
    });

    it('rotates the secrets key: CSCX_SECRETS_KEY_PREVIOUS opens the old rows, which are sealed again under the new key', async () => {
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      const oldBox = SecretBox.fromKeys(oldKey);
      const oldApi = apiOf(createApp({ db: t.db, clock: t.clock, static: false, secrets: oldBox }));
      const created = await oldApi(
        'createWebhook',
        {},
        { headers: key(), body: { url: receiver.url, event_types: ['goal.achieved'] } },
      );
      expect(created.status, created.text).toBe(201);
      const w = created.json;
      // The new key alone cannot open the old rows: the start refuses, naming both settings.
      const newOnly = SecretBox.fromKeys(newKey);
      await expect(sealStoredSecrets(t.db, newOnly)).rejects.toThrow(SecretKeyError);
      await expect(sealStoredSecrets(t.db, newOnly)).rejects.toThrow(
        /CSCX_SECRETS_KEY .*CSCX_SECRETS_KEY_PREVIOUS/,
      );
      const rotating = SecretBox.fromKeys(newKey, [oldKey]);
      expect(await sealStoredSecrets(t.db, rotating)).toEqual({ sealed: 0, resealed: 1 });
      expect(await sealStoredSecrets(t.db, rotating)).toEqual({ sealed: 0, resealed: 0 });
      const [row] = await t.db.query<{ secret_sealed: string }>(
        'SELECT secret_sealed FROM webhook_subscriptions WHERE id = $1',
        [w.id],
      );
      expect(SecretBox.sealedWith(row!.secret_sealed)).toBe(newOnly.keyId);
      // Once resealed the old key is no longer needed: the new key alone signs with the same secret.
      expect(await sealStoredSecrets(t.db, newOnly)).toEqual({ sealed: 0, resealed: 0 });
      await call('sendWebhookTest', { webhookId: w.id });
      await new WebhookDispatcher({
        db: t.db,
        clock: t.clock,
        allowPrivate: true,
        secrets: newOnly,
      }).drain();
      expect(payloads(w.secret).map((p) => p.type)).toEqual(['webhook.test']);
    });

    it('with the wrong key sends nothing: the attempt fails with an error naming CSCX_SECRETS_KEY', async () => {
      const w = await subscribe(['goal.achieved']);
      await call('sendWebhookTest', { webhookId: w.id });
      const wrong = SecretBox.fromKeys(randomBytes(32));
      await new WebhookDispatcher({
        db: t.db,
        clock: t.clock,
        allowPrivate: true,
        secrets: wrong,
      }).drain();
      expect(receiver.received).toHaveLength(0);
      const [d] = await deliveries(w.id);
      expect(d).toMatchObject({ status: 'pending', attempt_count: 1 });
      expect(d?.attempts[0]?.http_status).toBeNull();
      expect(d?.attempts[0]?.error).toMatch(
        /^Not sent: cannot decrypt the signing secret\. .*CSCX_SECRETS_KEY.*CSCX_SECRETS_KEY_PREVIOUS/,
      );
      expect(d?.attempts[0]?.error).not.toContain('whsec_');
    });

    it('replaces a subscription under If-Match (412 when stale) and deletes it', async () => {
      const w = await subscribe(['goal.achieved']);
      const body = { url: receiver.url, event_types: ['goal.at_risk'], enabled: false };
      expect((await call('updateWebhook', { webhookId: w.id }, { body })).status).toBe(428);
      const stale = await call(
        'updateWebhook',
        { webhookId: w.id },
        { headers: { 'if-match': '"7"' }, body },
      );
      expect(stale.status).toBe(412);
      const r = await call(
        'updateWebhook',
        { webhookId: w.id },
        { headers: { 'if-match': '"1"' }, body: { ...body, description: 'ops' } },
      );
      expect(r.status).toBe(200);
      expect(r.headers.get('etag')).toBe('"2"');
      expect(r.json).toMatchObject({
        event_types: ['goal.at_risk'],
        enabled: false,
        description: 'ops',
      });
      expect((await call('deleteWebhook', { webhookId: w.id })).status).toBe(204);
      expect((await call('getWebhook', { webhookId: w.id })).status).toBe(404);
    });
  });

  describe('delivery', () => {
    it('delivers one signed goal.achieved when a measurement makes a goal cross its target', async () => {
      const w = await subscribe(['goal.achieved']);
      const g = await ticketGoal();
      expect((await measure(g, 18)).status).toBe(201); // 50 %: no transition to achieved
      expect((await measure(g, 11.5)).status).toBe(201); // 104.17 %: achieved
      await dispatcher().drain();
      expect(receiver.received).toHaveLength(1);
      const [p] = payloads(w.secret);
      expect(p?.type).toBe('goal.achieved');
      expect(p?.timestamp).toBe(t.clock().toISOString());
      expect(p?.data).toMatchObject({
        customer_id: 'cus_acme',
        goal_id: g.goalId,
        status: 'achieved',
        title: expect.stringMatching(/^Goal achieved: /),
      });
      expect(p?.data.achievement_pct).toBeCloseTo(104.17, 2);
      expect(String(p?.data.cause)).toContain('reached target 12 hours');
      expect(receiver.received[0]?.headers['webhook-id']).toMatch(/^msg_/);
      // Nothing more to send: at least once, and here exactly once.
      await dispatcher().drain();
      expect(receiver.received).toHaveLength(1);
      const [d] = await deliveries(w.id);
      expect(d).toMatchObject({ status: 'succeeded', attempt_count: 1, next_attempt_at: null });
      expect(d?.attempts[0]).toMatchObject({ attempt: 1, http_status: 204, error: null });
    });

    it('sends measurement.recorded before the goal.achieved it caused, without the note', async () => {
      const w = await subscribe(['measurement.recorded', 'goal.achieved']);
      const g = await ticketGoal();
      await call(
        'recordMeasurement',
        { goalId: g.goalId },
        { body: { metric_id: g.metricId, value: 11.5, note: 'internal: churn risk' } },
      );
      await dispatcher().drain();
      const ps = payloads(w.secret);
      expect(ps.map((p) => p.type)).toEqual(['measurement.recorded', 'goal.achieved']);
      expect(ps[0]?.data).toMatchObject({ goal_id: g.goalId, metric_id: g.metricId, value: 11.5 });
      expect(ps[0]?.data.measurement_id).toEqual(expect.any(String));
      expect(receiver.received[0]?.body).not.toContain('churn risk');
    });

    it('sends milestone.achieved and the health triggers with the alerts they raise', async () => {
      const w = await subscribe([
        'milestone.achieved',
        'health.score_drop',
        'health.entered_at_risk',
      ]);
      const m = await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { body: { name: 'Go-live', target_date: '2026-05-15', achieved_date: '2026-04-29' } },
      );
      expect(m.status).toBe(201);
      const c = await call(
        'createCustomer',
        {},
        { body: { id: 'cus_hooked', name: 'Hooked Co', segment: 'mid_market', currency: 'USD' } },
      );
      expect(c.status).toBe(201);
      const obs = (observed_on: string, score: number) => ({
        observed_on,
        usage: score,
        outcomes: score,
        relationship: score,
        growth: score,
      });
      await call(
        'recordHealthObservation',
        { customerId: 'cus_hooked' },
        { body: obs('2026-01-31', 80) },
      );
      const r = await call(
        'recordHealthObservation',
        { customerId: 'cus_hooked' },
        { body: obs('2026-02-28', 55) },
      );
      expect(r.json.alerts.map((a) => a.type).sort()).toEqual([
        'health_entered_at_risk',
        'health_score_drop',
      ]);
      await dispatcher().drain();
      const ps = payloads(w.secret);
      const milestone = ps.find((p) => p.type === 'milestone.achieved');
      expect(milestone?.data).toMatchObject({
        customer_id: 'cus_acme',
        milestone_id: m.json.id,
        title: 'Milestone achieved: Go-live',
      });
      const health = ps.filter((p) => p.type.startsWith('health.'));
      expect(health.map((p) => p.type).sort()).toEqual([
        'health.entered_at_risk',
        'health.score_drop',
      ]);
      for (const p of health) {
        const alert = r.json.alerts.find((a) => a.id === p.data.alert_id);
        expect(p.data).toMatchObject({ customer_id: 'cus_hooked', cause: alert?.cause });
      }
    });

    it('raises no event when the write rolls back', async () => {
      await subscribe(['measurement.recorded']);
      const g = await ticketGoal();
      const r = await call(
        'recordMeasurement',
        { goalId: g.goalId },
        { body: { metric_id: 'met_not_of_this_goal', value: 3 } },
      );
      expect(r.status).toBe(422);
      await dispatcher().drain();
      expect(receiver.received).toHaveLength(0);
    });

    it('retries a receiver that is down or failing with growing, jittered delays, then delivers', async () => {
      const port = await freePort();
      const down = await startReceiver(t.clock, port, false);
      try {
        const w = await subscribe(['goal.achieved'], down.url);
        expect((await call('sendWebhookTest', { webhookId: w.id })).status).toBe(202);
        const d = dispatcher();
        const gaps: number[] = [];
        // Connection refused, twice.
        for (let i = 0; i < 2; i++) {
          expect(await d.tick()).toBe(1);
          const [dl] = await deliveries(w.id);
          expect(dl?.status).toBe('pending');
          expect(dl?.attempts.at(-1)?.error).toMatch(/refused/);
          const next = Date.parse(dl?.next_attempt_at ?? '');
          gaps.push(next - t.clock().getTime());
          // Not before its time.
          t.clock.advance(1000);
          expect(await d.tick()).toBe(0);
          t.clock.set(new Date(next));
        }
        // Up, but answering 500.
        await down.start();
        down.answer(() => ({ status: 500, body: 'x'.repeat(5000) }));
        expect(await d.tick()).toBe(1);
        const [failing] = await deliveries(w.id);
        expect(failing?.attempts.at(-1)).toMatchObject({ http_status: 500 });
        expect(failing?.attempts.at(-1)?.response_snippet).toHaveLength(1000);
        gaps.push(Date.parse(failing?.next_attempt_at ?? '') - t.clock().getTime());
        // Each delay about doubles (30 s, 60 s, 120 s, within +-20 %).
        expect(gaps[0]).toBeGreaterThanOrEqual(24_000);
        expect(gaps[0]).toBeLessThanOrEqual(36_000);
        expect(gaps[1]).toBeGreaterThanOrEqual(48_000);
        expect(gaps[1]).toBeLessThanOrEqual(72_000);
        expect(gaps[2]).toBeGreaterThanOrEqual(96_000);
        expect(gaps[2]).toBeLessThanOrEqual(144_000);
        // Back to health: delivered, with the same webhook-id every time.
        down.answer(() => ({ status: 200, body: 'ok' }));
        t.clock.set(new Date(Date.parse(failing?.next_attempt_at ?? '')));
        expect(await d.drain()).toBe(1);
        const [done] = await deliveries(w.id);
        expect(done).toMatchObject({ status: 'succeeded', attempt_count: 4 });
        expect(new Set(down.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
        expect(payloads(w.secret, down.received).map((p) => p.type)).toEqual([
          'webhook.test',
          'webhook.test',
        ]);
      } finally {
        await down.stop();
      }
    });

    it('gives up after retrying for at least 24 hours, and marks the delivery failed', async () => {
      receiver.answer(() => ({ status: 503 }));
      const w = await subscribe(['goal.achieved']);
      await call('sendWebhookTest', { webhookId: w.id });
      const d = dispatcher({ random: () => 0.999 });
      const created = t.clock().getTime();
      for (let i = 0; i < 40; i++) {
        await d.tick();
        const [dl] = await deliveries(w.id);
        if (dl?.status === 'failed') break;
        t.clock.set(new Date(Date.parse(dl?.next_attempt_at ?? '')));
      }
      const [dl] = await deliveries(w.id);
      expect(dl?.status).toBe('failed');
      expect(dl?.next_attempt_at).toBeNull();
      const starts = dl?.attempts.map((a) => Date.parse(a.started_at)) ?? [];
      expect(starts.at(-1)! - created).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
      expect(starts.at(-2)! - created).toBeLessThan(RETRY_WINDOW_MS);
      expect(dl?.attempt_count).toBe(receiver.received.length);
      // Nothing after giving up.
      t.clock.advance(RETRY_WINDOW_MS);
      expect(await d.tick()).toBe(0);
    });

    it("keeps a customer's messages in order: n + 1 waits while n is retried", async () => {
      let n = 0;
      receiver.answer(() => ({ status: ++n === 1 ? 500 : 204 }));
      const w = await subscribe(['measurement.recorded']);
      const g = await ticketGoal();
      await measure(g, 20);
      await measure(g, 19);
      await measure(g, 18);
      const d = dispatcher();
      await d.drain();
      // The first failed; the others were not sent past it.
      expect(receiver.received).toHaveLength(1);
      t.clock.advance(10 * 60_000);
      await d.drain();
      const values = payloads(w.secret).map((p) => p.data.value);
      expect(values).toEqual([20, 20, 19, 18]);
    });

    it('queues one measurement.recorded per imported row, in the file order', async () => {
      const w = await subscribe(['measurement.recorded']);
      const g = await ticketGoal();
      const values = [22, 21, 21, 20];
      const r = await call(
        'createImport',
        {},
        {
          query: { kind: 'measurements' },
          headers: { 'content-type': 'application/x-ndjson', ...key() },
          raw: values
            .map((value, i) =>
              JSON.stringify({
                goal_id: g.goalId,
                metric_id: g.metricId,
                value,
                measured_at: `2026-04-0${i + 1}T00:00:00Z`,
              }),
            )
            .join('\n'),
        },
      );
      expect(r.status, r.text).toBe(201);
      await dispatcher().drain();
      const ps = payloads(w.secret);
      expect(ps.map((p) => p.data.value)).toEqual(values);
      expect(new Set(ps.map((p) => p.data.measurement_id)).size).toBe(values.length);
    });

    it('never sends an attempt twice from two workers on one database', async () => {
      const w = await subscribe(['measurement.recorded']);
      const g = await ticketGoal();
      for (const v of [23, 22, 21, 20, 19]) await measure(g, v);
      const a = dispatcher();
      const b = dispatcher();
      await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
      const values = payloads(w.secret).map((p) => p.data.value);
      expect(values).toEqual([23, 22, 21, 20, 19]);
    });

    it('retries an attempt whose worker died once its lease lapses, and not before', async () => {
      const w = await subscribe(['goal.achieved']);
      await call('sendWebhookTest', { webhookId: w.id });
      // What a SIGKILLed worker leaves: claimed, leased, never finished.
      await t.db.query(
        `UPDATE webhook_deliveries SET status = 'delivering', attempts = 1,
           lease_until = to_timestamp($1::float8 / 1000) WHERE subscription_id = $2`,
        [t.clock().getTime() + 60_000, w.id],
      );
      const d = dispatcher();
      expect(await d.drain()).toBe(0);
      t.clock.advance(60_000);
      expect(await d.drain()).toBe(1);
      const [dl] = await deliveries(w.id);
      expect(dl).toMatchObject({ status: 'succeeded', attempt_count: 2 });
      expect(receiver.received).toHaveLength(1);
    });

    it('refuses at delivery time a host that now resolves to a private address (DNS rebinding)', async () => {
      const w = await subscribe(['goal.achieved'], `http://rebound.example:${receiver.port}/hooks`);
      await call('sendWebhookTest', { webhookId: w.id });
      const d = new WebhookDispatcher({
        db: t.db,
        clock: t.clock,
        allowPrivate: false,
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      });
      expect(await d.tick()).toBe(1);
      expect(receiver.received).toHaveLength(0);
      const [dl] = await deliveries(w.id);
      expect(dl?.status).toBe('pending');
      expect(dl?.attempts[0]?.error).toMatch(/not a public address/);
    });

    it('redelivers a message as a new delivery with the same webhook-id, and pages the log', async () => {
      const w = await subscribe(['goal.achieved']);
      const sent = await call('sendWebhookTest', { webhookId: w.id });
      expect(sent.status).toBe(202);
      expect(sent.json).toMatchObject({
        status: 'pending',
        event_type: 'webhook.test',
        customer_id: null,
      });
      await dispatcher().drain();
      const again = await call('redeliverWebhookDelivery', {
        webhookId: w.id,
        deliveryId: sent.json.id,
      });
      expect(again.status).toBe(202);
      expect(again.json.id).not.toBe(sent.json.id);
      expect(again.json.message_id).toBe(sent.json.message_id);
      await dispatcher().drain();
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(ids).toEqual([sent.json.message_id, sent.json.message_id]);
      const page1 = await call(
        'listWebhookDeliveries',
        { webhookId: w.id },
        { query: { limit: 1 } },
      );
      expect(page1.json.items.map((d) => d.id)).toEqual([again.json.id]);
      const page2 = await call(
        'listWebhookDeliveries',
        { webhookId: w.id },
        { query: { limit: 1, cursor: page1.json.next_cursor! } },
      );
      expect(page2.json.items.map((d) => d.id)).toEqual([sent.json.id]);
      expect(page2.json.next_cursor).toBeNull();
      const missing = await call('redeliverWebhookDelivery', {
        webhookId: w.id,
        deliveryId: 'dlv_missing',
      });
      expect(missing.status).toBe(404);
    });

    it('forgets finished deliveries after 30 days, never queued ones', async () => {
      let n = 0;
      receiver.answer(() => ({ status: ++n === 1 ? 204 : 503 }));
      const w = await subscribe(['goal.achieved']);
      await call('sendWebhookTest', { webhookId: w.id });
      await call('sendWebhookTest', { webhookId: w.id });
      await dispatcher().drain();
      const [queued, done] = await deliveries(w.id);
      expect([queued?.status, done?.status]).toEqual(['pending', 'succeeded']);
      expect(await purgeDeliveries(t.db, t.clock().getTime() - LOG_KEEP_MS)).toBe(0);
      expect(await purgeDeliveries(t.db, t.clock().getTime() + 1)).toBe(1);
      expect((await deliveries(w.id)).map((d) => d.id)).toEqual([queued?.id]);
    });

    // Last: it moves the clock weeks ahead for the whole database.
    it('sends goal.missed when the hourly sweep finds a target date passed', async () => {
      const w = await subscribe(['goal.missed']);
      const today = t.clock().toISOString().slice(0, 10);
      const r = await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_acme',
            name: 'Due soon',
            metric: 'v',
            baseline_value: 0,
            target_value: 100,
            start_date: '2026-01-01',
            target_date: today,
          },
        },
      );
      await measure({ goalId: r.json.id, metricId: r.json.metrics[0]!.id }, 10);
      t.clock.advance(3 * 86_400_000);
      await sweepAlerts(t.db, t.clock);
      await dispatcher().drain();
      const mine = payloads(w.secret).filter((p) => p.data.goal_id === r.json.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        type: 'goal.missed',
        data: { status: 'missed', alert_id: null, customer_id: 'cus_acme' },
      });
      expect(String(mine[0]?.data.cause)).toContain(`The target date ${today} passed`);
    });
  });
});

describe('webhooks across a restart (pglite)', () => {
  it('delivers a message queued before the server stopped once a new one opens the same data dir', async () => {
    const clock = testClock();
    const receiver = await startReceiver(clock);
    const allowBefore = process.env.CSCX_WEBHOOK_ALLOW_PRIVATE;
    process.env.CSCX_WEBHOOK_ALLOW_PRIVATE = '1';
    const first = await seededDatabase('pglite');
    const dataDir = first.dataDir!;
    try {
      const call = apiOf(createApp({ db: first.db, clock }));
      const w = await call(
        'createWebhook',
        {},
        { headers: key(), body: { url: receiver.url, event_types: ['goal.achieved'] } },
      );
      await call('sendWebhookTest', { webhookId: w.json.id });
      await first.db.close();

      const db = await openPglite(dataDir);
      try {
        await new WebhookDispatcher({ db, clock, allowPrivate: true }).drain();
      } finally {
        await db.close();
      }
      expect(receiver.received).toHaveLength(1);
      expect((verified(w.json.secret, receiver.received[0]!) as Payload).type).toBe('webhook.test');
    } finally {
      await receiver.stop();
      rmSync(dirname(dataDir), { recursive: true, force: true });
      if (allowBefore === undefined) delete process.env.CSCX_WEBHOOK_ALLOW_PRIVATE;
      else process.env.CSCX_WEBHOOK_ALLOW_PRIVATE = allowBefore;
    }
  }, 60_000);
});
