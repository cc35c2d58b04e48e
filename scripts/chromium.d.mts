/** Types of scripts/chromium.mjs (plain JS so web-test-runner.config.mjs can import it). */
export declare const CHROMIUM_PATH: string;
export declare function chromiumArgs(userDataDir: string): string[];
/** A launched Chromium and the close() that also removes its profile. */
export declare function launchChromium(
  name: string,
): Promise<{ browser: import('puppeteer-core').Browser; close(): Promise<void> }>;
