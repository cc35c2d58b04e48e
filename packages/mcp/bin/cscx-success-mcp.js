#!/usr/bin/env node
// The `cscx-success-mcp` command (the MCP server on stdio). An installed package runs its built CLI (dist/cli.js). In a
// clone of the kit's repository nothing is built after `npm ci`, so there it runs the source
// through tsx (a dev dependency of the repository): `npx cscx-success-mcp` works right after
// `npm ci`, from node_modules/.bin, with no registry lookup.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/cli.js');
}
