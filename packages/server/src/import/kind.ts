import type * as v from 'valibot';
import type { Principal } from '../auth.js';
import type { Queryable } from '../db/database.js';
import type { AppContext } from '../http/context.js';
import { type FieldError, ProblemError } from '../problem.js';
import { lockCustomer, lockCustomersInOrder } from '../repo/customers.js';
import { parseBody, pathId } from '../validate.js';

/** A row that passed validation, as spooled: its number in the file and what to apply. */
export interface Checked {
  readonly row: number;
}

/** What checking rows needs: the caller, "now", and what the import has seen so far. */
export interface CheckEnv {
  readonly ctx: AppContext;
  readonly principal: Principal;
  readonly now: number;
}

/** What applying rows needs: the transaction, and the customers it has locked and changed. */
export interface ApplyEnv {
  readonly tx: Queryable;
  readonly now: number;
  readonly principal: Principal;
  /** Customers written (their read caches are bumped after the commit). */
  readonly touched: Set<string>;
  created: number;
  updated: number;
}

/** One kind of row: the rules of its one-at-a-time operation, for a file of them. */
export interface RowKind<C extends Checked> {
  /** The field naming the row's customer or goal (the one-at-a-time path parameter). */
  readonly idField: 'customer_id' | 'goal_id' | null;
  /** The operation's body schema (a CSV header is read against it). */
  readonly schema: v.GenericSchema<unknown, unknown>;
  /** A row's errors, or what to apply. Database reads only: nothing is written. */
  check(row: number, value: Record<string, unknown>, env: CheckEnv): Promise<FieldError[] | C>;
  /**
   * The existing customer whose row a checked row's write locks, or null (a new customer): the
   * import locks them all, in one order, before it applies anything ({@link lockAllOnce}).
   */
  locks(row: C): string | null;
  /** Applies a batch of checked rows in the import's transaction. */
  apply(rows: readonly C[], env: ApplyEnv): Promise<void>;
}

/** The errors a validation step throws (a 4xx problem), or rethrows anything else. */
export function problemErrors(e: unknown): FieldError[] {
  if (e instanceof ProblemError && e.status < 500) {
    return e.errors.length > 0
      ? [...e.errors]
      : [{ field: '', message: e.detail, code: 'invalid' }];
  }
  throw e;
}

/** `fn`'s value, or the field errors it threw. */
export async function attempt<T>(fn: () => T | Promise<T>): Promise<T | FieldError[]> {
  try {
    return await fn();
  } catch (e) {
    return problemErrors(e);
  }
}

/** A body through its operation's schema: the typed body, or its field errors. */
export function parsed<S extends v.GenericSchema<unknown, unknown>>(
  schema: S,
  value: unknown,
): v.InferOutput<S> | FieldError[] {
  try {
    return parseBody(schema, value);
  } catch (e) {
    return problemErrors(e);
  }
}

/**
 * The row's id field (`customer_id`, `goal_id`) checked as its path parameter would be, and the
 * rest of the row, which is the operation's body.
 */
export function splitId(
  value: Record<string, unknown>,
  field: 'customer_id' | 'goal_id',
): { id: string; body: Record<string, unknown> } | FieldError[] {
  const { [field]: id, ...body } = value;
  if (id === undefined) return [{ field: `/${field}`, message: 'Required.', code: 'required' }];
  if (typeof id !== 'string')
    return [{ field: `/${field}`, message: 'Must be a string.', code: 'type' }];
  try {
    return { id: pathId(field, id), body };
  } catch (e) {
    return problemErrors(e).map((x) => ({ ...x, field: `/${field}` }));
  }
}

/** The customers each import has locked (`touched` also holds parents it did not lock). */
const lockedBy = new WeakMap<ApplyEnv, Set<string>>();

/**
 * Locks every customer the import writes before its first row is applied, in byte order of
 * their ids (lockCustomersInOrder), so imports and writes that share customers take turns
 * instead of deadlocking, whatever order their files list them in. Later {@link lockOnce}
 * calls for them are no-ops.
 */
export async function lockAllOnce(env: ApplyEnv, customerIds: readonly string[]): Promise<void> {
  const lockedIds = lockedBy.get(env) ?? new Set<string>();
  lockedBy.set(env, lockedIds);
  const parents = await lockCustomersInOrder(
    env.tx,
    customerIds.filter((id) => !lockedIds.has(id)),
  );
  for (const [id, parent] of parents) {
    lockedIds.add(id);
    env.touched.add(id);
    if (parent !== null) env.touched.add(parent);
  }
}

/** Locks a customer's row once per import, as every one-at-a-time write does. */
export async function lockOnce(env: ApplyEnv, customerId: string): Promise<void> {
  const lockedIds = lockedBy.get(env) ?? new Set<string>();
  lockedBy.set(env, lockedIds);
  if (lockedIds.has(customerId)) return;
  const locked = await lockCustomer(env.tx, customerId);
  if (!locked) {
    throw new ProblemError(422, `Customer ${customerId} was removed during the import.`);
  }
  lockedIds.add(customerId);
  env.touched.add(customerId);
  // Touched so the read cache drops the parent's rollup too (not locked: nothing of it is written).
  if (locked.parent_id !== null) env.touched.add(locked.parent_id);
}

/** A cache of lookups made while checking (a customer or goal is read once per import). */
export class Memo<T> {
  readonly #map = new Map<string, Promise<T>>();
  constructor(readonly load: (id: string) => Promise<T>) {}
  get(id: string): Promise<T> {
    let p = this.#map.get(id);
    if (!p) {
      p = this.load(id);
      this.#map.set(id, p);
    }
    return p;
  }
}

/** A row that failed while being applied (the database changed since it was checked). */
export class RowFailed extends Error {
  constructor(
    readonly row: number,
    readonly errors: readonly FieldError[],
  ) {
    super(`row ${row} failed`);
  }
}

/** Runs one row's write; a 4xx it throws becomes that row's {@link RowFailed}. */
export async function atRow<T>(row: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new RowFailed(row, problemErrors(e));
  }
}
