// The stories' data: openapi.yaml's own examples (the same the browser tests use), so a story
// can never show a shape the API does not send. Served to stories as `virtual:cscx-examples`
// by Vite (Storybook) and by web-test-runner (the stories' test).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { examples } from '../packages/elements/src/testing/fixture-api.mjs';

const spec = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
const portfolio =
  spec.paths['/api/reports/success-metrics'].get.responses['200'].content['application/json'];

export const VIRTUAL_ID = 'virtual:cscx-examples';

/** The module's source: one default export holding every example. */
export function examplesModule() {
  const all = {
    ...examples,
    portfolio: portfolio.example ?? Object.values(portfolio.examples)[0].value,
  };
  return `export default ${JSON.stringify(all)};`;
}
