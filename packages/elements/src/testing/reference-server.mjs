// The real reference server (packages/server, as `npm start` runs it) for the browser tests: a
// child process on a free port with a throwaway seeded database, and a test-runner middleware
// that forwards `/reference-api/*` to it. Tests point `<success-provider base-url>` at
// `${location.origin}/reference-api` and see exactly what a host page would.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = '/reference-api';
const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Starts the server; resolves with its origin once it listens. Stopped when this process exits.
 * `env` adds settings, e.g. `{ CSCX_CORS_ORIGINS: 'http://127.0.0.1:4000' }`.
 */
export async function startReferenceServer({ timeoutMs = 120_000, env = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cscx-wtr-server-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', CSCX_DATA_DIR: dataDir, CSCX_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b) => {
    output += b;
  });
  child.stderr.on('data', (b) => {
    output += b;
  });
  process.on('exit', () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const started = Date.now();
  for (;;) {
    const m = /reference server on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
    if (m) {
      // The server must not keep a test process alive once its tests are done (node --test
      // waits for the event loop to drain); it is killed on exit either way.
      child.unref();
      child.stdout.unref();
      child.stderr.unref();
      return m[1];
    }
    if (child.exitCode !== null) throw new Error(`reference server exited:\n${output}`);
    if (Date.now() - started > timeoutMs)
      throw new Error(`reference server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A partner's backend, for `<success-provider token-url>`: `GET /partner-backend/embed-token
 * ?customer=cus_acme[&ttl=SECONDS]` exchanges the demo manager token (which never reaches the
 * page) for an embed token of that customer and answers `{ token, expires_at }`, as the README's
 * partner flow describes. Any other query parameter is ignored (tests add one to tell their
 * requests apart in the Resource Timing list).
 */
async function partnerBackend(origin, ctx) {
  const body = { customer_id: ctx.query.customer ?? 'cus_acme' };
  if (ctx.query.ttl) body.ttl_seconds = Number(ctx.query.ttl);
  const res = await fetch(`${origin}/api/embed-tokens`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const minted = await res.json();
  ctx.status = res.status;
  ctx.set('cache-control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(
    res.ok ? { token: minted.token, expires_at: minted.expires_at } : minted,
  );
}

/**
 * Koa middleware for @web/test-runner: `/reference-api/...` -> the reference server, and the
 * partner backend above at `/partner-backend/embed-token`.
 */
export function referenceApi(origin) {
  return async (ctx, next) => {
    if (ctx.path === '/partner-backend/embed-token') return partnerBackend(origin, ctx);
    if (!ctx.path.startsWith(`${PREFIX}/`)) return next();
    const url = origin + ctx.url.slice(PREFIX.length);
    const headers = {};
    for (const name of [
      'authorization',
      'content-type',
      'accept',
      'if-match',
      'idempotency-key',
      // The page's language: the server words its explanations in it, as a host page sees.
      'accept-language',
      // A cross-origin request's Origin and preflight headers reach the server as a browser sent
      // them, so its CORS answer (CSCX_CORS_ORIGINS) is the one the page sees.
      'origin',
      'access-control-request-method',
      'access-control-request-headers',
    ]) {
      if (ctx.get(name)) headers[name] = ctx.get(name);
    }
    let body;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      const chunks = [];
      for await (const c of ctx.req) chunks.push(c);
      body = Buffer.concat(chunks);
    }
    const res = await fetch(url, { method: ctx.method, headers, body });
    ctx.status = res.status;
    for (const [k, v] of res.headers) {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k))
        ctx.set(k, v);
    }
    ctx.body = Buffer.from(await res.arrayBuffer());
  };
}

/**
 * A test-runner command, `demo-screenshot`: opens the demo host page on the reference server in
 * its own browser tab, waits until Acme's dashboard shows, and saves a full-page screenshot to
 * `test-artefacts/demo-page.png` (the artefact a reviewer looks at). Answers what it saw.
 */
export function demoScreenshotPlugin(origin) {
  return {
    name: 'demo-screenshot',
    async executeCommand({ command, session, payload }) {
      if (command === 'demo-roles') return demoRoles(origin, session);
      if (command === 'demo-report') return demoReport(origin, session, payload);
      if (command === 'demo-health') return demoHealth(origin, session);
      if (command === 'demo-alerts') return demoAlerts(origin, session);
      if (command === 'demo-favicon') return demoFavicon(origin, session);
      if (command === 'demo-share') return demoShare(origin, session, payload);
      if (command === 'demo-narrow') return demoNarrow(origin, session);
      if (command === 'demo-portfolio-height') return demoPortfolioHeight(origin, session);
      if (command === 'demo-words') return demoWords(origin, session, payload);
      if (command !== 'demo-screenshot') return undefined;
      const page = await session.browser.getPage(session.id).browser().newPage();
      const violations = await recordCspViolations(page);
      try {
        // Tall enough that the lazily loaded trend chart is in view and draws before the shot.
        await page.setViewport({ width: 1400, height: 2200 });
        await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
        // The dashboard lives in shadow roots: wait for its text to render there.
        await page.waitForFunction(
          () => {
            const text = (root) =>
              [...root.querySelectorAll('*')]
                .map(
                  (n) =>
                    (n.shadowRoot ? text(n.shadowRoot) : '') +
                    (n.childElementCount ? '' : n.textContent),
                )
                .join(' ');
            const chartDrawn = (root) =>
              [...root.querySelectorAll('*')].some(
                (n) =>
                  n.matches('path.mark-line, .mark-line path') ||
                  (n.shadowRoot && chartDrawn(n.shadowRoot)),
              );
            return text(document).includes('4.2x') && chartDrawn(document);
          },
          { timeout: 30_000 },
        );
        const path = join(root, 'test-artefacts', 'demo-page.png');
        mkdirSync(join(root, 'test-artefacts'), { recursive: true });
        const png = await page.screenshot({ path, fullPage: true });
        return {
          path: 'test-artefacts/demo-page.png',
          bytes: png.byteLength,
          title: await page.title(),
          violations,
        };
      } finally {
        await page.close();
      }
    },
  };
}

/**
 * The `demo-roles` command: opens the demo host page on Acme as the CSM, then switches the
 * "Signed in as" select to the viewer token, and answers which goal actions the page offers to
 * each (what a user can click, read from the page's own controls).
 */
async function demoRoles(origin, session) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  const state = () =>
    page.evaluate(() => {
      const el = (id) => document.getElementById(id);
      return {
        list: el('list-status').textContent,
        customerView: !el('customer-view').hidden,
        addGoal: !el('add-goal').hidden,
        editGoal: !el('edit-goal').hidden,
        editorReadonly: el('editor').hasAttribute('readonly'),
      };
    });
  try {
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        /of \d+ customers/.test(document.getElementById('list-status').textContent) &&
        !document.getElementById('customer-view').hidden,
      { timeout: 30_000 },
    );
    const csm = await state();
    await page.select('#token', 'demo-viewer-token');
    await page.waitForFunction(
      () => document.getElementById('list-status').textContent === '1 of 1 customers',
      { timeout: 30_000 },
    );
    // The overview's empty state and a goal's detail both lead to the editor: ask for it the
    // way the page's own controls would, and see that nothing opens.
    await page.evaluate(() =>
      document
        .getElementById('overview')
        .dispatchEvent(new CustomEvent('success-define-goals', { detail: {}, bubbles: true })),
    );
    const viewer = {
      ...(await state()),
      editorOpened: await page.evaluate(() => !document.getElementById('editor-view').hidden),
    };
    return { csm, viewer };
  } finally {
    await page.close();
  }
}

/**
 * Content-Security-Policy violations on `page` (the server's own CSP for the demo page), each
 * with the directive and the script and line that caused it; filled as the page runs.
 */
async function recordCspViolations(page) {
  const violations = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return violations;
}

/**
 * The `demo-report` command: opens Acme on the demo host page, picks `payload.format` in
 * "Report as" (or leaves the picker as the page loads it), presses the overview's Generate
 * report, and answers what the picker showed and what the server sent back for it (media type,
 * file name, the file's first bytes), as the browser received it.
 */
async function demoReport(origin, session, payload) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  try {
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    const button = () =>
      page.evaluateHandle(() =>
        document.getElementById('overview').shadowRoot?.querySelector('[part~="generate-report"]'),
      );
    await page.waitForFunction(
      () =>
        document.getElementById('overview').shadowRoot?.querySelector('[part~="generate-report"]'),
      { timeout: 30_000 },
    );
    if (payload?.format) await page.select('#report-format', payload.format);
    const shown = await page.evaluate(() => {
      const select = document.getElementById('report-format');
      return select.selectedOptions[0].textContent;
    });
    const answered = page.waitForResponse((r) => r.url().endsWith('/generate'), {
      timeout: 30_000,
    });
    await (await button()).click();
    const response = await answered;
    const body = await response.buffer();
    return {
      shown,
      status: response.status(),
      type: response.headers()['content-type'],
      disposition: response.headers()['content-disposition'],
      head: body.subarray(0, 5).toString('latin1'),
      bytes: body.byteLength,
    };
  } finally {
    await page.close();
  }
}

/** axe-core's violations on `page` within `selectors` (shadow roots included), as rule ids. */
async function axeViolations(page, selectors) {
  // Evaluated through DevTools rather than added as a script tag: the page's CSP (no inline
  // script) stays as the server sends it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.evaluate(readFileSync(axePath, 'utf8'));
  }
  return page.evaluate(async (include) => {
    const r = await window.axe.run({ include: include.map((s) => [s]) });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selectors);
}

/**
 * The `demo-health` command: opens Acme on the demo host page as the CSM and goes to the Health
 * tab with the keyboard as ARIA practices' tabs have it (focus the selected tab, arrow keys move
 * and select, Home and End), then runs axe over the tabs and the Health panel in the light and
 * the dark theme. Answers what each key did and what showed.
 */
async function demoHealth(origin, session) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  const state = () =>
    page.evaluate(() => {
      const el = (id) => document.getElementById(id);
      const meter = el('health').shadowRoot?.querySelector('[role="meter"]');
      return {
        focused: document.activeElement?.id ?? null,
        selected: [...document.querySelectorAll('.tabs [role=tab]')]
          .filter((t) => t.getAttribute('aria-selected') === 'true')
          .map((t) => t.id),
        tabbable: [...document.querySelectorAll('.tabs [role=tab]')]
          .filter((t) => t.tabIndex === 0)
          .map((t) => t.id),
        healthPanel: !el('health-panel').hidden,
        successPanel: !el('success-panel').hidden,
        healthCustomer: el('health').getAttribute('customer-id'),
        kpisCustomer: el('kpis').getAttribute('customer-id'),
        meter: meter?.getAttribute('aria-valuetext') ?? null,
        kpiTiles: el('kpis').shadowRoot?.querySelectorAll('[part="tile"]').length ?? 0,
        kpiRatings: [...(el('kpis').shadowRoot?.querySelectorAll('[part="status"]') ?? [])].map(
          (b) => b.textContent.trim(),
        ),
      };
    });
  const press = async (key) => {
    await page.keyboard.press(key);
    return state();
  };
  try {
    await page.setViewport({ width: 1400, height: 1600 });
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    await page.waitForFunction(() => !document.getElementById('customer-view').hidden, {
      timeout: 30_000,
    });
    const initial = await state();
    await page.focus('#success-tab');
    const left = await press('ArrowLeft');
    await page.waitForFunction(
      () =>
        document.getElementById('health').shadowRoot?.querySelector('[role="meter"]') &&
        document.getElementById('kpis').shadowRoot?.querySelector('[part="tile"]'),
      { timeout: 30_000 },
    );
    const shown = await state();
    const text = await page.evaluate(() => {
      const deep = (root) =>
        [...root.querySelectorAll('*')]
          .map(
            (n) =>
              (n.shadowRoot ? deep(n.shadowRoot) : '') + (n.childElementCount ? '' : n.textContent),
          )
          .join(' ');
      return deep(document.getElementById('health').shadowRoot);
    });
    const kpisText = await page.evaluate(() => {
      const deep = (root) =>
        [...root.querySelectorAll('*')]
          .map(
            (n) =>
              (n.shadowRoot ? deep(n.shadowRoot) : '') + (n.childElementCount ? '' : n.textContent),
          )
          .join(' ');
      return deep(document.getElementById('kpis').shadowRoot);
    });
    const axeLight = await axeViolations(page, ['.tabs', '#health-panel']);
    await page.click('#theme');
    await page.waitForFunction(
      () =>
        document.getElementById('health').matches(':state(dark)') &&
        document.getElementById('kpis').matches(':state(dark)'),
      { timeout: 10_000 },
    );
    const axeDark = await axeViolations(page, ['.tabs', '#health-panel']);
    await page.focus('#health-tab');
    const right = await press('ArrowRight');
    const end = await press('End');
    const home = await press('Home');
    return { initial, left, shown, text, kpisText, axeLight, axeDark, right, end, home };
  } finally {
    await page.close();
  }
}

/**
 * The `demo-alerts` command: opens Acme's Success tab on the demo host page as the CSM,
 * acknowledges its newest open alert with the keyboard, then opens the portfolio (the book's
 * alerts) and switches to the viewer token (no buttons). Runs axe over each. Answers what showed.
 */
async function demoAlerts(origin, session) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  const failed = recordFailedResponses(page);
  const state = (id) =>
    page.evaluate((id) => {
      const el = document.getElementById(id);
      const root = el.shadowRoot;
      const rows = [...(root?.querySelectorAll('[part="alert"]') ?? [])];
      return {
        hidden: el.hidden || el.closest('[hidden]') !== null,
        customer: el.getAttribute('customer-id'),
        rows: rows.length,
        buttons: root?.querySelectorAll('[part="actions"] button').length ?? 0,
        first: rows[0]?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        live: root?.querySelector('[role="status"][aria-live]')?.textContent.trim() ?? '',
        focused: root?.activeElement?.getAttribute('data-action') ?? null,
      };
    }, id);
  const rowsShown = (id) =>
    page.waitForFunction(
      (id) => document.getElementById(id).shadowRoot?.querySelector('[part="alert"]'),
      { timeout: 30_000 },
      id,
    );
  try {
    await page.setViewport({ width: 1400, height: 1600 });
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    await rowsShown('alerts');
    const success = await state('alerts');
    const axeSuccess = await axeViolations(page, ['#alerts']);
    // The newest open alert's Acknowledge, by keyboard.
    const acknowledged = await page.evaluate(() => {
      const root = document.getElementById('alerts').shadowRoot;
      const b = root.querySelector('[data-action="acknowledge"]');
      b.focus();
      return b.closest('[part="alert"]').dataset.alert;
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) =>
        !document
          .getElementById('alerts')
          .shadowRoot.querySelector(`[data-alert="${id}"] [data-action="acknowledge"]`),
      { timeout: 10_000 },
      acknowledged,
    );
    const afterAck = await state('alerts');
    await page.click('#to-portfolio');
    await rowsShown('portfolio-alerts');
    const portfolio = await state('portfolio-alerts');
    const axePortfolio = await axeViolations(page, ['#portfolio-alerts']);
    await page.select('#token', 'demo-viewer-token');
    await page.waitForFunction(
      () => {
        const root = document.getElementById('alerts').shadowRoot;
        return (
          !document.getElementById('customer-view').hidden &&
          root?.querySelector('[part="alert"]') &&
          !root.querySelector('[part="actions"]')
        );
      },
      { timeout: 30_000 },
    );
    const viewer = await state('alerts');
    return { success, axeSuccess, acknowledged, afterAck, portfolio, axePortfolio, viewer, failed };
  } finally {
    await page.close();
  }
}

/** Responses of 400 and up that `page` received, as "status url", filled as the page runs. */
function recordFailedResponses(page) {
  const failed = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return failed;
}

/** Every text of the page, shadow roots included. */
const deepPageText = () => {
  const text = (root) =>
    [...root.querySelectorAll('*')]
      .map(
        (n) =>
          (n.shadowRoot ? text(n.shadowRoot) : '') + (n.childElementCount ? '' : n.textContent),
      )
      .join(' ');
  return text(document).replace(/\s+/g, ' ');
};

/**
 * The `demo-share` command (issue 16), in two steps that each fit a command's 20 s: `create`,
 * as the CSM, presses the Success tab's "Share with customer" and answers the link and what the
 * page showed (the at-risk goal with its actions); `open` (payload.url) opens the link in a tab
 * of its own and answers what the customer sees there, with every failed response and CSP
 * violation of that page.
 */
async function demoShare(origin, session, payload) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  // Acme's dashboard has drawn its numbers (ROI 4.2x), in whichever shadow root.
  const dashboard = `(${deepPageText.toString()})().includes('4.2x')`;
  try {
    if (payload?.step === 'create') {
      await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
      await page.waitForFunction(dashboard, { timeout: 15_000 });
      const csmText = await page.evaluate(deepPageText);
      await page.click('#share');
      await page.waitForFunction(() => !document.getElementById('share-url').hidden, {
        timeout: 4_000,
      });
      return {
        url: await page.$eval('#share-url', (i) => i.value),
        message: await page.$eval('#share-text', (e) => e.textContent),
        csmText,
      };
    }
    const failed = recordFailedResponses(page);
    const violations = await recordCspViolations(page);
    const response = await page.goto(payload.url, { waitUntil: 'load' });
    await page.waitForFunction(dashboard, { timeout: 15_000 });
    // The page's own words (the report formats, the language picker) in English, then in
    // each of `payload.locales` once picked.
    const chrome = () =>
      page.evaluate(() => ({
        reportAs: document.getElementById('report-as')?.textContent ?? '',
        formats: [...document.querySelectorAll('#report-format option')].map((o) => [
          o.getAttribute('value'),
          o.textContent,
        ]),
        language: document.getElementById('locale-label')?.textContent ?? '',
        settings: document.getElementById('settings')?.getAttribute('aria-label') ?? '',
      }));
    const sharedText = await page.evaluate(deepPageText);
    const words = { 'en-US': await chrome() };
    for (const locale of payload.locales ?? []) {
      await page.select('#locale', locale);
      words[locale] = await chrome();
    }
    return {
      status: response?.status() ?? 0,
      referrerPolicy: response?.headers()['referrer-policy'] ?? null,
      sharedText,
      title: await page.title(),
      words,
      failed,
      violations,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * The `demo-favicon` command: opens the demo host page and answers the icon it declares (every
 * <link rel~=icon>), what fetching the first one gave (status, media type, size), and every
 * response of 400 or more the page received (a browser asks for /favicon.ico when no icon is
 * declared, and logs its 404).
 */
async function demoFavicon(origin, session) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  const failed = recordFailedResponses(page);
  const violations = await recordCspViolations(page);
  try {
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    await page.waitForFunction(() => !document.getElementById('customer-view').hidden, {
      timeout: 30_000,
    });
    const icons = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel~="icon"]')].map((l) => ({
        href: l.href,
        type: l.getAttribute('type'),
      })),
    );
    const fetched = icons[0]
      ? await page.evaluate(async (href) => {
          const r = await fetch(href);
          const body = await r.arrayBuffer();
          return { status: r.status, type: r.headers.get('content-type'), bytes: body.byteLength };
        }, icons[0].href)
      : null;
    // Let the browser's own icon request (made after load) land before answering.
    await new Promise((r) => setTimeout(r, 500));
    return { icons, fetched, failed, violations };
  } finally {
    await page.close();
  }
}

/**
 * The `demo-narrow` command: the demo host page on a 390 px wide phone, signed in as the
 * manager (every customer in the list). Answers where the Success tab's panel starts, what the
 * collapsed customer picker says and shows, then opens it by keyboard, filters to Globex, picks
 * it with the arrow and Enter keys, and answers what showed; axe runs over the picker closed and
 * open, and a tap on Acme Corp goes back to it. The first screen, picker closed, is saved as `test-artefacts/demo-page-390.png`.
 */
async function demoNarrow(origin, session) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  const state = () =>
    page.evaluate(() => {
      const el = (id) => document.getElementById(id);
      const box = (n) => {
        const r = n.getBoundingClientRect();
        return { top: Math.round(r.top + scrollY), height: Math.round(r.height) };
      };
      const toggle = el('customers-toggle');
      const panel = el('success-panel');
      return {
        toggle: toggle
          ? {
              text: toggle.textContent.replace(/\s+/g, ' ').trim(),
              expanded: toggle.getAttribute('aria-expanded'),
              visible: toggle.getClientRects().length > 0,
            }
          : null,
        listVisible: el('customer-list').getClientRects().length > 0,
        options: el('customer-list').querySelectorAll('[role=option]').length,
        focused: (() => {
          const a = document.activeElement;
          if (!a || a === document.body) return null;
          return a.id || (a.getAttribute('role') === 'option' ? a.textContent : a.tagName);
        })(),
        customerName: el('customer-name').textContent,
        overviewCustomer: el('overview').getAttribute('customer-id'),
        successPanelShown: !panel.hidden && !el('customer-view').hidden,
        successPanel: box(panel),
        firstInPanel: panel.firstElementChild ? box(panel.firstElementChild) : null,
        pageWidth: document.documentElement.scrollWidth,
      };
    });
  try {
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        /of \d+ customers/.test(document.getElementById('list-status').textContent) &&
        !document.getElementById('customer-view').hidden,
      { timeout: 30_000 },
    );
    await page.select('#token', 'demo-manager-token');
    await page.waitForFunction(
      () => {
        const m = /(\d+) of (\d+) customers/.exec(
          document.getElementById('list-status').textContent,
        );
        return m && Number(m[2]) > 30;
      },
      { timeout: 30_000 },
    );
    // The manager lands on the portfolio; its Acme row is how they reach the customer.
    await page.evaluate(() =>
      document.getElementById('portfolio').dispatchEvent(
        new CustomEvent('success-customer-select', {
          detail: { customerId: 'cus_acme' },
          bubbles: true,
        }),
      ),
    );
    const closed = await state();
    mkdirSync(join(root, 'test-artefacts'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-artefacts', 'demo-page-390.png') });
    const axeClosed = await axeViolations(page, ['.topbar', '.customers', '.tabs']);
    await page.focus('#customers-toggle');
    await page.keyboard.press('Enter');
    const opened = await state();
    const axeOpen = await axeViolations(page, ['.customers']);
    await page.keyboard.type('Glob');
    await page.keyboard.press('ArrowDown');
    const filtered = await state();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.getElementById('customer-name').textContent.includes('Globex'),
      { timeout: 10_000 },
    );
    const chosen = await state();
    // Escape closes the open picker and gives focus back to its button.
    await page.keyboard.press('Enter');
    const reopened = await state();
    await page.keyboard.press('Escape');
    const escaped = await state();
    // And with the pointer: open, clear the filter, tap Acme Corp.
    await page.click('#customers-toggle');
    await page.click('#search', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.click('#customer-list [data-id="cus_acme"]');
    await page.waitForFunction(
      () => document.getElementById('customer-name').textContent.includes('Acme'),
      { timeout: 10_000 },
    );
    const tapped = await state();
    return { closed, axeClosed, opened, axeOpen, filtered, chosen, reopened, escaped, tapped };
  } finally {
    await page.close();
  }
}

/**
 * The `demo-portfolio-height` command: the demo host page's portfolio (where the CSM lands) at
 * 1280 x 900, and the size of the portfolio grid's scroll container once its rows show. The
 * window is saved as `test-artefacts/demo-portfolio-1280.png`.
 */
async function demoPortfolioHeight(origin, session) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        document
          .getElementById('portfolio')
          .shadowRoot?.querySelector('[part~="grid"] [part~="row"]'),
      { timeout: 30_000 },
    );
    mkdirSync(join(root, 'test-artefacts'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-artefacts', 'demo-portfolio-1280.png') });
    return await page.evaluate(() => {
      const grid = document.getElementById('portfolio').shadowRoot.querySelector('[part~="grid"]');
      const r = grid.getBoundingClientRect();
      return {
        viewport: innerHeight,
        clientHeight: grid.clientHeight,
        scrollHeight: grid.scrollHeight,
        overflowY: getComputedStyle(grid).overflowY,
        top: Math.round(r.top + scrollY),
      };
    });
  } finally {
    await page.close();
  }
}

/**
 * The `demo-words` command: opens Acme on the demo host page and answers the page's own words
 * (text, aria-label, placeholder, title; the heading it gives an element) outside the elements'
 * shadow roots and outside the data it lists (customer names), in English and then in each of
 * `payload.locales` picked with its Locale select, with every failed response.
 */
async function demoWords(origin, session, payload) {
  const page = await session.browser.getPage(session.id).browser().newPage();
  const failed = recordFailedResponses(page);
  try {
    await page.goto(`${origin}/?customer=cus_acme`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelectorAll('#customer-list [role=option]').length > 0,
      { timeout: 15_000 },
    );
    const read = () =>
      page.evaluate(() => {
        const out = [document.title];
        const data = new Set(['customer-list', 'crumb-name', 'customer-name']);
        const visit = (el) => {
          if (data.has(el.id)) return;
          for (const a of ['aria-label', 'placeholder', 'title']) {
            const v = el.getAttribute(a);
            if (v) out.push(v);
          }
          // An element's words are its own (localize.test.ts); the host gives it a heading.
          if (el.localName.includes('-')) {
            const heading = el.getAttribute('heading');
            if (heading) out.push(heading);
            if (el.localName !== 'success-provider') return;
          }
          for (const child of el.childNodes) {
            if (child.nodeType === Node.TEXT_NODE) {
              const t = child.textContent.trim();
              if (t) out.push(t);
            } else if (child.nodeType === Node.ELEMENT_NODE) visit(child);
          }
        };
        visit(document.body);
        return {
          texts: out,
          listStatus: document.getElementById('list-status')?.textContent ?? '',
          lang: document.documentElement.lang,
        };
      });
    const words = { 'en-US': await read() };
    for (const locale of payload?.locales ?? []) {
      await page.select('#locale', locale);
      words[locale] = await read();
    }
    return { words, failed };
  } finally {
    await page.close().catch(() => {});
  }
}
