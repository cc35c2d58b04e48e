// The kit as its three kinds of users get it, outside this repository: every published package
// built, packed and installed from its tarball into a fresh project (project.mjs), then
// - a script author runs the node-script example and the `cscx-success` CLI,
// - an agent host (the official MCP client) runs the installed `cscx-success-mcp` on stdio,
// - a host app type-checks against the installed types, bundles the elements and builds the
//   React example with Vite,
// - a partner page on another origin embeds the dashboard from the reference server's /cdn/
//   with a token from the partner's own backend,
// each checked in Chromium against the real reference server: Acme's $285K and 4.2x.
// Run: `npm run test:consumer` (part of `npm test`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { build } from 'esbuild';
import { startReferenceServer } from '../../packages/elements/src/testing/reference-server.mjs';
import { launchBrowser, openPage, waitForText } from './browser.mjs';
import { createConsumer, freePort, packAll, REPO, startProcess } from './project.mjs';

const bin = (name) => join(REPO, 'node_modules/.bin', name);
let tarballs;
let packed;
let consumer;
let api;
let chromium;
let partnerPort;
let reactPort;
const stops = [];

before(async () => {
  tarballs = mkdtempSync(join(tmpdir(), 'cscx-tarballs-'));
  packed = packAll(tarballs);
  consumer = createConsumer(packed);
  partnerPort = await freePort();
  reactPort = await freePort();
  api = await startReferenceServer({
    env: { CSCX_CORS_ORIGINS: `http://127.0.0.1:${partnerPort},http://127.0.0.1:${reactPort}` },
  });
  chromium = await launchBrowser();
});

after(async () => {
  for (const stop of stops) stop();
  await chromium?.close();
  consumer?.remove();
  if (tarballs) rmSync(tarballs, { recursive: true, force: true });
});

const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: consumer.dir, encoding: 'utf8', ...options });

describe('the tarballs', () => {
  it('each holds its dist, README and LICENSE, and no sources or test helpers', () => {
    for (const [name, { files }] of Object.entries(packed)) {
      for (const required of ['package.json', 'README.md', 'LICENSE']) {
        assert.ok(files.includes(required), `${name} has no ${required}`);
      }
      assert.ok(
        files.some((f) => f.startsWith('dist/') && f.endsWith('.d.ts')),
        `${name}: types`,
      );
      const stray = files.filter((f) => /(^src\/|\.test\.|\.test-d\.|(^|\/)testing\/)/.test(f));
      assert.deepEqual(stray, [], `${name} ships sources or test helpers`);
    }
  });

  it('pass publint (strict: warnings count) and attw for ESM and bundlers', () => {
    for (const { tarball } of Object.values(packed)) {
      execFileSync(bin('publint'), [tarball, '--strict'], { encoding: 'utf8' });
      // ESM only by design: node10/CJS-require resolution is out of scope (Node 20.19+ can
      // require() ESM). --no-definitely-typed: offline, and our types are our own.
      execFileSync(
        bin('attw'),
        [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'ascii'],
        { encoding: 'utf8' },
      );
    }
  });
});

describe('a script author', () => {
  it('runs the node-script example: Acme Corp, $285K delivered, 4.2x ROI', () => {
    const out = run('node', ['acme-value.mjs'], {
      cwd: join(consumer.dir, 'node-script'),
      env: { ...process.env, CSCX_BASE_URL: api, CSCX_TOKEN: 'demo-csm-token' },
    });
    assert.equal(out.trim(), 'Acme Corp: $285K delivered, 4.2x ROI');
  });

  it('runs the installed cscx-success CLI from node_modules/.bin, with no registry lookup', () => {
    const env = { ...process.env, CSCX_BASE_URL: api, CSCX_TOKEN: 'demo-csm-token' };
    const help = run('npx', ['--no-install', 'cscx-success', '--help'], { env });
    assert.match(help, /Usage: cscx-success <command>/);
    const customers = run('npx', ['--no-install', 'cscx-success', 'customers'], { env });
    assert.match(customers, /Acme Corp/);
    const json = JSON.parse(
      run('npx', ['--no-install', 'cscx-success', 'metrics', 'cus_acme', '--json'], { env }),
    );
    assert.equal(json.metrics.value_delivered.total_value, 285_000);
  });
});

