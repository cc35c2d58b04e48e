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
  /**
   * The elements' script-tag bundle (packages/elements/dist/cdn/), served at /cdn/; `null` for
   * none. Until it is built, /cdn/ answers 404 with what to run.
   */
  readonly cdnDir?: string | null;
  /** Origins (CSCX_CORS_ORIGINS) whose pages may load /cdn/ as module scripts. */
  readonly corsOrigins?: readonly string[];
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
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

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
  if (options.cdnDir !== undefined && options.cdnDir !== null) {
    registerCdn(app, options.cdnDir, options.corsOrigins ?? []);
  }
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
    const file = safeFile(dir, rel);
    const type = file && TYPES[extname(file)];
    if (!file || !type) return next();
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = HOST_CSP;
      headers['x-frame-options'] = 'SAMEORIGIN';
    }
    return c.body(readFileSync(file), 200, headers);
  });
}

/** `rel` inside `dir` as an existing file of a known type, or null: nothing outside the
 * folder, no dotfiles, no NUL. */
function safeFile(dir: string, rel: string): string | null {
  const root = resolve(dir);
  const file = resolve(root, `.${rel}`);
  if (
    !file.startsWith(root + sep) ||
    rel.split('/').some((part) => part.startsWith('.')) ||
    rel.includes('\0') ||
    !TYPES[extname(file)]
  )
    return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** A year: hashed chunks never change under their name (RFC 8246 `immutable`). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * /cdn/: the script-tag bundle for partner pages on other origins. A module script from another
 * origin is fetched in CORS mode, so an allowed origin (CSCX_CORS_ORIGINS) gets
 * Access-Control-Allow-Origin; others get the file without it, which their browser refuses.
 * The entry (`success-elements.js`) is revalidated on every load, so a new release reaches
 * pages at once; the content-hashed chunks under chunks/ are cached for a year.
 */
function registerCdn(app: Hono<Env>, dir: string, origins: readonly string[]): void {
  app.get('/cdn/*', (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice('/cdn'.length));
    } catch {
      rel = '';
    }
    const file = rel ? safeFile(dir, rel) : null;
    const headers: Record<string, string> = {
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'cross-origin',
    };
    const origin = c.req.header('origin');
    if (origin && origins.includes(origin)) headers['access-control-allow-origin'] = origin;
    if (!file) {
      const built = existsSync(join(dir, 'success-elements.js'));
      return c.body(
        built
          ? `There is no ${c.req.path} in the script-tag bundle; its entry is /cdn/success-elements.js.\n`
          : 'The script-tag bundle is not built yet: run `npm run build` (npm start builds it when missing).\n',
        404,
        { ...headers, 'content-type': 'text/plain; charset=utf-8' },
      );
    }
    headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    headers['cache-control'] = rel.startsWith('/chunks/') ? IMMUTABLE : 'no-cache';
    return c.body(readFileSync(file), 200, headers);
  });
}
