import type { Queryable } from '../db/database.js';

export interface CustomerRecord {
  readonly id: string;
  readonly name: string;
  readonly segment: 'enterprise' | 'mid_market' | 'smb';
  readonly industry: string | null;
  readonly csm_id: string | null;
  readonly currency: string;
  readonly contract_start: string | null;
  readonly investment: number | null;
  /**
   * The parent account (migration 014), or null for a top-level one. One level: a parent has no
   * parent and a child no children (customers-write.ts `checkParent`).
   */
  readonly parent_id: string | null;
  /** Bumped by updateCustomer; the ETag (goals and milestones have their own). */
  readonly version: number;
}

/** A customer to insert: new customers start at version 1. */
export type NewCustomer = Omit<CustomerRecord, 'version'>;

/** The editable fields of a customer (`updateCustomer`). */
export type CustomerFields = Omit<CustomerRecord, 'id' | 'version'>;

const COLUMNS =
  'id, name, segment, industry, csm_id, currency, contract_start::text AS contract_start, investment, parent_id, version::float8 AS version';

/** What a token may see, as a SQL condition on `customers` (see auth.ts). */
export interface ScopeFilter {
  readonly csmId?: string | undefined;
  /** This customer and its children (a viewer token of a parent sees its child accounts). */
  readonly customerId?: string | undefined;
  /** `customerId` alone, never its children (a share link shows exactly its one customer). */
  readonly exact?: boolean | undefined;
}

/** The children of a parent, by name then id (byte order, as the portfolio sorts). */
export async function childrenOf(q: Queryable, parentId: string): Promise<CustomerRecord[]> {
  return q.query<CustomerRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE parent_id = $1 ORDER BY name COLLATE "C", id COLLATE "C"`,
    [parentId],
  );
}

/** Whether any customer names `id` as its parent. */
export async function hasChildren(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM customers WHERE parent_id = $1 LIMIT 1', [id]);
  return rows.length > 0;
}

/**
 * Locks a prospective parent's row for the rest of the transaction and reads it as committed
 * now: a write giving a customer this parent and a write giving the parent a parent of its own
 * then take turns, so two of them cannot together build a second level.
 */
export async function lockParent(q: Queryable, id: string): Promise<CustomerRecord | null> {
  const rows = await q.query<CustomerRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function getCustomer(q: Queryable, id: string): Promise<CustomerRecord | null> {
  const rows = await q.query<CustomerRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function allCustomers(q: Queryable): Promise<CustomerRecord[]> {
  return q.query<CustomerRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers ORDER BY name COLLATE "C", id COLLATE "C"`,
  );
}

/** These customers, in no particular order; ids that do not exist are left out. */
export async function customersByIds(
  q: Queryable,
  ids: readonly string[],
): Promise<CustomerRecord[]> {
  if (ids.length === 0) return [];
  return q.query<CustomerRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers WHERE id = ANY($1::text[])`,
    [ids],
  );
}

export interface CustomerListQuery {
  readonly scope: ScopeFilter;
  readonly segment?: string | undefined;
  readonly csmId?: string | undefined;
  readonly search?: string | undefined;
  /** Keyset: the (name, id) of the last item of the previous page. */
  readonly after?: readonly [string, string] | undefined;
  readonly limit: number;
}

/** One page of customers ordered by name, then id (byte order, the same on every database). */
export async function listCustomers(
  q: Queryable,
  query: CustomerListQuery,
): Promise<CustomerRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.scope.csmId !== undefined) add((n) => `csm_id = ${n}`, query.scope.csmId);
  if (query.scope.customerId !== undefined)
    add(
      (n) => (query.scope.exact ? `id = ${n}` : `(id = ${n} OR parent_id = ${n})`),
      query.scope.customerId,
    );
  if (query.segment !== undefined) add((n) => `segment = ${n}`, query.segment);
  if (query.csmId !== undefined) add((n) => `csm_id = ${n}`, query.csmId);
  if (query.search !== undefined) add((n) => `strpos(lower(name), lower(${n})) > 0`, query.search);
  if (query.after) {
    params.push(query.after[0], query.after[1]);
    const a = `$${params.length - 1}`;
    const b = `$${params.length}`;
    where.push(`(name COLLATE "C" > ${a} OR (name = ${a} AND id COLLATE "C" > ${b}))`);
  }
  params.push(query.limit);
  return q.query<CustomerRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY name COLLATE "C", id COLLATE "C" LIMIT $${params.length}`,
    params,
  );
}

export async function insertCustomers(q: Queryable, rows: readonly NewCustomer[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO customers (id, name, segment, industry, csm_id, currency, contract_start, investment, parent_id)
     SELECT id, name, segment, industry, csm_id, currency, contract_start::date, investment, parent_id
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::text[])
       AS t(id, name, segment, industry, csm_id, currency, contract_start, investment, parent_id)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.name),
      rows.map((r) => r.segment),
      rows.map((r) => r.industry),
      rows.map((r) => r.csm_id),
      rows.map((r) => r.currency),
      rows.map((r) => r.contract_start),
      rows.map((r) => r.investment),
      rows.map((r) => r.parent_id),
    ],
  );
}

/**
 * Inserts one customer unless its id is taken; false when it is (the caller says which field).
 * ON CONFLICT rather than a check first: two creates of one id cannot both pass.
 */
export async function insertCustomerIfNew(
  q: Queryable,
  c: NewCustomer,
  now: number,
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO customers (id, name, segment, industry, csm_id, currency, contract_start, investment, parent_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $10, to_timestamp($9::float8 / 1000), to_timestamp($9::float8 / 1000))
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      c.id,
      c.name,
      c.segment,
      c.industry,
      c.csm_id,
      c.currency,
      c.contract_start,
      c.investment,
      now,
      c.parent_id,
    ],
  );
  return rows.length === 1;
}