describe('an agent host', () => {
  it('runs the installed cscx-success-mcp on stdio: Acme has $285K and 4.2x, and the MCP App reads', async () => {
    // The official client spawns the bin as a host does (npx, from node_modules/.bin).
    const transport = new StdioClientTransport({
      command: 'npx',
      args: ['--no-install', 'cscx-success-mcp'],
      cwd: consumer.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CSCX_BASE_URL: api,
        CSCX_TOKEN: 'demo-csm-token',
      },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (b) => {
      stderr += b;
    });
    const client = new Client({ name: 'cscx-consumer-host', version: '0.0.0' });
    await client.connect(transport);
    try {
      const r = await client.callTool({
        name: 'get_success_metrics',
        arguments: { customer: 'Acme Corp' },
      });
      assert.ok(!r.isError, `tool error: ${JSON.stringify(r.content)} ${stderr}`);
      assert.equal(r.structuredContent.customer.id, 'cus_acme');
      assert.equal(r.structuredContent.value_delivered.total_value, 285_000);
      assert.deepEqual(
        [r.structuredContent.display.total_value, r.structuredContent.display.roi],
        ['$285K', '4.2x'],
      );
      assert.match(r.content[0].text, /\$285K value delivered, 4\.2x ROI/);
      // The MCP App's HTML is built into the tarball's dist (no sources, no bundler needed).
      const { tools } = await client.listTools();
      const uri = tools.find((t) => t.name === 'get_success_metrics')._meta.ui.resourceUri;
      const app = await client.readResource({ uri });
      assert.equal(app.contents[0].mimeType, 'text/html;profile=mcp-app');
      assert.match(app.contents[0].text, /^<!doctype html>/i);
      assert.match(app.contents[0].text, /success-overview/);
    } finally {
      await client.close();
    }
  });
});

