import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import { renderDocs } from '../docs/render.js';
import type { Env } from '../http/context.js';

/**
 * What `npm start` serves besides the API: the contract (/openapi.yaml), its reference page
 * (/docs), and the demo host page from examples/host-page/ once it exists; until then an honest
 * page that says so.
 */
export interface StaticOptions {
  readonly specFile: string;
  /** The demo host page's folder; absent until the elements issue builds it. */
  readonly hostPageDir: string | null;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Pages of our own: their own styles inline, nothing else. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
/** The host page loads its scripts and styles from this server and calls this API. */
const HOST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CSCX Success Kit</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:720px;margin:48px auto;padding:0 24px;color:#1c2430}code{background:#f2f4f7;padding:1px 4px;border-radius:3px}</style></head>
<body><h1>CSCX Success Kit</h1>
<p>The reference server is running: the API is under <code>/api/</code>, with the demo data and tokens printed at start-up
(<code>demo-manager-token</code>, <code>demo-csm-token</code>, <code>demo-viewer-token</code>).</p>
<ul><li><a href="/docs">API reference</a></li><li><a href="/openapi.yaml">The HTTP contract (openapi.yaml)</a></li></ul>
<p>The demo dashboard (the success web components on a host page) is not built yet: it will be served here once
<code>examples/host-page/</code> exists.</p>
<p>Try: <code>curl -H "Authorization: Bearer demo-csm-token" http://127.0.0.1:8787/api/reports/success-metrics/cus_acme</code></p>
</body></html>
`;

export function registerStatic(app: Hono<Env>, options: StaticOptions): void {
  let docs: string | null = null;
  app.get('/openapi.yaml', (c) =>
    c.body(readFileSync(options.specFile, 'utf8'), 200, {
      'content-type': 'application/yaml; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );
  app.get('/docs', (c) => {
    docs ??= renderDocs(readFileSync(options.specFile, 'utf8'));
    return c.body(docs, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
    });
  });
  app.get('/', (c) => {
    const index = options.hostPageDir ? join(options.hostPageDir, 'index.html') : null;
    if (index && existsSync(index)) {
      return c.body(readFileSync(index), 200, {
        'content-type': TYPES['.html'] ?? 'text/html',
        'content-security-policy': HOST_CSP,
        'x-frame-options': 'SAMEORIGIN',
      });
    }
    return c.body(PLACEHOLDER, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
    });
  });
  app.get('/*', async (c, next) => {
    const dir = options.hostPageDir;
    if (!dir || c.req.path.startsWith('/api/')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const root = resolve(dir);
    const file = resolve(root, `.${rel}`);
    // Nothing outside the folder, no dotfiles, only known file types.
    if (
      !file.startsWith(root + sep) ||
      rel.split('/').some((part) => part.startsWith('.')) ||
      rel.includes('\0')
    )
      return next();
    const type = TYPES[extname(file)];
    if (!type || !existsSync(file) || !statSync(file).isFile()) return next();
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = HOST_CSP;
      headers['x-frame-options'] = 'SAMEORIGIN';
    }
    return c.body(readFileSync(file), 200, headers);
  });
}
