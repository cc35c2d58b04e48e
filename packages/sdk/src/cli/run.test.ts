// The CLI as a user runs it: real HTTP to a server on 127.0.0.1, output read back, exit codes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../../../../testing/openapi-spec.js';
import { type FaultServer, json, startFaultServer } from '../testing/fault-server.js';
import { runCli } from './run.js';

let server: FaultServer;
let dir: string;
beforeAll(async () => {
  server = await startFaultServer();
  dir = await mkdtemp(join(tmpdir(), 'cscx-cli-'));
});
afterAll(() => server.close());
beforeEach(() => server.use((_req, res) => json(res, 404, { title: 'Not Found', status: 404 })));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { CSCX_BASE_URL: server.url, CSCX_TOKEN: 'tok_cli_secret_123' },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    },
  );
  return { code, stdout, stderr };
}

describe('cscx-success', () => {
  it('prints a customer table across every page', async () => {
    const page = responseExample<{ items: Record<string, unknown>[] }>('listCustomers');
    const first = page.items[0]!;
    server.use((req, res) => {
      const more = !req.url.includes('cursor=');
      json(res, 200, {
        items: [{ ...first, id: more ? 'cus_a' : 'cus_b', name: more ? 'Acme Corp' : 'Globex' }],
        next_cursor: more ? 'p2' : null,
      });
    });
    const r = await cli('customers', '--segment', 'enterprise');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id\s+name\s+segment/);
    expect(r.stdout).toContain('Acme Corp');
    expect(r.stdout).toContain('Globex');
    expect(server.requests[0]?.url).toBe('/api/customers?segment=enterprise');
  });

  it('prints metrics as JSON with --json, exactly the response', async () => {
    const body = responseExample('getCustomerSuccessMetrics');
    server.use((_req, res) => json(res, 200, body));
    const r = await cli('metrics', 'cus_acme', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(body);
  });

  it('prints a readable metrics summary with goals achieved and ROI', async () => {
    server.use((_req, res) => json(res, 200, responseExample('getCustomerSuccessMetrics')));
    const r = await cli('metrics', 'cus_acme');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Goals achieved \d+ \/ \d+/);
    expect(r.stdout).toMatch(/ROI (\d+\.\dx|—)/);
  });

  it('lists every goal id and metric id next to their names in the metrics table: what measure takes', async () => {
    const body = responseExample<{
      goals: { id: string; name: string; metrics: { id: string; name: string }[] }[];
    }>('getCustomerSuccessMetrics');
    server.use((_req, res) => json(res, 200, body));
    const r = await cli('metrics', 'cus_acme');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('goal / metric'))).toMatch(
      /^goal \/ metric\s+id\s+status\s+progress$/,
    );
    const goal = body.goals[0]!;
    const metric = goal.metrics[0]!;
    expect(lines).toContain(
      lines.find((l) => l.startsWith(goal.name) && /\s104%$/.test(l) && l.includes(` ${goal.id} `)),
    );
    const metricLine = lines.find((l) => l.startsWith(`  ${metric.name}`));
    expect(metricLine).toMatch(
      new RegExp(`^  ${metric.name}\\s+${metric.id}\\s+exceeding\\s+104%$`),
    );
    expect(r.stdout).toContain('cscx-success measure <goal id> <metric id> <value>');
  });

  it('mints an embed token: the token alone on the first line, then its expiry and how to revoke it', async () => {
    const minted = responseExample<{ id: string; token: string; expires_at: string }>(
      'createEmbedToken',
    );
    server.use((_req, res) => json(res, 201, minted));
    const r = await cli('embed-token', 'cus_acme', '--ttl', '600');
    expect(r.code, r.stderr).toBe(0);
    const [first, second] = r.stdout.split('\n');
    expect(first).toBe(minted.token);
    expect(second).toContain(`Expires ${minted.expires_at}`);
    expect(second).toContain(`cscx-success embed-token revoke ${minted.id}`);
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url).toBe('/api/embed-tokens');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      customer_id: 'cus_acme',
      ttl_seconds: 600,
    });
    const full = await cli('embed-token', 'cus_acme', '--json');
    expect(JSON.parse(full.stdout)).toEqual(minted);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ customer_id: 'cus_acme' });
  });

  it('shares a customer: the link alone on the first line, then its scope, expiry and how to revoke it', async () => {
    const link = responseExample<{ id: string; url: string; expires_at: string }>(
      'createShareLink',
    );
    server.use((_req, res) => json(res, 201, link));
    const r = await cli('share', 'cus_acme', '--label', 'QBR', '--expires', link.expires_at);
    expect(r.code, r.stderr).toBe(0);
    const [first, second] = r.stdout.split('\n');
    expect(first).toBe(link.url);
    expect(second).toContain(`until ${link.expires_at}`);
    expect(second).toContain(`cscx-success share revoke cus_acme ${link.id}`);
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url).toBe('/api/customers/cus_acme/share-links');
    expect(server.requests[0]?.headers['idempotency-key']).toBeTruthy();
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      label: 'QBR',
      expires_at: link.expires_at,
    });
  });

  it('lists and revokes share links', async () => {
    const list = responseExample<{ items: { id: string }[] }>('listShareLinks');
    server.use((req, res) => {
      if (req.method === 'GET') json(res, 200, list);
      else res.writeHead(204).end();
    });
    const listed = await cli('share', 'list', 'cus_acme');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(list.items[0]!.id);
    const revoked = await cli('share', 'revoke', 'cus_acme', 'shl_1');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('Revoked share link shl_1.');
    expect(server.requests[1]?.method).toBe('DELETE');
    expect(server.requests[1]?.url).toBe('/api/customers/cus_acme/share-links/shl_1');
  });

  it('revokes an embed token by id', async () => {
    server.use((_req, res) => {
      res.writeHead(204, { 'x-request-id': 'req_test' });
      res.end();
    });
    const r = await cli('embed-token', 'revoke', 'tok_7k2m9x4q8r1v5c3n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Revoked embed token tok_7k2m9x4q8r1v5c3n.\n');
    expect(server.requests[0]).toMatchObject({
      method: 'DELETE',
      url: '/api/embed-tokens/tok_7k2m9x4q8r1v5c3n',
    });
  });

  it('creates a goal from a file', async () => {
    const created = responseExample<{ id: string }>('createSuccessGoal');
    server.use((_req, res) => json(res, 201, created));
    const file = join(dir, 'goal.json');
    await writeFile(file, JSON.stringify(requestExample('createSuccessGoal')));
    const r = await cli('goals', 'create', '--file', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Created goal ${created.id}`);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(requestExample('createSuccessGoal'));
  });

  it('records a measurement', async () => {
    server.use((_req, res) => json(res, 201, responseExample('recordMeasurement')));
    const r = await cli('measure', 'goal_1', 'met_1', '11.5', '--note', 'April export');
    expect(r.code).toBe(0);
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({
      metric_id: 'met_1',
      value: 11.5,
      note: 'April export',
    });
  });

  it('writes a report file', async () => {
    server.use((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="r.pdf"',
      });
      res.end('%PDF-1.7 test');
    });
    const out = join(dir, 'report.pdf');
    const r = await cli('report', 'cus_acme', '--format', 'pdf', '--out', out);
    expect(r.code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe('%PDF-1.7 test');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ format: 'pdf' });
  });

  it('fails with one line and exit 1 on an API error, without the token', async () => {
    server.use((_req, res) =>
      json(res, 404, {
        title: 'Not Found',
        status: 404,
        detail: 'No customer cus_x in your scope.',
      }),
    );
    const r = await cli('metrics', 'cus_x');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'cscx-success: 404 Not Found: No customer cus_x in your scope. (request req_test)\n',
    );
    expect(r.stderr).not.toContain('tok_cli_secret_123');
  });

  it('prints an error whose body echoes the Authorization header without the token', async () => {
    server.use((req, res) =>
      json(res, 502, {
        title: 'Bad gateway',
        status: 502,
        detail: `proxy got authorization: ${String(req.headers.authorization)}`,
        errors: [{ field: '/headers/authorization', message: String(req.headers.authorization) }],
      }),
    );
    const r = await cli('metrics', 'cus_acme');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain('tok_cli_secret_123');
    expect(r.stderr).toContain('[REDACTED]');
  });

  it('prints the fields of a 422 as the JSON Pointers the server sent', async () => {
    server.use((_req, res) =>
      json(res, 422, {
        title: 'Validation failed',
        status: 422,
        detail: '1 field is invalid.',
        errors: [{ field: '/value', message: 'must be a number', code: 'type' }],
      }),
    );
    const r = await cli('measure', 'goal_1', 'met_1', '3');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'cscx-success: 422 Validation failed: 1 field is invalid. [/value: must be a number] (request req_test)\n',
    );
  });

  it('refuses a base URL with credentials in one line, exit 2, without the password and before any request', async () => {
    const base = server.url.replace('http://', 'http://csm:pa55-w0rd-secret@');
    for (const argv of [
      ['customers', '--base-url', base],
      ['customers', '--base-url', `${base}:not-a-port`],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toMatch(/^cscx-success: createSuccessClient: baseUrl /);
      expect(r.stderr).not.toContain('pa55-w0rd-secret');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('rejects usage errors with exit 2 before any request', async () => {
    for (const argv of [
      ['measure', 'g', 'm', 'eleven'],
      ['report', 'c', '--format', 'doc', '--out', 'x'],
      ['frobnicate'],
      ['goals', 'delete'],
      ['embed-token'],
      ['embed-token', 'revoke'],
      ['embed-token', 'cus_acme', '--ttl', '59'],
      ['embed-token', 'cus_acme', '--ttl', '90.5'],
      ['embed-token', 'cus_acme', '--ttl', '86401'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('says what to do when CSCX_TOKEN is missing', async () => {
    let err = '';
    const code = await runCli(
      ['customers'],
      { CSCX_BASE_URL: server.url },
      {
        stdout: () => {},
        stderr: (t) => {
          err += t;
        },
      },
    );
    expect(code).toBe(2);
    expect(err).toContain('CSCX_TOKEN is not set');
  });

  it('lists import in --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/import FILE \[--kind K\]/);
  });

  it('streams an import file with its media type, the kind from its header and an Idempotency-Key, never retrying it', async () => {
    const file = join(dir, 'health.csv');
    const text =
      'customer_id,observed_on,usage,outcomes,relationship,growth\ncus_acme,2026-04-01,80,70,75,60\n';
    await writeFile(file, text);
    server.use((_req, res) => json(res, 503, { title: 'Service unavailable', status: 503 }));
    const r = await cli('import', file);
    expect(r.code).toBe(1);
    // A streamed body cannot be sent twice: one attempt, and the server's answer reported.
    expect(server.requests).toHaveLength(1);
    expect(r.stderr).toMatch(/^cscx-success: 503 Service unavailable/);
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/imports?kind=health_observations');
    expect(req.headers['content-type']).toBe('text/csv');
    expect(req.headers['idempotency-key']).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(req.body).toBe(text);
  });

  it('prints each bad row of a 422 and how many more the server counted', async () => {
    const file = join(dir, 'customers.ndjson');
    await writeFile(file, '{"name":"A","segment":"smb","currency":"usd"}\n');
    server.use((_req, res) =>
      json(res, 422, {
        type: '/problems/validation-failed',
        title: 'Validation failed',
        status: 422,
        detail: '150 rows of 150 are invalid; nothing was imported.',
        error_count: 150,
        errors: [
          { row: 1, field: '/currency', message: 'Must match ^[A-Z]{3}$.', code: 'pattern' },
          { row: 2, field: '/currency', message: 'Must match ^[A-Z]{3}$.', code: 'pattern' },
          {
            row: 1,
            field: '/x\u001b[31m',
            message: 'Unknown column x\u001b[31m.',
            code: 'unknown_property',
          },
        ],
      }),
    );
    const r = await cli('import', file, '--kind', 'customers');
    expect(r.code).toBe(1);
    expect(server.requests[0]?.url).toBe('/api/imports?kind=customers');
    expect(r.stderr).toBe(
      [
        'cscx-success: 150 rows of 150 are invalid; nothing was imported.',
        '  row 1 /currency: Must match ^[A-Z]{3}$. (pattern)',
        '  row 2 /currency: Must match ^[A-Z]{3}$. (pattern)',
        // A terminal escape from the file is shown, not obeyed.
        '  row 1 /x\\u001b[31m: Unknown column x\\u001b[31m. (unknown_property)',
        '  ... and 147 more errors',
        '',
      ].join('\n'),
    );
  });

  it('runs as a real process and exits non-zero on a network failure', async () => {
    const bin = new URL('../cli.ts', import.meta.url).pathname;
    const run = promisify(execFile);
    const err = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        bin,
        'customers',
        '--base-url',
        'http://127.0.0.1:9',
        '--timeout',
        '2000',
      ],
      {
        env: { ...process.env, CSCX_TOKEN: 'tok_proc_secret_456' },
      },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    const stderr = (err as { stderr: string }).stderr;
    expect(stderr).toMatch(
      /^cscx-success: listCustomers: network error for GET http:\/\/127\.0\.0\.1:9\/api\/customers: /,
    );
    expect(stderr).not.toContain('tok_proc_secret_456');
  });
});
