// `npm start` runs the server compiled into one file (scripts/build-server.mjs) with plain node.
// What the sources find beside themselves (migrations, the report worker, openapi.yaml) must
// still resolve from that file, and nothing may need a TypeScript loader in the main process.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../scripts/build-server.mjs';
import { REPO_ROOT, type ServerProcess, serverUrl, startServer } from './testing/process.js';

const OUT_DIR = join(REPO_ROOT, 'packages/server/dist', `compiled-test-${process.pid}`);
const auth = { authorization: 'Bearer demo-manager-token' };

describe('the compiled server (npm start)', () => {
  let dataDir: string;
  let server: ServerProcess;
  let url: string;

  beforeAll(async () => {
    const bundle = await buildServer(join(OUT_DIR, 'main.js'));
    dataDir = mkdtempSync(join(tmpdir(), 'cscx-compiled-'));
    server = startServer({ CSCX_DATA_DIR: dataDir }, [], bundle);
    url = await serverUrl(server);
  }, 120_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(OUT_DIR, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is one file with no TypeScript loader, the workspace packages inside it', () => {
    const code = readFileSync(join(OUT_DIR, 'main.js'), 'utf8');
    expect(code).not.toMatch(/from ["']tsx/);
    expect(code).not.toMatch(/from ["']@cscx\//);
    expect(existsSync(join(OUT_DIR, 'main.js.map'))).toBe(true);
  });

  it("migrates and seeds from the sources' migrations, and serves the API and openapi.yaml", async () => {
    const customers = await fetch(`${url}/api/customers?limit=5`, { headers: auth });
    expect(customers.status).toBe(200);
    const body = (await customers.json()) as { items: { id: string }[] };
    expect(body.items.map((c) => c.id)).toContain('cus_acme');
    const spec = await fetch(`${url}/openapi.yaml`);
    expect(spec.status).toBe(200);
    expect(await spec.text()).toMatch(/^openapi: 3\.1/m);
  });

  it('renders a report on its worker thread', async () => {
    const res = await fetch(`${url}/api/reports/success-metrics/cus_acme/generate`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'compiled-1' },
      body: JSON.stringify({ format: 'html', include_sections: ['overview'] }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Acme Corp');
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
