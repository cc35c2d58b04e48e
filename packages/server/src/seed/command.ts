// The logic of `npm run seed` (cli.ts is its process wrapper), apart so that its argument
// handling and determinism are tested in-process on one database.
import type { Database } from '../db/database.js';
import { saveAllSummaries } from '../summaries.js';
import { DEMO_SHARE_LINK, isEmpty, seedDemo, wipe } from './seed.js';
import { DEMO_CUSTOMERS, generatedFor, parseCustomerCount } from './size.js';

export const SEED_USAGE = 'Usage: npm run seed [-- [--reset] [--customers N]]';

export interface SeedArgs {
  /** Empty a database that already holds data first. */
  readonly reset: boolean;
  /** Customers in all, Acme and Globex included (default: the demo's 202). */
  readonly customers: number;
}

/** The command line, or an Error whose message is meant for the user (exit code 2). */
export function parseSeedArgs(args: readonly string[]): SeedArgs | Error {
  let reset = false;
  let customers: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--reset') reset = true;
    else if (a === '--customers' || a.startsWith('--customers=')) {
      const value = a === '--customers' ? args[++i] : a.slice('--customers='.length);
      if (value === undefined) return new Error(`--customers needs a number.\n${SEED_USAGE}`);
      if (customers !== undefined) return new Error(`--customers given twice.\n${SEED_USAGE}`);
      const n = parseCustomerCount(value, '--customers');
      if (n instanceof Error) return n;
      customers = n;
    } else return new Error(`Unknown argument ${JSON.stringify(a)}.\n${SEED_USAGE}`);
  }
  return { reset, customers: customers ?? DEMO_CUSTOMERS };
}

export interface SeedOutcome {
  /** 0: seeded; 1: the database holds data and --reset was not given. */
  readonly code: 0 | 1;
  readonly message: string;
}

/** Seeds `db` (described as `where` in messages) as of `now`. */
export async function seedCommand(
  db: Database,
  where: string,
  args: SeedArgs,
  now: Date,
  progress: (line: string) => void = () => {},
): Promise<SeedOutcome> {
  const t0 = performance.now();
  if (!(await isEmpty(db))) {
    if (!args.reset) {
      return {
        code: 1,
        message: `${where} already holds data; run npm run seed -- --reset to replace it with the demo data.`,
      };
    }
    await wipe(db);
  }
  // A large portfolio takes a while (35-40 s for 10,000 here): say so before the wait.
  if (args.customers > 1_000) progress(`Seeding ${args.customers} customers...`);
  const s = await seedDemo(db, now, { generated: generatedFor(args.customers) });
  // The server's first portfolio then starts from these instead of deriving everyone.
  await saveAllSummaries(db, now);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  return {
    code: 0,
    message: `Seeded ${where}: ${s.customers} customers, ${s.goals} goals, ${s.measurements} measurements, ${s.milestones} milestones, ${s.alerts} alerts, ${s.tokens} demo tokens in ${seconds} s; share Acme Corp with its customer at /share/${DEMO_SHARE_LINK.token} (90 days).`,
  };
}
