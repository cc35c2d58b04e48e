// The CLI's portfolio commands against this server over real HTTP: `portfolio` and `at-risk`
// follow every page, so a portfolio larger than one page arrives whole.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../sdk/src/cli/run.js';
import type { AtRiskGoal, PortfolioSuccessMetrics } from './contract.js';
import { type TestApp, TOKENS, testApp } from './testing/harness.js';
import { type Listening, listen } from './testing/listen.js';
import { describeBackends } from './testing/test-db.js';

describeBackends('the CLI on the portfolio (%s)', (backend) => {
  let t: TestApp;
  let server: Listening;

  beforeAll(async () => {
    t = await testApp(backend);
    server = await listen(t.app);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
  });

  async function cli(token: string, ...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      argv,
      { CSCX_BASE_URL: server.url, CSCX_TOKEN: token },
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    );
    return { code, stdout, stderr };
  }

  it("prints every customer of the manager's portfolio, not only the first page", async () => {
    const r = await cli(TOKENS.manager, 'portfolio', '--json');
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as PortfolioSuccessMetrics;
    expect(data.summary.customers).toBeGreaterThan(50);
    expect(data.customers).toHaveLength(data.summary.customers);
    expect(new Set(data.customers.map((c) => c.customer_id)).size).toBe(data.customers.length);
    expect(data.next_cursor).toBeNull();
    const table = await cli(TOKENS.manager, 'portfolio');
    const rows = table.stdout.split('\n').filter((l) => /\s(enterprise|mid_market|smb)\s/.test(l));
    expect(rows).toHaveLength(data.summary.customers);
    expect(table.stdout).toContain('Every goal at risk: cscx-success at-risk');
    // The health distribution and each customer's health, the API's numbers.
    const d = data.summary.health_distribution;
    expect(table.stdout).toContain(
      `Health: ${d.excellent} excellent, ${d.good} good, ${d.at_risk} at risk, ${d.critical} critical, ${d.no_data} no data`,
    );
    const acme = data.customers.find((c) => c.customer_id === 'cus_acme')!;
    const acmeRow = rows.find((l) => l.startsWith('Acme Corp '))!;
    expect(acmeRow).toContain(
      `${Math.round(acme.health_score!)} ${acme.health_band!.replace('_', ' ')}`,
    );
  });

  it('prints every at-risk goal of the scope with its id, for a manager and a CSM', async () => {
    const portfolio = JSON.parse(
      (await cli(TOKENS.manager, 'portfolio', '--json')).stdout,
    ) as PortfolioSuccessMetrics;
    const r = await cli(TOKENS.manager, 'at-risk', '--json');
    expect(r.code, r.stderr).toBe(0);
    const goals = JSON.parse(r.stdout) as AtRiskGoal[];
    expect(goals).toHaveLength(portfolio.summary.at_risk);
    expect(portfolio.summary.at_risk).toBeGreaterThan(20);
    const table = await cli(TOKENS.manager, 'at-risk');
    expect(table.stdout).toMatch(/^customer\s+goal\s+goal id\s+progress\s+expected\s+target date/);
    expect(table.stdout).toContain(`${goals.length} goals at risk.`);
    for (const g of goals) expect(table.stdout).toContain(g.goal_id);

    const own = JSON.parse((await cli(TOKENS.csm, 'at-risk', '--json')).stdout) as AtRiskGoal[];
    const csmPortfolio = JSON.parse(
      (await cli(TOKENS.csm, 'portfolio', '--json')).stdout,
    ) as PortfolioSuccessMetrics;
    expect(own).toHaveLength(csmPortfolio.summary.at_risk);
    const ids = new Set(csmPortfolio.customers.map((c) => c.customer_id));
    expect(own.every((g) => ids.has(g.customer_id))).toBe(true);
  });
});
