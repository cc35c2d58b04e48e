// `npm run token`: issues tokens of each role and scope into the server's database, lists and
// revokes them; the token works at once and sees only its scope; a running server's data
// directory is refused with the lock's message.

import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { lockDataDir } from './db/lock.js';
import { openPglite } from './db/pglite.js';
import { seededTemplateDir, testClock } from './testing/harness.js';
import { openPgliteCopy, type TestDatabase } from './testing/test-db.js';
import { parseTokenArgs, runTokenCommand, UsageError } from './token-cli.js';

describe('parseTokenArgs', () => {
  it('reads the documented commands', () => {
    expect(parseTokenArgs(['create', '--role', 'csm', '--csm-id', 'csm_riley'])).toEqual({
      command: 'create',
      role: 'csm',
      csmId: 'csm_riley',
    });
    expect(
      parseTokenArgs([
        'create',
        '--role',
        'viewer',
        '--customer-id',
        'cus_acme',
        '--label',
        'Partner',
        '--expires-in-days',
        '30',
      ]),
    ).toEqual({
      command: 'create',
      role: 'viewer',
      customerId: 'cus_acme',
      label: 'Partner',
      expiresInDays: 30,
    });
    expect(parseTokenArgs(['list'])).toEqual({ command: 'list' });
    expect(parseTokenArgs(['revoke', 'tok_1'])).toEqual({ command: 'revoke', tokenId: 'tok_1' });
  });

  it.each([
    [[]],
    [['create']],
    [['create', '--role', 'admin']],
    [['create', '--role', 'csm']],
    [['create', '--role', 'manager', '--csm-id', 'x']],
    [['create', '--role', 'viewer', '--customer-id', 'bad id']],
    [['create', '--role', 'manager', '--expires-in-days', '0']],
    [['create', '--role', 'manager', '--colour', 'red']],
    [['revoke']],
  ])('refuses %j with a usage message', (args) => {
    expect(() => parseTokenArgs(args)).toThrow(UsageError);
  });
});

describe('runTokenCommand', () => {
  let copy: TestDatabase;
  const saved = process.env.CSCX_DATA_DIR;
  beforeAll(async () => {
    copy = await openPgliteCopy(await seededTemplateDir());
    await copy.db.close();
    process.env.CSCX_DATA_DIR = dirname(copy.dataDir!);
  }, 180_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.CSCX_DATA_DIR;
    else process.env.CSCX_DATA_DIR = saved;
    await copy.cleanup().catch(() => {});
  });

  it('creates a CSM token that sees that portfolio only, lists it and revokes it', async () => {
    const out: string[] = [];
    expect(
      await runTokenCommand(
        parseTokenArgs(['create', '--role', 'csm', '--csm-id', 'csm_morgan', '--label', 'Morgan']),
        (l) => out.push(l),
      ),
    ).toBe(0);
    const token = out[1]!;
    const id = /^Created (tok_\w+)/.exec(out[0]!)?.[1];
    expect(token).toMatch(/^cscx_[A-Za-z0-9_-]{43}$/);
    const listed: string[] = [];
    await runTokenCommand({ command: 'list' }, (l) => listed.push(l));
    expect(listed.some((l) => l.startsWith(`${id}  csm csm_id=csm_morgan  active`))).toBe(true);
    expect(listed.filter((l) => l.includes('(demo)'))).toHaveLength(3);

    const db = await openPglite(copy.dataDir);
    try {
      const app = createApp({ db, clock: testClock(new Date()), static: false });
      const get = (path: string, t = token) =>
        app.request(`http://x${path}`, { headers: { authorization: `Bearer ${t}` } });
      expect((await get('/api/customers/cus_globex')).status).toBe(200);
      expect((await get('/api/customers/cus_acme')).status).toBe(404);
    } finally {
      await db.close();
    }
    const revoked: string[] = [];
    expect(await runTokenCommand({ command: 'revoke', tokenId: id! }, (l) => revoked.push(l))).toBe(
      0,
    );
    const db2 = await openPglite(copy.dataDir);
    try {
      const app = createApp({ db: db2, static: false });
      const r = await app.request('http://x/api/customers', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.status).toBe(401);
    } finally {
      await db2.close();
    }
  }, 60_000);

  it('refuses a customer that does not exist', async () => {
    const out: string[] = [];
    expect(
      await runTokenCommand(
        parseTokenArgs(['create', '--role', 'viewer', '--customer-id', 'cus_nope']),
        (l) => out.push(l),
      ),
    ).toBe(1);
    expect(out[0]).toContain('No customer cus_nope');
  });

  it("refuses the data directory of a running server, with the lock's message", async () => {
    const lock = await lockDataDir(process.env.CSCX_DATA_DIR!);
    try {
      await expect(runTokenCommand({ command: 'list' }, () => {})).rejects.toThrow(
        /is in use by another CSCX server/,
      );
    } finally {
      lock.release();
    }
  });
});