describe('a host app with a bundler', () => {
  it('type-checks against the installed packages, React example included', () => {
    writeFileSync(
      join(consumer.dir, 'uses-every-package.ts'),
      [
        "import { roi } from '@cscx/success-calc';",
        "import { portfolioFromMetrics } from '@cscx/success-calc/portfolio-metrics';",
        "import { createSuccessClient, type components } from '@cscx/success-sdk';",
        "import type { SuccessOverview } from '@cscx/success-elements';",
        "import '@cscx/success-elements/define/success-overview.js';",
        "import { renderReportHtml } from '@cscx/success-report/html';",
        "import { SuccessOverview as ReactOverview } from '@cscx/success-react';",
        'const r = roi({ value: 285_000, investment: 68_000 });',
        "const book = portfolioFromMetrics([], { asOf: '2026-12-01' }).goals;",
        "const el: SuccessOverview = document.createElement('success-overview');",
        "const client = createSuccessClient({ baseUrl: 'http://127.0.0.1:8787', token: 't' });",
        'type Metrics = components["schemas"]["CustomerSuccessMetrics"];',
        'export const used = [r, book, el, client, renderReportHtml, ReactOverview] as const;',
        'export type { Metrics };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['uses-every-package.ts', 'react-host/src'],
      }),
    );
    try {
      run('node', [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    } catch (e) {
      assert.fail(`tsc in the consumer project failed:\n${e.stdout}${e.stderr}`);
    }
  });

  it('bundles define/all.js with vega, the editor, the grid and the views left in lazy chunks', async () => {
    const result = await build({
      absWorkingDir: consumer.dir,
      stdin: {
        contents: "import '@cscx/success-elements/define/all.js';",
        resolveDir: consumer.dir,
        loader: 'js',
      },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      outdir: join(consumer.dir, 'bundle'),
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    // Lazy chunks have an entryPoint too (their dynamic import's target): the page's is stdin.
    const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === '<stdin>');
    // What the page loads before anything is shown: the entry and its static imports.
    const initial = new Set();
    const visit = (file) => {
      if (initial.has(file)) return;
      initial.add(file);
      for (const i of outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entry);
    const initialInputs = [...initial].flatMap((f) => Object.keys(outputs[f].inputs));
    const lazy = (re) => initialInputs.filter((p) => re.test(p));
    assert.ok(
      initialInputs.some((p) => p.includes('success-overview')),
      'the overview is in',
    );
    assert.deepEqual(lazy(/node_modules\/vega/), [], 'vega in the initial chunks');
    assert.deepEqual(lazy(/editor-body|portfolio-grid|virtualizer/), [], 'editor or grid eager');
    assert.deepEqual(lazy(/success-sdk|valibot/), [], 'the SDK eager');
    // Each element's view (its markup and styles) arrives on its first render with data.
    assert.deepEqual(
      lazy(/(overview|portfolio|goals-table|value|benchmarks|score|milestones)-view/),
      [],
      'a view eager',
    );
  });

  it('builds the React example with Vite and shows Acme in Chromium; goal clicks reach React', async () => {
    const dir = join(consumer.dir, 'react-host');
    const env = {
      ...process.env,
      VITE_CSCX_BASE_URL: api,
      CSCX_MANAGER_TOKEN: 'demo-manager-token',
    };
    run(join(consumer.dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
      cwd: dir,
      env,
    });
    const preview = await startProcess(
      join(consumer.dir, 'node_modules/.bin/vite'),
      ['preview', '--host', '127.0.0.1', '--port', String(reactPort), '--strictPort'],
      { cwd: dir, env, ready: /Local:/ },
    );
    stops.push(preview.stop);
    const { page, problems } = await openPage(chromium.browser, `http://127.0.0.1:${reactPort}/`);
    const text = await waitForText(page, ['Acme Corp', '$285K', '4.2x', 'Reduce ticket time']);
    assert.match(text, /Choose a goal/);
    await page.evaluate(() => {
      const overview = document.querySelector('success-overview');
      const table = overview?.shadowRoot?.querySelector('success-goals-table');
      const button = [...(table?.shadowRoot?.querySelectorAll('button.goal') ?? [])].find((b) =>
        b.textContent?.includes('Reduce ticket time'),
      );
      button?.click();
    });
    await waitForText(page, ['Selected goal']);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a partner page on another origin', () => {
  it('embeds Acme from /cdn/ with a token from its own backend, under a strict CSP, across a token refresh', async () => {
    const partner = await startProcess('node', ['server.mjs'], {
      cwd: join(consumer.dir, 'partner-embed'),
      env: {
        PORT: String(partnerPort),
        CSCX_BASE_URL: api,
        CSCX_MANAGER_TOKEN: 'demo-manager-token',
      },
      ready: /partner page on/,
    });
    stops.push(partner.stop);
    const origin = `http://127.0.0.1:${partnerPort}`;
    assert.notEqual(new URL(api).origin, origin);
    const issued = [];
    const { page, problems } = await openPage(chromium.browser, `${origin}/`, {
      beforeLoad: (p) =>
        p.on('response', (r) => {
          if (new URL(r.url()).pathname === '/embed-token') issued.push(r.text());
        }),
    });
    const text = await waitForText(page, ['Success Metrics: Acme Corp', '$285K', '4.2x']);
    assert.match(text, /vs \$68K invest/);
    assert.equal(issued.length, 1, 'one token for the whole dashboard');
    const first = JSON.parse(await issued[0]);
    const lifetime = Date.parse(first.expires_at) - Date.now();
    assert.ok(
      lifetime > 14 * 60_000 && lifetime <= 15 * 60_000,
      `a 15-minute token (${lifetime} ms)`,
    );
    assert.doesNotMatch(await page.content(), /demo-manager-token/);

    // The partner's backend revokes the token (or it expires): the next request is refused,
    // the provider gets a new token from /embed-token and the dashboard stays as it was.
    const revoked = await fetch(`${api}/api/embed-tokens/revoke`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' },
      body: JSON.stringify({ token: first.token }),
    });
    assert.equal(revoked.status, 204);
    await page.evaluate(() => document.querySelector('success-overview').refresh());
    assert.equal(issued.length, 2, 'a second token after the first was refused');
    assert.notEqual(JSON.parse(await issued[1]).token, first.token);
    const after = await waitForText(page, ['Success Metrics: Acme Corp', '$285K', '4.2x']);
    assert.doesNotMatch(after, /Cannot reach|not known|Could not get a token/);
    // The revoked token's refusals are the point of the step; nothing else may go wrong.
    assert.deepEqual(
      problems.filter((p) => !p.startsWith('HTTP 401')),
      [],
    );
    await page.close();
  });
});
