/** Where the compiled server is written: packages/server/dist/main.js. */
export const SERVER_BUNDLE: string;
/** Compiles the reference server into one ES module (default {@link SERVER_BUNDLE}); resolves to its path. */
export function buildServer(outfile?: string): Promise<string>;
