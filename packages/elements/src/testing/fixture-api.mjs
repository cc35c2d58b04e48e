// A FIXTURE, not a server: the test runner's middleware answers the few /api routes the elements
// call with the examples of openapi.yaml, so browser tests exercise the real SDK over real HTTP.
// The lead replaces it with the reference server (packages/server) once that lands.
//
// Conventions the tests rely on:
//   - every /api request needs `Authorization: Bearer <anything>`, else 401 (Unauthorized example);
//   - customer `cus_missing` answers 404 (NotFound example);
//   - a customer id starting `cus_flaky` answers 500 (InternalError example) to the first call
//     for each path, i.e. to its first 3 requests (the SDK retries a GET's 5xx twice by default),
//     then succeeds: the element's error state and its Retry path. Ids are per test, so parallel files never meet;
//   - `explain=true` keeps the examples' `explanations` (as the server adds them); without it they
//     are left out, as the contract says;
//   - getCustomerHealth (`/api/customers/{id}/health`) follows the same rules, serving the
//     CustomerHealth example for any other customer;
//   - getCustomerKpis (`/api/customers/{id}/kpis`) follows the same rules, serving
//     kpis-example.json (Acme's KPIs for 2026-11 as the reference server computes them from its
//     seed: every rating, a trend each way, CLV and CAC payback without thresholds);
//   - any other customer id gets the example bodies (getAccountSuccessMetrics has one example,
//     Globex; it is served for every customer so the overview has benchmarks to show).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const spec = parse(readFileSync(new URL('../../../../openapi.yaml', import.meta.url), 'utf8'));

const firstExample = (content) => {
  const media = content?.['application/json'] ?? content?.['application/problem+json'];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  return Object.values(media.examples ?? {})[0]?.value;
};
const response200 = (path, method) =>
  firstExample(spec.paths[path][method].responses['200'].content);
const problem = (name) => firstExample(spec.components.responses[name].content);
const schemaExample = (name) => spec.components.schemas[name].examples[0];

const kpisExample = JSON.parse(
  readFileSync(new URL('./kpis-example.json', import.meta.url), 'utf8'),
);

/** Every example the browser tests use as fixture data, served at /__fixtures__/examples.json. */
export const examples = {
  customerSuccessMetrics: response200('/api/reports/success-metrics/{customerId}', 'get'),
  accountSuccessMetrics: response200('/api/intelligence/success-metrics/{customerId}', 'get'),
  problems: {
    notFound: problem('NotFound'),
    unauthorized: problem('Unauthorized'),
    internal: problem('InternalError'),
  },
  customerKpis: kpisExample,
  schemas: Object.fromEntries(
    [
      'SuccessGoal',
      'Milestone',
      'ValueDelivered',
      'SuccessScore',
      'Benchmarks',
      'ValueDriver',
      'CustomerHealth',
      'AlertList',
    ].map((n) => [n, schemaExample(n)]),
  ),
};

// Requests failed so far per path of a flaky customer; one SDK call is 1 + 2 retries.
const FLAKY_FAILURES = 3;
const failures = new Map();
const send = (ctx, status, body, type = 'application/json') => {
  ctx.status = status;
  ctx.set('x-request-id', 'req_fixture');
  ctx.type = type;
  ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
};

/** Koa middleware for @web/test-runner's `middleware` option. */
export async function fixtureApi(ctx, next) {
  if (ctx.path === '/__fixtures__/examples.json') return send(ctx, 200, examples);
  const health = /^\/api\/customers\/([^/]+)\/(health|kpis)$/.exec(ctx.path);
  const m =
    /^\/api\/(reports|intelligence)\/success-metrics\/([^/]+)(\/generate)?$/.exec(ctx.path) ??
    (health && ctx.method === 'GET' ? [ctx.path, health[2], health[1], undefined] : null);
  if (!m) return next();
  const [, area, customerId, generate] = m;
  if (!/^Bearer \S+/.test(ctx.get('authorization'))) {
    return send(ctx, 401, examples.problems.unauthorized, 'application/problem+json');
  }
  if (customerId === 'cus_missing')
    return send(ctx, 404, examples.problems.notFound, 'application/problem+json');
  if (customerId.startsWith('cus_flaky') && (failures.get(ctx.path) ?? 0) < FLAKY_FAILURES) {
    failures.set(ctx.path, (failures.get(ctx.path) ?? 0) + 1);
    return send(ctx, 500, examples.problems.internal, 'application/problem+json');
  }
  if (generate && ctx.method === 'POST') {
    ctx.set('content-disposition', 'attachment; filename="success-report.html"');
    return send(ctx, 200, '<!doctype html><title>Success report</title>', 'text/html');
  }
  if (ctx.method !== 'GET') return next();
  if (area === 'health') return send(ctx, 200, examples.schemas.CustomerHealth);
  if (area === 'kpis') return send(ctx, 200, { ...kpisExample, customer_id: customerId });
  const body = structuredClone(
    area === 'reports' ? examples.customerSuccessMetrics : examples.accountSuccessMetrics,
  );
  if (ctx.query.explain !== 'true') delete body.explanations;
  if (area === 'reports') return send(ctx, 200, body);
  if (ctx.query.includeBenchmarks !== 'true') body.benchmarks = null;
  return send(ctx, 200, body);
}
