// A partner's web server: serves its page (index.html) and, at /embed-token, exchanges the
// partner's long-lived manager token, which never leaves this server, for a 15-minute
// read-only token scoped to the one customer the page shows. <success-provider token-url>
// calls it on load and again before the token expires.
//
//   CSCX_BASE_URL=http://127.0.0.1:8787 CSCX_MANAGER_TOKEN=demo-manager-token PORT=4000 node server.mjs
//
// The Success API must allow this page's origin: CSCX_CORS_ORIGINS=http://127.0.0.1:4000.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createSuccessClient } from '@cscx/success-sdk';

const apiBase = process.env.CSCX_BASE_URL ?? 'http://127.0.0.1:8787';
const api = createSuccessClient({ baseUrl: apiBase, token: process.env.CSCX_MANAGER_TOKEN });
const here = (file) => new URL(file, import.meta.url);
const apiOrigin = new URL(apiBase).origin;
// The page loads its scripts only from itself and the Success API, and runs no inline code.
// No 'unsafe-inline' anywhere: the elements style themselves through constructable stylesheets
// and set bar widths through the CSSOM, which style-src allows.
const CSP = `default-src 'self'; script-src 'self' ${apiOrigin}; connect-src 'self' ${apiOrigin}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;

async function page() {
  const html = await readFile(here('index.html'), 'utf8');
  return html.replaceAll('http://127.0.0.1:8787', apiOrigin);
}

const server = createServer(async (req, res) => {
  try {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CSP,
      });
      res.end(await page());
    } else if (req.url === '/partner.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      res.end(await readFile(here('partner.css')));
    } else if (req.url === '/embed-token') {
      // A real portal checks its own user's session here and picks that user's customer.
      const minted = await api.createEmbedToken({
        body: { customer_id: 'cus_acme', ttl_seconds: 900 },
      });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ token: minted.token, expires_at: minted.expires_at }));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  } catch (error) {
    res
      .writeHead(502, { 'content-type': 'text/plain' })
      .end(`Could not get a token: ${error.message}`);
  }
});
server.listen(Number(process.env.PORT ?? 4000), '127.0.0.1', () => {
  console.log(`partner page on http://127.0.0.1:${server.address().port}/`);
});
