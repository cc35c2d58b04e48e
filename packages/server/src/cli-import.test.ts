// `cscx-success import FILE` as a user runs it against this server over real HTTP: the kind read
// from the file's first row, the file streamed with progress on a terminal, and a file with bad
// rows rejected whole, each bad row printed, exit code 1.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../sdk/src/cli/run.js';
import { type TestApp, TOKENS, testApp } from './testing/harness.js';
import { type Listening, listen } from './testing/listen.js';
import { describeBackends } from './testing/test-db.js';

describeBackends('the CLI import command (%s)', (backend) => {
  let t: TestApp;
  let server: Listening;
  let dir: string;

  beforeAll(async () => {
    t = await testApp(backend);
    server = await listen(t.app);
    dir = await mkdtemp(join(tmpdir(), 'cscx-cli-import-'));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function cli(argv: string[], opts: { tty?: boolean; token?: string } = {}) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      argv,
      { CSCX_BASE_URL: server.url, CSCX_TOKEN: opts.token ?? TOKENS.manager },
      {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        stderrIsTTY: opts.tty ?? false,
      },
    );
    return { code, stdout, stderr };
  }

  it('imports a CSV of customers, its kind read from the header, with progress on a terminal', async () => {
    const file = join(dir, 'customers.csv');
    await writeFile(
      file,
      'id,name,segment,currency,investment\ncus_cli_one,CLI One,smb,USD,1000\ncus_cli_two,CLI Two,mid_market,EUR,\n',
    );
    const r = await cli(['import', file], { tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Imported 2 customers rows from .+customers\.csv: 2 created, 0 updated \(import imp_\w+\)\.\n$/,
    );
    expect(r.stderr).toMatch(/\rSending .+customers\.csv: 0\.0 MB \/ 0\.0 MB \(100%\)\n$/);
    const got = await t.db.query(
      "SELECT name FROM customers WHERE id LIKE 'cus_cli_%' ORDER BY id",
    );
    expect(got.map((x) => x.name)).toEqual(['CLI One', 'CLI Two']);
  });

  it('prints nothing but the result when stderr is not a terminal, and --json prints the summary', async () => {
    const file = join(dir, 'kpis.ndjson');
    await writeFile(
      file,
      `${JSON.stringify({ customer_id: 'cus_cli_one', period: '2026-03', surveys: { nps: [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4] } })}\n`,
    );
    const r = await cli(['import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'kpi_observations',
      format: 'ndjson',
      rows: 1,
      created: 1,
    });
  });

  it('rejects a file with bad rows whole, printing each bad row, and exits 1', async () => {
    const file = join(dir, 'measurements.csv');
    await writeFile(
      file,
      [
        'goal_id,metric_id,value',
        'goal_acme_ticket_time,met_acme_resolution_time,11',
        'goal_acme_ticket_time,met_acme_resolution_time,fast',
        'goal_acme_ticket_time,met_nope,10',
      ].join('\n'),
    );
    const before = await t.db.query('SELECT count(*)::int AS n FROM measurements');
    const r = await cli(['import', file], { token: TOKENS.csm });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'cscx-success: 2 rows of 3 are invalid; nothing was imported.',
        '  row 3 /value: Must be a number. (type)',
        '  row 4 /metric_id: This goal has no metric met_nope. (not_found)',
        '',
      ].join('\n'),
    );
    expect(await t.db.query('SELECT count(*)::int AS n FROM measurements')).toEqual(before);
  });

  it("runs README's Importing your data example as written: its customers.csv, the manager's import", async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Importing your data'));
    const csv = /```csv\n([\s\S]*?)```/.exec(section)?.[1];
    const said = /```sh\n[\s\S]*?# (Imported .+)\n/.exec(section)?.[1];
    expect(csv).toBeDefined();
    const file = join(dir, 'readme', 'customers.csv');
    await mkdir(join(dir, 'readme'), { recursive: true });
    await writeFile(file, csv as string);
    const r = await cli(['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(file, 'customers.csv').replace(/imp_\w+/, 'imp_...')).toBe(`${said}\n`);
    const initech = await t.db.query("SELECT name, csm_id FROM customers WHERE id = 'cus_initech'");
    expect(initech).toEqual([{ name: 'Initech', csm_id: 'csm_riley' }]);
  });

  it('asks for --kind when the first row does not say, and refuses an unknown extension', async () => {
    const file = join(dir, 'rows.csv');
    await writeFile(file, 'customer_id,note\ncus_cli_one,x\n');
    const r = await cli(['import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /give --kind customers\|measurements\|health_observations\|kpi_observations/,
    );
    const txt = join(dir, 'rows.txt');
    await writeFile(txt, 'x');
    const bad = await cli(['import', txt, '--kind', 'customers']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot tell the format of .+rows\.txt/);
  });
});
