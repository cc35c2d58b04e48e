// `npm run seed`: the demo data (Acme Corp, Globex Corp, 200 generated customers, the demo
// tokens) into the server's database: CSCX_DATA_DIR (default .data/) or DATABASE_URL, as the
// server finds it. `--customers N` (2-100,000, Acme and Globex included) sizes the portfolio;
// the same N gives the same rows (dated relative to the day seeded). An existing database is
// left alone unless --reset, which empties it first. `npm start` seeds an empty database itself.
import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/lock.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { parseSeedArgs, seedCommand } from './command.js';

const args = parseSeedArgs(process.argv.slice(2));
if (args instanceof Error) {
  process.stderr.write(`${args.message}\n`);
  process.exit(2);
}
try {
  const opened = await openDatabase(loadConfig(process.env, []));
  try {
    await migrate(opened.db);
    const r = await seedCommand(opened.db, opened.where, args, new Date(), (line) =>
      process.stdout.write(`${line}\n`),
    );
    (r.code === 0 ? process.stdout : process.stderr).write(`${r.message}\n`);
    process.exitCode = r.code;
  } finally {
    await opened.close();
  }
} catch (e) {
  if (!(e instanceof DataDirLockedError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
