/** Types of scripts/chromium.mjs (plain JS so web-test-runner.config.mjs can import it). */
export declare const CHROMIUM_PATH: string;
export declare function chromiumArgs(userDataDir: string): string[];