/**
 * {@link insertCustomerIfNew} for many customers in one statement (an import's batch): the ids
 * that were inserted; an id already taken is left as it is and missing from the answer.
 */
export async function insertCustomersIfNew(
  q: Queryable,
  rows: readonly NewCustomer[],
  now: number,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await q.query<{ id: string }>(
    `INSERT INTO customers (id, name, segment, industry, csm_id, currency, contract_start, investment, parent_id, created_at, updated_at)
     SELECT id, name, segment, industry, csm_id, currency, contract_start::date, investment, parent_id,
            to_timestamp($9::float8 / 1000), to_timestamp($9::float8 / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $10::text[])
       AS t(id, name, segment, industry, csm_id, currency, contract_start, investment, parent_id)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.name),
      rows.map((r) => r.segment),
      rows.map((r) => r.industry),
      rows.map((r) => r.csm_id),
      rows.map((r) => r.currency),
      rows.map((r) => r.contract_start),
      rows.map((r) => r.investment),
      now,
      rows.map((r) => r.parent_id),
    ],
  );
  return new Set(inserted.map((r) => r.id));
}

/** Replaces the editable fields and bumps the version; the caller holds the row lock. */
export async function updateCustomer(
  q: Queryable,
  id: string,
  f: CustomerFields,
  now: number,
): Promise<CustomerRecord | null> {
  const rows = await q.query<CustomerRecord & Record<string, unknown>>(
    `UPDATE customers SET name = $2, segment = $3, industry = $4, csm_id = $5, currency = $6,
       contract_start = $7::date, investment = $8, parent_id = $10, version = version + 1,
       updated_at = to_timestamp($9::float8 / 1000)
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      f.name,
      f.segment,
      f.industry,
      f.csm_id,
      f.currency,
      f.contract_start,
      f.investment,
      now,
      f.parent_id,
    ],
  );
  return rows[0] ?? null;
}

/**
 * Locks the customer's row for the rest of the transaction and bumps its revision. Every write
 * starts here: writes to one customer are serialised (no deadlocks, no lost updates) and read
 * caches see the new revision. Returns the customer's parent (whose rollup the write changes too:
 * the caller bumps it in the read cache), or null when the customer does not exist.
 */
export async function lockCustomer(
  q: Queryable,
  id: string,
): Promise<{ readonly parent_id: string | null } | null> {
  const rows = await q.query<{ parent_id: string | null }>(
    'UPDATE customers SET rev = rev + 1 WHERE id = $1 RETURNING parent_id',
    [id],
  );
  return rows[0] ?? null;
}

/**
 * {@link lockCustomer} for several customers at once, in one deterministic order (ids in byte
 * order, whatever order they are given in): two transactions that lock overlapping sets, such as
 * two imports listing a parent and its child in opposite orders, then queue on the first row
 * they share instead of each holding a row the other waits for (a deadlock PostgreSQL breaks by
 * aborting one). Returns each locked customer's parent; ids that do not exist are left out.
 */
export async function lockCustomersInOrder(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  // Row locks are taken as the sorted rows come out; NO KEY UPDATE is what lockCustomer's
  // UPDATE takes, so inserts of children referencing these rows are not held up.
  await q.query(
    `SELECT id FROM customers WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE`,
    [unique],
  );
  const rows = await q.query<{ id: string; parent_id: string | null }>(
    'UPDATE customers SET rev = rev + 1 WHERE id = ANY($1::text[]) RETURNING id, parent_id',
    [unique],
  );
  for (const r of rows) out.set(r.id, r.parent_id);
  return out;
}

/**
 * Bumps the revision of every customer of `segment` (a change to the segment's health model
 * re-bands them all): caches in other processes see them changed, as after a write to each.
 */
export async function touchSegment(q: Queryable, segment: string): Promise<void> {
  await q.query('UPDATE customers SET rev = rev + 1 WHERE segment = $1', [segment]);
}

/**
 * The revision of one customer, or of all of them (for caches when other processes write). A
 * parent's includes each child's, since its rollup reads them: a write to a child, a child added
 * or one taken away changes it. The children follow a `;` (`ReadCache.childless` reads that).
 */
export async function customerRevision(q: Queryable, id: string): Promise<string> {
  const rows = await q.query<{ rev: string }>(
    `SELECT c.rev::text || coalesce((SELECT ';' || string_agg(k.id || '.' || k.rev::text, ',' ORDER BY k.id COLLATE "C")
       FROM customers k WHERE k.parent_id = c.id), '') AS rev
     FROM customers c WHERE c.id = $1`,
    [id],
  );
  return rows[0]?.rev ?? 'none';
}

export async function totalRevision(q: Queryable): Promise<string> {
  const rows = await q.query<{ rev: string; n: string }>(
    'SELECT coalesce(sum(rev), 0)::text AS rev, count(*)::text AS n FROM customers',
  );
  return `${rows[0]?.rev ?? 0}/${rows[0]?.n ?? 0}`;
}

/**
 * Every customer's revision token: its `rev` (bumped by every write, see {@link lockCustomer})
 * and the row version `xmin` (new on any change to the row, and for a row deleted and created
 * again under the same id). For the summaries store when other processes write.
 */
export async function customerRevisions(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; r: string }>(
    "SELECT id, rev::text || '.' || xmin::text AS r FROM customers",
  );
  return new Map(rows.map((row) => [row.id, row.r]));
}
