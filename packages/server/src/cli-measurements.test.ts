// The CLI's measurement commands as a CSM runs them against this server over real HTTP: list a
// goal's measurements with their ids, correct one, remove one; the goal's figures follow.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../sdk/src/cli/run.js';
import { type TestApp, TOKENS, testApp } from './testing/harness.js';
import { type Listening, listen } from './testing/listen.js';
import { describeBackends } from './testing/test-db.js';

const GOAL = 'goal_acme_ticket_time';

describeBackends('the CLI on measurements (%s)', (backend) => {
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

  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      argv,
      { CSCX_BASE_URL: server.url, CSCX_TOKEN: TOKENS.csm },
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
    );
    return { code, stdout, stderr };
  }

  it('lists a goal’s measurements with their ids, corrects the latest and removes it', async () => {
    const listed = await cli('measurements', GOAL);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^metric\s+measurement id\s+measured at\s+value/);
    const rows = listed.stdout.split('\n').filter((l) => l.includes('msr_'));
    expect(rows).toHaveLength(4);
    // Oldest first: the last row is the seeded 11.5 h that makes TC-165.1's 104 %.
    const latest = /(msr_\w+)/.exec(rows.at(-1)!)![1]!;
    expect(rows.at(-1)).toContain('11.5');

    const corrected = await cli('measurement', 'update', GOAL, latest, '18', '--note', 'fixed');
    expect(corrected.code, corrected.stderr).toBe(0);
    // (18 - 24) / (12 - 24) = 50 %.
    expect(corrected.stdout).toBe(
      `Corrected ${latest} to 18: goal "Reduce ticket time" now 50% (at_risk)\n`,
    );
    const after = await cli('measurements', GOAL, '--json');
    const stored = JSON.parse(after.stdout).metrics[0].measurements.at(-1);
    expect(stored).toMatchObject({ id: latest, value: 18, note: 'fixed', source: 'helpdesk' });

    const removed = await cli('measurement', 'delete', GOAL, latest);
    expect(removed.code, removed.stderr).toBe(0);
    // The previous measurement (13 h) is the current one again: (13 - 24) / (12 - 24) = 92 %.
    expect(removed.stdout).toMatch(
      new RegExp(`^Removed ${latest} \\(18 at .+\\): goal "Reduce ticket time" now 92%`),
    );
    expect(
      (await cli('measurements', GOAL)).stdout.split('\n').filter((l) => l.includes('msr_')),
    ).toHaveLength(3);
  });

  it('names the command that lists ids when a measurement id is not the goal’s', async () => {
    const r = await cli('measurement', 'delete', GOAL, 'msr_999999');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cscx-success: goal ${GOAL} has no measurement msr_999999. List them: cscx-success measurements ${GOAL}\n`,
    );
  });

  it('refuses a value that is not a number before it sends anything', async () => {
    const r = await cli('measurement', 'update', GOAL, 'msr_1', 'eleven');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cscx-success: <value> must be a number, not "eleven"\n');
  });
});
