/** The calc locale catalogues the demo page loads, as esbuild aliases (`at` resolves a repository path). */
export function calcLocales(at?: (path: string) => string): Record<string, string>;
/** Builds the demo host page and the share page into examples/host-page/dist/. */
export function buildHostPage(options?: { minify?: boolean }): Promise<void>;
