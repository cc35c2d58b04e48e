// zod (under the MCP SDK the App uses) probes for eval with `new Function` when it builds its
// object schemas, at module load; the host's CSP forbids eval and reports the probe as a
// violation. Jitless zod never probes. Imported first by view.ts, so it runs before those modules (the package is sideEffects: false,
// hence a used export rather than a bare import).
import { config } from 'zod/v4';

/** zod's settings, jitless; view.ts reads this binding so a bundler keeps the module. */
export const ZOD_CONFIG: { readonly jitless?: boolean | undefined } = config({ jitless: true });
