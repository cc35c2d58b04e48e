// Debian's Chromium as every browser test and bench here runs it. As root it needs
// --no-sandbox; without the network flags it stalls on this machine's closed network (it keeps
// trying Google's hosts). Each run gets a fresh profile folder of its own.

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
