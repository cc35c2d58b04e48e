import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createSuccessClient, type SuccessClient } from '../client.js';
import { SuccessApiError, SuccessError, ValidationError } from '../errors.js';
import type { components } from '../generated/openapi.js';
import { redactText, urlSecrets } from '../redact.js';
import { badRowLines, ImportUsageError, importFile } from './import-file.js';
import { formatTable } from './table.js';

/** Where the CLI writes; injected so tests read what a user would see. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stderr is a terminal: long commands (import) show their progress there. */
  readonly stderrIsTTY?: boolean;
}

export const USAGE = `Usage: cscx-success <command> [options]

Commands:
  customers [--segment S] [--csm-id ID] [--search TEXT]   list customers in your scope
  metrics <customerId> [--period P]                        a customer's success metrics, with
                                                           the goal and metric ids measure takes
  portfolio [--segment S] [--csm-id ID]                    portfolio summary and every customer
  at-risk [--segment S] [--csm-id ID]                      every at-risk goal of the portfolio
  goals create --file goal.json                            create a success goal
  measure <goalId> <metricId> <value> [--date D] [--note N] record a measurement
  measurements <goalId>                                    a goal's measurements, with their ids
  measurement update <goalId> <measurementId> <value> [--date D] [--note N]
                                                           correct a measurement
  measurement delete <goalId> <measurementId>              remove a measurement
  report <customerId> --format pdf|ppt|html --out FILE [--audience customer|internal]
                                                           generate a success report (default
                                                           customer-facing, without internal notes)
  share <customerId> [--expires TIME] [--label L]          a read-only link to the customer's
                                                           customer-facing dashboard and report
                                                           (manager or its CSM; default 30 days)
  share list <customerId>                                  the customer's share links
  share revoke <customerId> <shareLinkId>                  revoke a share link
  embed-token <customerId> [--ttl SECONDS]                 mint a read-only token of one customer
                                                           for a partner page (manager token;
                                                           --ttl 60-86400, default 900)
  embed-token revoke <tokenId>                             revoke an embed token
  import FILE [--kind K]                                   import a CSV (.csv) or NDJSON (.ndjson,
                                                           .jsonl) file of customers, measurements,
                                                           health_observations or kpi_observations
                                                           (K inferred from the first row when
                                                           unambiguous); all rows or none

Options:
  --json              print the response as JSON instead of a table
  --base-url URL      API base URL (or CSCX_BASE_URL; default http://127.0.0.1:8787)
  --timeout MS        deadline of each call in ms (default 30000)
  -h, --help          show this help

The token is read from CSCX_TOKEN.`;

class UsageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

const money = (n: number | null | undefined, currency: string) =>
  n === null || n === undefined
    ? '—'
    : new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
      }).format(n);
const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${Math.round(n)}%`;
const roi = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n.toFixed(1)}x`;

/**
 * Runs one CLI command and returns the process exit code: 0 on success, 1 when the API or the
 * network failed, 2 for a usage error. Errors are one line on stderr, without credentials.
 */
export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    io.stderr(`cscx-success: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.stdout(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const token = env.CSCX_TOKEN;
  if (!token) {
    io.stderr(
      'cscx-success: CSCX_TOKEN is not set. Export a token, e.g. CSCX_TOKEN=demo-csm-token.\n',
    );
    return 2;
  }
  const baseUrl = values['base-url'] ?? env.CSCX_BASE_URL ?? 'http://127.0.0.1:8787';
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) {
    io.stderr('cscx-success: --timeout must be a positive number of milliseconds\n');
    return 2;
  }
  // The SDK's errors carry no credential already; this also covers an error from elsewhere
  // (the file system, a bug) that quotes the base URL or the token.
  const secrets = [token, `Bearer ${token}`, ...urlSecrets(baseUrl)];
  const fail = (text: string) => io.stderr(`cscx-success: ${redactText(text, secrets)}\n`);
  let client: SuccessClient;
  try {
    client = createSuccessClient({ baseUrl, token, ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (e) {
    // A base URL that is not one, or that carries credentials.
    fail(e instanceof Error ? e.message : String(e));
    return 2;
  }
  try {
    await dispatch(client, positionals, values, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ImportUsageError) {
      fail(e.message);
      return 2;
    }
    // An import's bad rows, one a line: what to fix, and where.
    const rows = badRowLines(e);
    if (rows) {
      fail(rows.join('\n'));
      return 1;
    }
    fail(describe(e));
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'base-url': { type: 'string' },
      timeout: { type: 'string' },
      segment: { type: 'string' },
      'csm-id': { type: 'string' },
      search: { type: 'string' },
      period: { type: 'string' },
      file: { type: 'string' },
      date: { type: 'string' },
      note: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      ttl: { type: 'string' },
      kind: { type: 'string' },
      audience: { type: 'string' },
      expires: { type: 'string' },
      label: { type: 'string' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function describe(e: unknown): string {
  if (e instanceof SuccessApiError) {
    const fields = e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ');
    const id = e.requestId ? ` (request ${e.requestId})` : '';
    return `${e.status} ${e.problem.title}${e.problem.detail ? `: ${e.problem.detail}` : ''}${fields ? ` [${fields}]` : ''}${id}`;
  }
  if (e instanceof ValidationError) return e.message;
  if (e instanceof SuccessError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}. Run cscx-success --help.`);
  return value;
}

