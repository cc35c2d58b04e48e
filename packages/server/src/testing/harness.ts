// The seeded test database and the API under test. Every API test file opens its own copy of
// one seeded template (PGlite) or its own schema (PostgreSQL), pins the clock to TEST_NOW, and
// talks to createApp() through app.request(). Test-only.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Env } from '../http/context.js';
import type { Logger } from '../log.js';
import { insertToken, type Role } from '../repo/tokens.js';
import { seedDemo, tokenHash } from '../seed/seed.js';
import {
  type BackendName,
  openPgliteCopy,
  openPostgresSchema,
  pgliteTemplate,
  type TestDatabase,
} from './test-db.js';

/** "Now" in the API tests: the contract's examples are dated 2026-04-30. */
export const TEST_NOW = new Date('2026-04-30T09:00:00Z');

/** The tokens of every role and scope the tests use. */
export const TOKENS = {
  manager: 'demo-manager-token',
  csm: 'demo-csm-token',
  viewer: 'demo-viewer-token',
  /** A CSM who owns Globex, not Acme. */
  otherCsm: 'test-csm-morgan-token',
  /** A viewer of Globex. */
  otherViewer: 'test-viewer-globex-token',
  expired: 'test-expired-token',
  revoked: 'test-revoked-token',
} as const;

const TEST_TOKENS: readonly [
  keyof typeof TOKENS,
  Role,
  string | null,
  string | null,
  'expired' | 'revoked' | null,
][] = [
  ['otherCsm', 'csm', 'csm_morgan', null, null],
  ['otherViewer', 'viewer', null, 'cus_globex', null],
  ['expired', 'manager', null, null, 'expired'],
  ['revoked', 'manager', null, null, 'revoked'],
];

async function addTestTokens(db: Database): Promise<void> {
  for (const [name, role, csm, customer, state] of TEST_TOKENS) {
    await insertToken(db, {
      id: `tok_test_${name}`,
      hash: tokenHash(TOKENS[name]),
      role,
      csm_id: csm,
      customer_id: customer,
      label: `test ${name}`,
      demo: false,
      created_at: TEST_NOW.getTime() - 86_400_000,
      expires_at: state === 'expired' ? TEST_NOW.getTime() - 1000 : null,
    });
    if (state === 'revoked') {
      await db.query(
        'UPDATE api_tokens SET revoked_at = to_timestamp($2::float8 / 1000) WHERE id = $1',
        [`tok_test_${name}`, TEST_NOW.getTime() - 86_400_000],
      );
    }
  }
}

/** Prepares an empty database the way the seeded template is prepared. */
export async function buildSeeded(db: Database): Promise<void> {
  await migrate(db);
  await seedDemo(db, TEST_NOW);
  await addTestTokens(db);
}

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourcesOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourcesOf(path));
    else if (/\.(ts|sql)$/.test(entry) && !/\.test(-d)?\.ts$/.test(entry)) out.push(path);
  }
  return out.sort();
}

/** Changes whenever anything that shapes the seeded database changes. */
function seededFingerprint(): string {
  const h = createHash('sha256').update(TEST_NOW.toISOString());
  const dirs = ['db', 'seed', 'derive', 'repo', 'testing'].map((d) => join(SRC, d));
  dirs.push(fileURLToPath(new URL('../../../calc/src', import.meta.url)));
  for (const d of dirs) for (const f of sourcesOf(d)) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}

/** The seeded PGlite template directory (built on first use). */
export function seededTemplateDir(): Promise<string> {
  return pgliteTemplate('seeded', seededFingerprint(), buildSeeded);
}

/** A private seeded database on `backend`. */
export async function seededDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'postgres') return openPostgresSchema(buildSeeded);
  return openPgliteCopy(await seededTemplateDir());
}

/** A clock the test can move. */
export function testClock(
  start: Date = TEST_NOW,
): Clock & { set(d: Date): void; advance(ms: number): void } {
  let now = start.getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(d: Date) {
      now = d.getTime();
    },
    advance(ms: number) {
      now += ms;
    },
  });
}

export interface TestApp {
  readonly app: Hono<Env>;
  readonly db: Database;
  readonly clock: ReturnType<typeof testClock>;
  readonly t: TestDatabase;
}

/** A seeded database and an app over it. */
export async function testApp(
  backend: BackendName,
  options: { log?: Logger } = {},
): Promise<TestApp> {
  const t = await seededDatabase(backend);
  const clock = testClock();
  const app = createApp({ db: t.db, clock, ...(options.log ? { log: options.log } : {}) });
  return { app, db: t.db, clock, t };
}
