import { ReadCache } from './cache.js';
import { isoDay } from './clock.js';
import type { Database } from './db/database.js';
import { derivationFingerprint } from './derive/fingerprint.js';
import { type HealthNow, healthNow } from './derive/health.js';
import { periodWindow } from './derive/period.js';
import { type CustomerSummary, customerSummaries } from './derive/portfolio.js';
import {
  allCustomers,
  type CustomerRecord,
  customerRevisions,
  customersByIds,
} from './repo/customers.js';
import { type GoalRecord, loadGoals } from './repo/goals.js';
import {
  type HealthModelRecord,
  type HealthObservationRecord,
  latestHealthObservations,
  listHealthModels,
} from './repo/health.js';
import {
  loadSavedSummaries,
  type SavedSummary,
  type SummaryKey,
  saveSummaries,
} from './repo/saved-summaries.js';

/**
 * What the summaries store reads from the database. A seam so tests can count what is loaded
 * (a write to one customer must load that customer only), not a place for fakes.
 */
export interface SummarySource {
  /** Every customer, ordered by name then id (byte order). */
  allCustomers(): Promise<CustomerRecord[]>;
  /** These customers (missing ids are left out: deleted). */
  customers(ids: readonly string[]): Promise<CustomerRecord[]>;
  /** Goals with each metric's latest value up to `until`: of `ids`, or of everyone (null). */
  goals(ids: readonly string[] | null, until: number): Promise<GoalRecord[]>;
  /**
   * Every customer's revision token (changes whenever its row or, through `lockCustomer`, its
   * data changes). Read only when other processes may write (`db.exclusive` false).
   */
  revisions(): Promise<Map<string, string>>;
  /** Each customer's latest health observation: of `ids`, or of everyone (null). */
  latestHealth(ids: readonly string[] | null): Promise<HealthObservationRecord[]>;
  /** Every segment's health model (a handful of rows, read on every refresh). */
  healthModels(): Promise<HealthModelRecord[]>;
  /** The summaries saved under `key` (migration 010), by customer id. */
  saved(key: SummaryKey): Promise<Map<string, SavedSummary>>;
  /** Saves summaries under `key`, replacing each customer's earlier one. */
  save(key: SummaryKey, rows: readonly SavedSummary[]): Promise<void>;
}

/** The source reading `db` through the repo functions. */
export function databaseSummarySource(db: Database): SummarySource {
  return {
    allCustomers: () => allCustomers(db),
    customers: (ids) => customersByIds(db, ids),
    goals: (ids, until) =>
      loadGoals(db, { ...(ids === null ? {} : { customerIds: ids }), until, history: 'latest' }),
    revisions: () => customerRevisions(db),
    latestHealth: (ids) => latestHealthObservations(db, ids),
    healthModels: () => listHealthModels(db),
    saved: (key) => loadSavedSummaries(db, key),
    save: (key, rows) => saveSummaries(db, key, rows),
  };
}

/** Options of {@link SummaryStore}. */
export interface SummaryStoreOptions {
  /**
   * Save every customer's summary in the database after deriving them all, and start from the
   * saved ones after a restart (re-deriving only the customers changed since). main.ts turns it
   * on; off by default, so a test's reads write nothing.
   */
  readonly save?: boolean;
  /** Where the store reads; default the database's tables. */
  readonly source?: SummarySource;
}

/** What the store has done, for tests and the memory report (no customer data). */
export interface SummaryStats {
  /** Customers summarised now. */
  readonly customers: number;
  /** Recomputations of every customer (first use, a new day, a cleared cache). */
  readonly fullRefreshes: number;
  /** Refreshes that recomputed only changed customers. */
  readonly partialRefreshes: number;
  /** Customers recomputed by partial refreshes, in total. */
  readonly customersReloaded: number;
  /** Customers whose saved summary was used after a restart instead of deriving them. */
  readonly customersRestored: number;
  /** Customers' summaries saved to the database, in total. */
  readonly customersSaved: number;
  /** Saves queued or running now. */
  readonly savesPending: number;
}

/** Customers per goal query when every customer is recomputed. */
const FULL_CHUNK = 500;

/** One consistent view: every summary in portfolio order, and each segment's members. */
interface Snapshot {
  readonly all: Map<string, CustomerSummary>;
  readonly bySegment: ReadonlyMap<string, readonly CustomerSummary[]>;
}