/** A measurement value from the command line: a finite number, else a usage error. */
function numberArg(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || raw.trim() === '')
    throw new UsageError(`<value> must be a number, not "${raw}"`);
  return value;
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

async function dispatch(
  client: SuccessClient,
  [command, ...args]: string[],
  values: Values,
  io: CliIo,
): Promise<void> {
  const print = (data: unknown, table: () => string) =>
    io.stdout(values.json ? `${JSON.stringify(data, null, 2)}\n` : `${table()}\n`);
  switch (command) {
    case 'customers': {
      const items: components['schemas']['Customer'][] = [];
      const input = {
        ...opt('segment', values.segment as components['schemas']['Segment'] | undefined),
        ...opt('csm_id', values['csm-id']),
        ...opt('search', values.search),
      };
      for await (const c of client.listCustomers.all(input)) items.push(c);
      return print(items, () =>
        formatTable(
          ['id', 'name', 'segment', 'csm', 'investment'],
          items.map((c) => [
            c.id,
            c.name,
            c.segment,
            c.csm_id ?? '—',
            money(c.investment, c.currency),
          ]),
        ),
      );
    }
    case 'metrics': {
      const customerId = need(args[0], '<customerId>');
      const data = await client.getCustomerSuccessMetrics({
        customerId,
        ...opt('period', values.period),
      });
      const m = data.metrics;
      const cur = m.currency;
      return print(data, () =>
        [
          `${data.customer.name} (${m.period})`,
          `Goals achieved ${m.goals.achieved} / ${m.goals.total} (${pct(m.goals.achievement_rate)}); on track ${m.goals.on_track}, at risk ${m.goals.at_risk}`,
          `Value delivered ${money(m.value_delivered.total_value, cur)} vs investment ${money(m.value_delivered.investment, cur)}; ROI ${roi(m.value_delivered.roi_multiplier)}`,
          '',
          // Each goal, then its metrics indented under it: the two ids `measure` takes.
          formatTable(
            ['goal / metric', 'id', 'status', 'progress'],
            data.goals.flatMap((g) => [
              [g.name, g.id, g.status, pct(g.achievement_pct)],
              ...g.metrics.map((m) => [`  ${m.name}`, m.id, m.status ?? '—', pct(m.progress_pct)]),
            ]),
          ),
          ...(data.goals.length > 0
            ? ['', 'Record a measurement: cscx-success measure <goal id> <metric id> <value>']
            : []),
        ].join('\n'),
      );
    }
    case 'portfolio': {
      const input = {
        ...opt('segment', values.segment as components['schemas']['Segment'] | undefined),
        ...opt('csm_id', values['csm-id']),
      };
      // The summary is on every page; the customers are followed page by page to the last.
      const first = await client.getPortfolioSuccessMetrics(input);
      const customers = [...first.customers];
      if (first.next_cursor !== null)
        for await (const c of client.getPortfolioSuccessMetrics.all({
          ...input,
          cursor: first.next_cursor,
        }))
          customers.push(c);
      const data = { ...first, customers, next_cursor: null };
      const s = data.summary;
      return print(data, () =>
        [
          `${s.customers} customers, ${s.goals} goals: ${s.achieved} achieved (${pct(s.achievement_rate)}), ${s.at_risk} at risk; average ROI ${roi(s.average_roi)}`,
          `Health: ${s.health_distribution.excellent} excellent, ${s.health_distribution.good} good, ${s.health_distribution.at_risk} at risk, ${s.health_distribution.critical} critical, ${s.health_distribution.no_data} no data`,
          '',
          formatTable(
            ['customer', 'segment', 'achieved', 'score', 'health', 'ROI', 'value'],
            data.customers.map((c) => [
              c.name,
              c.segment,
              `${c.goals_achieved} / ${c.goals_total}`,
              c.success_score === null ? '—' : String(Math.round(c.success_score)),
              c.health_score === null || c.health_band === null
                ? '—'
                : `${Math.round(c.health_score)} ${c.health_band.replace('_', ' ')}`,
              roi(c.roi_multiplier),
              money(c.total_value, c.currency),
            ]),
          ),
          ...(s.at_risk > 0 ? ['', 'Every goal at risk: cscx-success at-risk'] : []),
        ].join('\n'),
      );
    }
    case 'at-risk': {
      const goals: components['schemas']['AtRiskGoal'][] = [];
      for await (const g of client.listAtRiskGoals.all({
        ...opt('segment', values.segment as components['schemas']['Segment'] | undefined),
        ...opt('csm_id', values['csm-id']),
        limit: 500,
      }))
        goals.push(g);
      return print(goals, () =>
        goals.length === 0
          ? 'No goals at risk.'
          : [
              formatTable(
                ['customer', 'goal', 'goal id', 'progress', 'expected', 'target date'],
                goals.map((g) => [
                  g.customer_name,
                  g.name,
                  g.goal_id,
                  pct(g.achievement_pct),
                  pct(g.expected_pct),
                  g.target_date,
                ]),
              ),
              '',
              `${goals.length} goals at risk.`,
            ].join('\n'),
      );
    }
    case 'goals': {
      if (args[0] !== 'create')
        throw new UsageError(
          `unknown goals command "${args[0] ?? ''}". Use: goals create --file goal.json`,
        );
      const file = need(values.file, '--file goal.json');
      let body: unknown;
      try {
        body = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const goal = await client.createSuccessGoal({
        body: body as components['schemas']['SuccessGoalInput'],
      });
      return print(
        goal,
        () => `Created goal ${goal.id} "${goal.name}" (${goal.status}) for ${goal.customer_id}`,
      );
    }
    case 'measure': {
      const [goalId, metricId, raw] = [
        need(args[0], '<goalId>'),
        need(args[1], '<metricId>'),
        need(args[2], '<value>'),
      ];
      const value = numberArg(raw);
      const result = await client.recordMeasurement({
        goalId,
        body: {
          metric_id: metricId,
          value,
          ...opt('measured_at', values.date),
          ...opt('note', values.note),
        },
      });
      const g = result.goal;
      return print(
        result,
        () =>
          `Recorded ${value} for ${metricId}: goal "${g.name}" now ${pct(g.achievement_pct)} (${g.status})`,
      );
    }
    case 'measurements': {
      const goal = await client.getSuccessGoal({ goalId: need(args[0], '<goalId>') });
      return print(goal, () =>
        formatTable(
          ['metric', 'measurement id', 'measured at', 'value', 'source', 'note'],
          goal.metrics.flatMap((m) =>
            m.measurements.map((x) => [
              m.name,
              x.id ?? '—',
              x.measured_at,
              String(x.value),
              x.source ?? '—',
              x.note ?? '',
            ]),
          ),
        ),
      );
    }
    case 'measurement': {
      const action = args[0];
      if (action !== 'update' && action !== 'delete')
        throw new UsageError(
          `unknown measurement command "${action ?? ''}". Use: measurement update|delete <goalId> <measurementId>`,
        );
      const goalId = need(args[1], '<goalId>');
      const measurementId = need(args[2], '<measurementId>');
      // Checked before any request: a bad value never costs a round trip.
      const update = action === 'update' ? { value: numberArg(need(args[3], '<value>')) } : null;
      // The goal's current version for If-Match, and the measurement as stored: an update
      // sends the whole measurement, keeping what the command line does not change.
      const goal = await client.getSuccessGoal({ goalId });
      const stored = goal.metrics
        .flatMap((m) => m.measurements)
        .find((x) => x.id === measurementId);
      if (!stored)
        throw new UsageError(
          `goal ${goalId} has no measurement ${measurementId}. List them: cscx-success measurements ${goalId}`,
        );
      if (!update) {
        const result = await client.deleteMeasurement({
          goalId,
          measurementId,
          ifMatch: goal.version,
        });
        const g = result.goal;
        return print(
          result,
          () =>
            `Removed ${measurementId} (${stored.value} at ${stored.measured_at}): goal "${g.name}" now ${pct(g.achievement_pct)} (${g.status})`,
        );
      }
      const result = await client.updateMeasurement({
        goalId,
        measurementId,
        ifMatch: goal.version,
        body: {
          value: update.value,
          measured_at: values.date ?? stored.measured_at,
          source: stored.source ?? null,
          note: values.note ?? stored.note ?? null,
        },
      });
      const g = result.goal;
      return print(
        result,
        () =>
          `Corrected ${measurementId} to ${update.value}: goal "${g.name}" now ${pct(g.achievement_pct)} (${g.status})`,
      );
    }
    case 'report': {
      const customerId = need(args[0], '<customerId>');
      const format = need(values.format, '--format pdf|ppt|html');
      if (!['pdf', 'ppt', 'html'].includes(format))
        throw new UsageError(`--format must be pdf, ppt or html, not "${format}"`);
      const out = need(values.out, '--out FILE');
      const audience = values.audience;
      if (audience !== undefined && audience !== 'customer' && audience !== 'internal')
        throw new UsageError(`--audience must be customer or internal, not "${audience}"`);
      const file = await client.generateSuccessReport({
        customerId,
        body: {
          format: format as components['schemas']['ReportFormat'],
          ...opt('audience', audience as components['schemas']['ReportAudience'] | undefined),
        },
      });
      await writeFile(out, new Uint8Array(await file.arrayBuffer()));
      return print(
        { file: out, name: file.name, type: file.type, bytes: file.size },
        () => `Wrote ${out} (${file.size} bytes, ${file.type})`,
      );
    }
    case 'embed-token': {
      if (args[0] === 'revoke') {
        const tokenId = need(args[1], '<tokenId>');
        await client.revokeEmbedToken({ tokenId });
        return print({ revoked: tokenId }, () => `Revoked embed token ${tokenId}.`);
      }
      const customerId = need(args[0], '<customerId>');
      let ttl: number | undefined;
      if (values.ttl !== undefined) {
        ttl = Number(values.ttl);
        if (!Number.isInteger(ttl) || ttl < 60 || ttl > 86_400)
          throw new UsageError(`--ttl must be whole seconds from 60 to 86400, not "${values.ttl}"`);
      }
      const minted = await client.createEmbedToken({
        body: { customer_id: customerId, ...opt('ttl_seconds', ttl) },
      });
      // The token alone on the first line, for `| head -n 1`.
      return print(minted, () =>
        [
          minted.token,
          `Expires ${minted.expires_at}. Read-only, ${minted.customer_id} only. Revoke it with: cscx-success embed-token revoke ${minted.id}`,
        ].join('\n'),
      );
    }
    case 'share': {
      if (args[0] === 'list') {
        const customerId = need(args[1], '<customerId>');
        const page = await client.listShareLinks({ customerId, limit: 500 });
        return print(page, () =>
          formatTable(
            ['id', 'status', 'expires', 'label'],
            page.items.map((l) => [l.id, l.status, l.expires_at, l.label]),
          ),
        );
      }
      if (args[0] === 'revoke') {
        const customerId = need(args[1], '<customerId>');
        const shareLinkId = need(args[2], '<shareLinkId>');
        await client.revokeShareLink({ customerId, shareLinkId });
        return print({ revoked: shareLinkId }, () => `Revoked share link ${shareLinkId}.`);
      }
      const customerId = need(args[0], '<customerId>');
      const link = await client.createShareLink({
        customerId,
        body: { ...opt('expires_at', values.expires), ...opt('label', values.label) },
      });
      // The link alone on the first line, for `| head -n 1`.
      return print(link, () =>
        [
          link.url,
          `Read-only and customer-facing, ${link.customer_id} only, until ${link.expires_at}. Revoke it with: cscx-success share revoke ${link.customer_id} ${link.id}`,
        ].join('\n'),
      );
    }
    case 'import': {
      const file = need(args[0], 'FILE');
      const result = await importFile(client, file, values.kind, {
        write: io.stderr,
        tty: io.stderrIsTTY === true,
      });
      return print(
        result,
        () =>
          `Imported ${result.rows} ${result.kind} rows from ${file}: ${result.created} created, ${result.updated} updated (import ${result.id}).`,
      );
    }
    default:
      throw new UsageError(`unknown command "${command}". Run cscx-success --help.`);
  }
}
