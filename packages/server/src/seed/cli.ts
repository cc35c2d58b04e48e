// `npm run seed`: the demo data (Acme Corp, Globex Corp, ~200 generated customers, the demo
// tokens) into the server's database. An existing database is left alone unless --reset, which
// empties it first. `npm start` seeds an empty database by itself.
import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/lock.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { isEmpty, seedDemo, wipe } from './seed.js';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
if (args.some((a) => a !== '--reset')) {
  process.stderr.write('Usage: npm run seed [-- --reset]\n');
  process.exit(2);
}
try {
  const opened = await openDatabase(loadConfig(process.env, []));
  try {
    await migrate(opened.db);
    if (!(await isEmpty(opened.db))) {
      if (!reset) {
        process.stderr.write(
          `${opened.where} already holds data; run npm run seed -- --reset to replace it with the demo data.\n`,
        );
        process.exitCode = 1;
      } else await wipe(opened.db);
    }
    if (process.exitCode !== 1) {
      const s = await seedDemo(opened.db, new Date());
      process.stdout.write(
        `Seeded ${opened.where}: ${s.customers} customers, ${s.goals} goals, ${s.measurements} measurements, ${s.milestones} milestones, ${s.alerts} alerts, ${s.tokens} demo tokens.\n`,
      );
    }
  } finally {
    await opened.close();
  }
} catch (e) {
  if (!(e instanceof DataDirLockedError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