/** Byte order of UTF-8, as the database sorts (`COLLATE "C"`). */
function compareBytes(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Each customer's health now, under its segment's model. */
function healthOf(
  customers: readonly CustomerRecord[],
  latest: readonly HealthObservationRecord[],
  models: ReadonlyMap<string, HealthModelRecord>,
): Map<string, HealthNow> {
  const segment = new Map(customers.map((c) => [c.id, c.segment]));
  const out = new Map<string, HealthNow>();
  for (const o of latest) {
    const s = segment.get(o.customer_id);
    const h = s === undefined ? null : healthNow(models.get(s), o);
    if (h) out.set(o.customer_id, h);
  }
  return out;
}

/** What changes every customer's health at once: any model's version. */
function modelsKey(models: readonly HealthModelRecord[]): string {
  return models.map((m) => `${m.segment}:${m.version}`).join(',');
}

function byNameThenId(a: CustomerSummary, b: CustomerSummary): number {
  return (
    compareBytes(a.customer.name, b.customer.name) || compareBytes(a.customer.id, b.customer.id)
  );
}

/**
 * Every customer's {@link CustomerSummary} as of today, kept between requests and brought up to
 * date incrementally: after a write only the customers whose revision changed are reloaded (their
 * goals with latest values, one query for all of them) and re-derived; the rest are reused. The
 * portfolio's and the benchmarks' totals are then computed over the refreshed set by their
 * callers (calc's `portfolioSummary` is not incremental; it is one pass over numbers in memory).
 *
 * How changes are found:
 * - PGlite (`db.exclusive`): this process is the only writer; every committed write calls
 *   `ReadCache.bump`, which marks the customer dirty here. Nothing is read to find changes.
 * - PostgreSQL: other processes write too, so each refresh reads every customer's revision token
 *   (`rev` and the row's `xmin`: one narrow index-less scan, O(N) rows of two short columns) and
 *   reloads those that differ, were added or disappeared. A change sequence (`WHERE seq > last`)
 *   would read less, but a sequence value is taken before its transaction commits, so a
 *   transaction committing after a later one would be skipped for good; comparing revisions
 *   cannot miss a commit.
 *
 * Summaries depend on today's date (expected progress, status), so the first refresh of a new
 * day recomputes every customer, as does the first use and `ReadCache.clear()`.
 *
 * With `save`, a full recomputation is saved to the database (in the background, 500 customers a
 * statement) and the first refresh after a restart starts from it: a saved summary is used when
 * its customer's revision, the day, the health models and the derivation code's fingerprint are
 * all unchanged, and every other customer is derived again. At 10,000 customers that replaces
 * deriving everyone with one read of the saved rows.
 *
 * @example
 * ```ts
 * const store = new SummaryStore(db, cache);
 * const all = await store.summaries(new Date()); // Map in portfolio order (name, then id)
 * const smb = await store.segment(new Date(), 'smb'); // that segment's summaries
 * ```
 */
export class SummaryStore {
  readonly #db: Database;
  readonly #source: SummarySource;
  #day: string | null = null;
  /** Summaries by customer id, with the revision token they were computed at (PostgreSQL). */
  readonly #entries = new Map<string, { rev: string; summary: CustomerSummary }>();
  #dirty = new Set<string>();
  #dirtyAll = true;
  #snapshot: Snapshot | null = null;
  /** The health models the entries were computed with, and their versions' key. */
  #models = new Map<string, HealthModelRecord>();
  #modelsKey: string | null = null;
  /** Refreshes run one at a time: a second caller waits and then sees the first's result. */
  #queue: Promise<unknown> = Promise.resolve();
  #stats = {
    fullRefreshes: 0,
    partialRefreshes: 0,
    customersReloaded: 0,
    customersRestored: 0,
    customersSaved: 0,
    savesPending: 0,
  };
  readonly #save: boolean;
  /** The saved summaries were looked at (once, on the first refresh). */
  #restoreTried = false;
  /** The save in flight, if any (never rejects). */
  #saving: Promise<void> = Promise.resolve();

  constructor(db: Database, cache: ReadCache, options: SummaryStoreOptions = {}) {
    this.#db = db;
    this.#source = options.source ?? databaseSummarySource(db);
    this.#save = options.save ?? false;
    cache.onChange((id) => {
      if (id === null) this.#dirtyAll = true;
      else this.#dirty.add(id);
    });
  }

  /** Every customer's summary, in portfolio order (name, then id, byte order). */
  summaries(now: Date): Promise<Map<string, CustomerSummary>> {
    return this.#refreshed(now).then((s) => s.all);
  }

  /** The summaries of one segment's customers (the benchmarks' peer set), portfolio order. */
  segment(now: Date, segment: string): Promise<readonly CustomerSummary[]> {
    return this.#refreshed(now).then((s) => s.bySegment.get(segment) ?? []);
  }

  stats(): SummaryStats {
    return { customers: this.#entries.size, ...this.#stats };
  }

  /** Resolves when no save is in flight (main.ts waits for it before closing the database). */
  idle(): Promise<void> {
    return this.#saving;
  }

  #refreshed(now: Date): Promise<Snapshot> {
    const next = this.#queue.then(() => this.#refresh(now));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #refresh(now: Date): Promise<Snapshot> {
    const day = isoDay(now);
    if (day !== this.#day) this.#dirtyAll = true;
    // A changed health model re-bands every customer of its segment: recompute everyone. On
    // PGlite this process made the change and cleared the cache (dirtyAll), so the models are
    // read only then; on PostgreSQL another process may have, so they are read every time.
    if (this.#dirtyAll || !this.#db.exclusive || this.#modelsKey === null) {
      const models = await this.#source.healthModels();
      const key = modelsKey(models);
      if (key !== this.#modelsKey) {
        this.#dirtyAll = true;
        this.#modelsKey = key;
        this.#models = new Map(models.map((m) => [m.segment, m]));
      }
    }
    if (this.#save && !this.#restoreTried && !this.#snapshot) {
      this.#restoreTried = true;
      const restored = await this.#restore(now, day);
      if (restored) return restored;
    }
    // PostgreSQL: revisions first, so a write landing while the data loads differs next time.
    const revs = this.#db.exclusive ? null : await this.#source.revisions();
    if (revs && !this.#dirtyAll) {
      for (const [id, rev] of revs) if (this.#entries.get(id)?.rev !== rev) this.#dirty.add(id);
      for (const id of this.#entries.keys()) if (!revs.has(id)) this.#dirty.add(id);
    }
    if (this.#dirtyAll || !this.#snapshot) return this.#full(now, day, revs);
    if (this.#dirty.size > 0) return this.#partial(now, revs);
    return this.#snapshot;
  }

  #key(day: string): SummaryKey {
    return { day, modelsKey: this.#modelsKey ?? '', fingerprint: derivationFingerprint() };
  }

  /**
   * The first refresh after a restart, from the saved summaries: each customer whose revision
   * still matches is taken as saved, the others are derived again (a partial refresh). Null when
   * nothing usable was saved (a new day, other models or code): the caller derives everyone.
   */
  async #restore(now: Date, day: string): Promise<Snapshot | null> {
    // Revisions before the saved rows: a write landing in between shows as a mismatch.
    const revs = await this.#source.revisions();
    const saved = await this.#source.saved(this.#key(day));
    if (saved.size === 0) return null;
    const shared = this.#db.exclusive ? null : revs;
    for (const [id, rev] of revs) {
      const s = saved.get(id);
      if (s && s.rev === rev) {
        const summary = JSON.parse(s.json) as CustomerSummary;
        this.#entries.set(id, { rev: shared ? rev : '', summary });
      } else {
        this.#dirty.add(id);
      }
    }
    // Many changed (an import, a reseed): one partial load of them all would bring their goals
    // into memory at once, and deriving everyone (in chunks) costs about the same.
    if (this.#dirty.size > Math.min(FULL_CHUNK, revs.size / 2)) {
      this.#entries.clear();
      this.#dirty = new Set();
      return null;
    }
    this.#stats.customersRestored += this.#entries.size;
    this.#day = day;
    this.#dirtyAll = false;
    const changed = [...this.#dirty];
    const snapshot =
      changed.length > 0
        ? await this.#partial(now, shared)
        : this.#publish([...this.#entries.values()].map((e) => e.summary).sort(byNameThenId));
    // The re-derived ones are saved too, so the next restart finds them.
    this.#saveLater(
      day,
      changed.flatMap((id) => {
        const e = this.#entries.get(id);
        const rev = revs.get(id);
        return e && rev !== undefined
          ? [{ customerId: id, rev, json: JSON.stringify(e.summary) }]
          : [];
      }),
    );
    return snapshot;
  }

  /** Saves in the background, after the refresh that derived them has answered its callers. */
  #saveLater(day: string, rows: readonly SavedSummary[]): void {
    if (!this.#save || rows.length === 0) return;
    const key = this.#key(day);
    this.#stats.savesPending++;
    // A failed save costs only a slower next restart: the summaries are derived again then.
    this.#saving = this.#saving.then(() =>
      this.#source.save(key, rows).then(
        () => {
          this.#stats.customersSaved += rows.length;
          this.#stats.savesPending--;
        },
        () => {
          this.#stats.savesPending--;
        },
      ),
    );
  }

  async #full(now: Date, day: string, revs: Map<string, string> | null): Promise<Snapshot> {
    // Cleared before loading: changes committed while it loads are kept for the next refresh.
    this.#dirtyAll = false;
    this.#dirty = new Set();
    try {
      // To save, each summary needs the revision it was derived at: read before the data, so a
      // write landing meanwhile shows as a mismatch after a restart. PostgreSQL has them already.
      const saveRevs = this.#save ? (revs ?? (await this.#source.revisions())) : null;
      const window = periodWindow('all', null, now);
      const customers = await this.#source.allCustomers();
      // In chunks of customers: only one chunk's goal records are in memory at a time (and in
      // PGlite's WebAssembly memory, which never shrinks), not every goal of the portfolio.
      const rows: CustomerSummary[] = [];
      for (let i = 0; i < customers.length; i += FULL_CHUNK) {
        const chunk = customers.slice(i, i + FULL_CHUNK);
        const ids = chunk.map((c) => c.id);
        const goals = await this.#source.goals(ids, window.endMs);
        const health = healthOf(chunk, await this.#source.latestHealth(ids), this.#models);
        for (const summary of customerSummaries(chunk, goals, window, health).values())
          rows.push(summary);
      }
      this.#entries.clear();
      for (const summary of rows)
        this.#entries.set(summary.customer.id, {
          rev: revs?.get(summary.customer.id) ?? '',
          summary,
        });
      this.#day = day;
      this.#stats.fullRefreshes++;
      if (saveRevs) {
        this.#saveLater(
          day,
          rows.flatMap((r) => {
            const rev = saveRevs.get(r.customer.id);
            return rev === undefined
              ? []
              : [{ customerId: r.customer.id, rev, json: JSON.stringify(r) }];
          }),
        );
      }
      // Already in portfolio order: allCustomers sorts as the database does.
      return this.#publish(rows);
    } catch (e) {
      this.#dirtyAll = true;
      throw e;
    }
  }

  async #partial(now: Date, revs: Map<string, string> | null): Promise<Snapshot> {
    const ids = [...this.#dirty];
    this.#dirty = new Set();
    let customers: CustomerRecord[];
    let goals: GoalRecord[];
    let latest: HealthObservationRecord[];
    const window = periodWindow('all', null, now);
    try {
      customers = await this.#source.customers(ids);
      goals = customers.length > 0 ? await this.#source.goals(ids, window.endMs) : [];
      latest = customers.length > 0 ? await this.#source.latestHealth(ids) : [];
    } catch (e) {
      for (const id of ids) this.#dirty.add(id);
      throw e;
    }
    const fresh = customerSummaries(
      customers,
      goals,
      window,
      healthOf(customers, latest, this.#models),
    );
    let reorder = false;
    for (const id of ids) {
      const before = this.#entries.get(id);
      const after = fresh.get(id);
      if (!after) {
        // Deleted (by another process, or between the write and now).
        if (before) this.#entries.delete(id);
        reorder = true;
        continue;
      }
      if (!before || before.summary.customer.name !== after.customer.name) reorder = true;
      this.#entries.set(id, { rev: revs?.get(id) ?? '', summary: after });
    }
    this.#stats.partialRefreshes++;
    this.#stats.customersReloaded += ids.length;
    const previous = this.#snapshot?.all;
    const rows =
      reorder || !previous
        ? [...this.#entries.values()].map((e) => e.summary).sort(byNameThenId)
        : [...previous.keys()].flatMap((id) => {
            const e = this.#entries.get(id);
            return e ? [e.summary] : [];
          });
    return this.#publish(rows);
  }

  /** A new snapshot (never mutated afterwards: callers may still be iterating the old one). */
  #publish(rows: readonly CustomerSummary[]): Snapshot {
    const all = new Map<string, CustomerSummary>();
    const bySegment = new Map<string, CustomerSummary[]>();
    for (const r of rows) {
      all.set(r.customer.id, r);
      const seg = bySegment.get(r.customer.segment);
      if (seg) seg.push(r);
      else bySegment.set(r.customer.segment, [r]);
    }
    this.#snapshot = { all, bySegment };
    return this.#snapshot;
  }
}

/**
 * Derives every customer's summary as of `now` and saves them (migration 010), so that the
 * next server start answers its first portfolio from the saved rows instead of deriving everyone:
 * seeding ends with it (at 10,000 customers a first portfolio derived from scratch takes many
 * seconds, past seed 004's 2 s for a dashboard). Returns how many were saved.
 *
 * @example
 * ```ts
 * await seedDemo(db, now, { generated });
 * await saveAllSummaries(db, now); // the first start after this restores them
 * ```
 */
export async function saveAllSummaries(db: Database, now: Date): Promise<number> {
  const store = new SummaryStore(db, new ReadCache(db), { save: true });
  await store.summaries(now);
  await store.idle();
  return store.stats().customersSaved;
}
