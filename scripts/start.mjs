// `npm start`, until the reference server lands (issue: @cscx/success-server): a small static
// server that serves the HTTP contract and says plainly what is not built yet, so a newcomer's
// `npm start` never fails silently. The real server replaces this file.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8787);
const spec = new URL('../openapi.yaml', import.meta.url);

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSCX Success Kit</title></head>
<body>
<h1>CSCX Success Kit</h1>
<p>The reference server, its demo data and the demo page with the success components are not
built yet. Available now: the calc package (<code>@cscx/success-calc</code>) and
${existsSync(spec) ? '<a href="/openapi.yaml">the HTTP contract (openapi.yaml)</a>' : 'no HTTP contract yet'}.</p>
</body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/openapi.yaml' && existsSync(spec)) {
    res.writeHead(200, { 'content-type': 'application/yaml; charset=utf-8' });
    res.end(readFileSync(spec));
  } else if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found. The reference server is not built yet: only / and /openapi.yaml exist.\n');
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(
    `CSCX Success Kit placeholder on http://127.0.0.1:${port}/ (reference server not built yet)`,
  );
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
