import { type Principal, sees } from '../auth.js';
import type { CustomerSuccessSummary, Segment } from '../contract.js';
import type { CustomerSummary } from '../derive/portfolio.js';
import { rollupOf } from '../derive/rollup.js';

/** The filters of the portfolio operations, combined with the token's scope. */
export interface PortfolioFilters {
  readonly csmId: string | undefined;
  readonly segment: Segment | undefined;
}

/** The segments a `segment` query may name (openapi.yaml `Segment`). */
export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;

/**
 * Byte order of UTF-8, as the database sorts (`COLLATE "C"`), without encoding either string.
 * UTF-16 code units order like code points except that surrogates (U+D800-DFFF, the halves of
 * code points above U+FFFF) sort below U+E000-FFFF; shifting the two ranges past each other
 * restores code-point order, which is UTF-8 byte order.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** The cache key of a token's scope: responses differ by it even with the same filters. */
export function scopeKey(p: Principal): string {
  return p.role === 'manager'
    ? 'all'
    : p.role === 'csm'
      ? `csm:${p.csmId}`
      : `customer:${p.customerId}`;
}

function byCustomer(a: CustomerSummary, b: CustomerSummary): number {
  return compareUtf8(a.customer.name, b.customer.name) || compareUtf8(a.customer.id, b.customer.id);
}

/**
 * The customers of the portfolio the token sees under `filters`, ordered by name and then id in
 * byte order: the key both portfolio cursors walk. The summaries usually arrive in that order
 * (the database sorts them), so they are only sorted when they are not: a summary map kept up
 * to date one customer at a time may hold a new customer at its end.
 */
export function portfolioRows(
  summaries: ReadonlyMap<string, CustomerSummary>,
  p: Principal,
  filters: PortfolioFilters,
): CustomerSummary[] {
  const rows: CustomerSummary[] = [];
  for (const s of summaries.values()) {
    if (
      sees(p, s.customer) &&
      (filters.segment === undefined || s.customer.segment === filters.segment) &&
      (filters.csmId === undefined || s.customer.csm_id === filters.csmId)
    )
      rows.push(s);
  }
  for (let i = 1; i < rows.length; i++) {
    if (byCustomer(rows[i - 1]!, rows[i]!) > 0) return rows.sort(byCustomer);
  }
  return rows;
}

/**
 * The index of the first item after `key` in `sorted` (ordered by `compare`), by binary search:
 * a keyset cursor, so an item inserted or removed before the key shifts nothing after it.
 */
export function indexAfter<T, K>(
  sorted: readonly T[],
  key: K,
  compare: (item: T, key: K) => number,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The children of each parent account that the token sees, in portfolio order (name, then id),
 * by parent id. Over the whole scope, not the page or the filters: a parent's rollup and
 * `children_count` are the same on every page and under every segment filter.
 */
export function familiesOf(
  summaries: ReadonlyMap<string, CustomerSummary>,
  p: Principal,
): Map<string, CustomerSummary[]> {
  const out = new Map<string, CustomerSummary[]>();
  for (const s of summaries.values()) {
    const parent = s.customer.parent_id;
    if (parent === null || !sees(p, s.customer)) continue;
    const list = out.get(parent);
    if (list) list.push(s);
    else out.set(parent, [s]);
  }
  for (const list of out.values()) list.sort(byCustomer);
  return out;
}

/**
 * A portfolio row with its family: a parent's `children_count` and `rollup` (computed from its
 * children's summaries now, so a write to a child shows in the parent's row as soon as the
 * child's summary is refreshed); any other row as the summary holds it.
 */
export function withFamily(
  r: CustomerSummary,
  families: ReadonlyMap<string, readonly CustomerSummary[]>,
): CustomerSuccessSummary {
  const children = families.get(r.customer.id);
  if (!children || r.customer.parent_id !== null) return r.wire;
  return { ...r.wire, children_count: children.length, rollup: rollupOf(r, children) };
}
