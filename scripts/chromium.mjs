// Debian's Chromium as every browser test and bench here runs it. As root it needs
// --no-sandbox; without the network flags it stalls on this machine's closed network (it keeps
// trying Google's hosts). Each run gets a fresh profile folder of its own.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch arguments for a headless run with the profile in `userDataDir`. */
export function chromiumArgs(userDataDir) {
  return [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    `--user-data-dir=${userDataDir}`,
  ];
}

/**
 * Launches it through puppeteer-core (imported here only when called, so the web-test-runner
 * config that imports this file does not load it) with a fresh profile named after `name`;
 * `close()` closes the browser and removes the profile.
 */
export async function launchChromium(name) {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), `${name}-chromium-`));
  const remove = () => rmSync(profile, { recursive: true, force: true });
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: chromiumArgs(profile),
    });
  } catch (e) {
    remove();
    throw e;
  }
  return {
    browser,
    close: async () => {
      await browser.close();
      remove();
    },
  };
}
