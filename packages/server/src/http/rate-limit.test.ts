// The per-token request limit: bursts pass, a client over its rate gets 429 problem+json with
// Retry-After (as openapi.yaml documents it), other clients are not slowed, the SDK waits and
// succeeds, failed sign-ins are limited per address, and memory stays bounded; over HTTP on both
// databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuccessClient, SuccessApiError } from '../../../sdk/src/index.js';
import { createApp } from '../app.js';
import { ProblemError } from '../problem.js';
import { responseProblems } from '../testing/contract.js';
import { seededDatabase, TOKENS, testClock } from '../testing/harness.js';
import { type Listening, listen } from '../testing/listen.js';
import { describeBackends, type TestDatabase } from '../testing/test-db.js';
import { DEFAULT_RATE_LIMIT, parseRateLimit, RateLimiter } from './rate-limit.js';

function fakeTime() {
  let now = 0;
  return Object.assign(() => now, {
    advance(ms: number) {
      now += ms;
    },
  });
}

function refusal(limiter: RateLimiter, client: string): ProblemError {
  try {
    limiter.take(client);
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error(`${client} was not refused`);
}

describe('RateLimiter', () => {
  it('lets a burst through, then refuses with 429 and the seconds until the next request may pass', () => {
    const time = fakeTime();
    const limiter = new RateLimiter({ perSecond: 2, burst: 4 }, time);
    for (let i = 0; i < 4; i++) limiter.take('token:a');
    const e = refusal(limiter, 'token:a');
    expect(e.status).toBe(429);
    expect(e.headers['retry-after']).toBe('1');
    expect(e.detail).toMatch(/2 per second \(bursts of 4\)\. Retry after 1 second\.$/);
    // Half a second refills one request at 2/s.
    time.advance(500);
    limiter.take('token:a');
    expect(refusal(limiter, 'token:a').status).toBe(429);
  });

  it('asks a slow client to wait as long as its rate needs, never 0 seconds', () => {
    const time = fakeTime();
    const limiter = new RateLimiter({ perSecond: 0.25, burst: 1 }, time);
    limiter.take('token:slow');
    expect(refusal(limiter, 'token:slow').headers['retry-after']).toBe('4');
    time.advance(3_000);
    expect(refusal(limiter, 'token:slow').headers['retry-after']).toBe('1');
  });

  it('keeps clients apart: one over its limit does not slow another', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, fakeTime());
    limiter.take('token:a');
    expect(refusal(limiter, 'token:a').status).toBe(429);
    expect(() => limiter.take('token:b')).not.toThrow();
  });

  it('never refills past the burst, however long the pause', () => {
    const time = fakeTime();
    const limiter = new RateLimiter({ perSecond: 10, burst: 3 }, time);
    time.advance(3_600_000);
    for (let i = 0; i < 3; i++) limiter.take('token:a');
    expect(refusal(limiter, 'token:a').status).toBe(429);
  });

  it('forgets idle clients when it tracks too many, but not the ones still being limited', () => {
    const time = fakeTime();
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, time);
    limiter.take('token:busy');
    time.advance(2_000);
    for (let i = 0; i < 9_999; i++) limiter.take(`token:${i}`);
    // 10,000 tracked: the next new client makes the limiter drop the idle (full) buckets. Only
    // busy's refilled during the pause; the others, still empty, keep limiting their clients.
    expect(limiter.tracked).toBe(10_000);
    limiter.take('token:new');
    expect(limiter.tracked).toBe(10_000);
    expect(refusal(limiter, 'token:0').status).toBe(429);
  });
});

describe('parseRateLimit (CSCX_RATE_LIMIT)', () => {
  it('defaults to 50 requests per second with bursts of 100, reads a number, and turns off', () => {
    expect(parseRateLimit(undefined)).toEqual(DEFAULT_RATE_LIMIT);
    expect(DEFAULT_RATE_LIMIT).toEqual({ perSecond: 50, burst: 100 });
    expect(parseRateLimit(' 200 ')).toEqual({ perSecond: 200, burst: 400 });
    expect(parseRateLimit('off')).toBeNull();
    expect(parseRateLimit('0')).toBeNull();
  });

  it.each(['-5', '1.5', 'lots', '1e3', '10000000'])('refuses %j with what it expects', (text) => {
    expect(() => parseRateLimit(text)).toThrow(/requests per second per token .* or "off"/);
  });
});

// On PostgreSQL the app takes SharedRateLimiter (buckets in the database, shared by instances):
// the same answers, from the other implementation.
describeBackends('rate limit over HTTP (%s)', (backend) => {
  let t: TestDatabase;
  let server: Listening;
  beforeAll(async () => {
    t = await seededDatabase(backend);
    const app = createApp({ db: t.db, clock: testClock(), rateLimit: { perSecond: 1, burst: 2 } });
    server = await listen(app);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.cleanup();
  });

  it('answers the request past the burst with 429 problem+json and Retry-After, as openapi.yaml says', async () => {
    const get = () =>
      fetch(`${server.url}/api/customers/cus_acme`, {
        headers: { authorization: `Bearer ${TOKENS.csm}` },
      });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const text = await limited.text();
    expect(JSON.parse(text)).toMatchObject({ type: '/problems/rate-limited', status: 429 });
    expect(responseProblems('getCustomer', 429, limited.headers, text)).toEqual([]);
    // Another token is not held up by this one.
    const other = await fetch(`${server.url}/api/customers/cus_acme`, {
      headers: { authorization: `Bearer ${TOKENS.manager}` },
    });
    expect(other.status).toBe(200);
  });

  it('makes the SDK wait Retry-After and succeed, or throw a typed 429 when it may not retry', async () => {
    const viewer = (retries: number) =>
      createSuccessClient({ baseUrl: server.url, token: TOKENS.viewer, retries });
    await viewer(0).getCustomer({ customerId: 'cus_acme' });
    await viewer(0).getCustomer({ customerId: 'cus_acme' });
    const e = await viewer(0)
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SuccessApiError);
    expect((e as SuccessApiError).status).toBe(429);
    expect((e as SuccessApiError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const started = Date.now();
    const customer = await viewer(3).getCustomer({ customerId: 'cus_acme' });
    expect(customer.id).toBe('cus_acme');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('limits failed sign-ins per address, so guessing tokens is slow', async () => {
    const guess = () =>
      fetch(`${server.url}/api/customers`, { headers: { authorization: 'Bearer guess' } });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });
});
