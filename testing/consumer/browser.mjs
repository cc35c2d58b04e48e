// Debian's Chromium through puppeteer-core, as a visitor of a page: open it, read the text the
// elements render (through their shadow roots), and record what went wrong on the page.
import { launchChromium } from '../../scripts/chromium.mjs';

export function launchBrowser() {
  return launchChromium('cscx-consumer');
}

/**
 * Opens `url` in a new page; `problems` collects uncaught errors, console errors, failed
 * requests and Content-Security-Policy violations as they happen. `beforeLoad(page)` runs
 * before navigation, e.g. to watch requests.
 */
export async function openPage(browser, url, { beforeLoad } = {}) {
  const page = await browser.newPage();
  await beforeLoad?.(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // "Failed to load resource" names no URL: the response listener reports those with theirs.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    // A browser asks every site for /favicon.ico; the examples have none.
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') {
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) =>
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
  );
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      // Where it came from: the script and line, so a violation names the code to fix.
      console.error(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** The text of the page as a reader sees it, shadow roots included. */
export function deepText(page, selector = 'body') {
  return page.evaluate((sel) => {
    const walk = (node) => {
      // A shadow root renders the light DOM only where its slots put it.
      if (node.shadowRoot) return walk(node.shadowRoot);
      let text = '';
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text += `${child.textContent} `;
        else if (child.nodeType === Node.ELEMENT_NODE) {
          const el = child;
          if (el.localName === 'slot') for (const a of el.assignedNodes()) text += walk(a);
          else if (el.localName !== 'style' && el.localName !== 'script') text += walk(el);
        }
      }
      return text;
    };
    const root = document.querySelector(sel);
    return root ? walk(root).replace(/\s+/g, ' ') : '';
  }, selector);
}

/** Waits until the page's text includes every one of `needles` (or `timeoutMs` passes). */
export async function waitForText(page, needles, { selector = 'body', timeoutMs = 30_000 } = {}) {
  const started = Date.now();
  let text = '';
  for (;;) {
    text = await deepText(page, selector);
    if (needles.every((n) => text.includes(n))) return text;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `page never showed ${JSON.stringify(needles)}; it shows: ${text.slice(0, 1500)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
