import { defineMessages, HEALTH_BAND_MESSAGES, SEGMENT_MESSAGES } from '@cscx/success-calc/i18n';
import type { components } from '@cscx/success-sdk';
import { localized } from '../localize.js';

type Schemas = components['schemas'];
export type CustomerSuccessSummary = Schemas['CustomerSuccessSummary'];
export type PortfolioSuccessMetrics = Schemas['PortfolioSuccessMetrics'];
export type PortfolioSuccess = Schemas['PortfolioSuccess'];
export type AtRiskGoal = Schemas['AtRiskGoal'];
export type Segment = Schemas['Segment'];
export type HealthBand = Schemas['HealthBand'];

/** The sortable columns, in table order. */
export const COLUMNS = [
  'name',
  'segment',
  'goals',
  'score',
  'health',
  'healthBand',
  'roi',
  'value',
  'atRisk',
  'updated',
] as const;
export type Column = (typeof COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

/** The column headings, domain `elements.portfolio-columns`. */
export const COLUMN_MESSAGES = defineMessages('elements.portfolio-columns', {
  name: 'Customer',
  segment: 'Segment',
  goals: 'Goals achieved',
  score: 'Success score',
  health: 'Health',
  healthBand: 'Health band',
  roi: 'ROI',
  value: 'Value',
  atRisk: 'At risk',
  updated: 'Last update',
} satisfies Record<Column, string>);
/** The column headings in the locale of the element being rendered. */
export const COLUMN_LABELS: Readonly<Record<Column, string>> = localized(COLUMN_MESSAGES);

/** calc's segment words, so the portfolio and the reports name a segment alike. */
export const SEGMENT_LABELS: Readonly<Record<Segment, string>> = localized(SEGMENT_MESSAGES);

/** A health band filter: one of seed 002's bands, or the customers without a health score. */
export type HealthFilter = HealthBand | 'no_data';

/** The health bands best first, then no data: the distribution's and the filter's order. */
export const HEALTH_FILTERS: readonly HealthFilter[] = [
  'excellent',
  'good',
  'at_risk',
  'critical',
  'no_data',
];

/**
 * The portfolio's own words (the grid's among them), domain `elements.portfolio`: the grid
 * arrives lazily, but its few words are cheaper here than a second table.
 */
export const PORTFOLIO_MESSAGES = defineMessages('elements.portfolio', {
  heading: 'Portfolio',
  noData: 'No data',
  healthDistribution: 'Health distribution',
  customers: 'Customers',
  atRiskHeading: 'Goals at risk',
  atRiskLoading: 'Loading goals at risk…',
  atRiskNone: 'No goals at risk.',
  pace: '{achieved} achieved, {expected} expected by now',
  due: 'Due {date}',
  shown: 'Showing {shown} of {total} goals at risk.',
  shownOfSummary: 'Showing {shown} of {total} goals at risk: the furthest behind their pace.',
  more: 'Show more goals at risk',
  ascending: 'ascending',
  descending: 'descending',
  announce: 'Sorted by {column}, {direction}. {shown} of {total} customers shown.',
  empty: 'No customers in this portfolio.',
  loadingMore: 'Loading more customers… {count} so far.',
  meetsTarget: 'Meets target {target}',
  belowTarget: 'Below target {target}',
  above: '> {value}',
  goals: 'Goals',
  achievementRate: 'Achievement rate',
  averageRoi: 'Average ROI',
  totalValue: 'Total value',
  filter: 'Filter customers',
  search: 'Search',
  status: 'Status',
  all: 'All',
  hasAtRisk: 'Has goals at risk',
  noAtRisk: 'No goals at risk',
  strong: 'Strong score',
  segment: 'Segment',
  allSegments: 'All segments',
  health: 'Health',
  allHealth: 'All health bands',
  top: 'Top performers',
  atRisk: 'At risk',
  exportCsv: 'Export CSV',
  noMatch: 'No customers match these filters.',
  clearFilters: 'Clear filters',
  loadingCustomers: 'Loading customers…',
  listFailed: 'The customer list could not be loaded.',
  showChildren: 'Show the {count} child accounts of {name}',
  hideChildren: 'Hide the child accounts of {name}',
  childOf: 'Child account of {name}',
});
/** {@link PORTFOLIO_MESSAGES} in the locale of the element being rendered. */
export const PORTFOLIO_TEXT = localized(PORTFOLIO_MESSAGES);

const BANDS = localized(HEALTH_BAND_MESSAGES);

/** The health bands in words (seed 002, calc's vocabulary), never colour alone. */
export const HEALTH_LABELS: Readonly<Record<HealthFilter, string>> = {
  get excellent() {
    return BANDS.excellent;
  },
  get good() {
    return BANDS.good;
  },
  get at_risk() {
    return BANDS.at_risk;
  },
  get critical() {
    return BANDS.critical;
  },
  get no_data() {
    return PORTFOLIO_TEXT.noData;
  },
};

/** Which customers to show: `atRisk` has goals at risk, `healthy` has none, `top` is strong. */
export type StatusFilter = 'all' | 'atRisk' | 'healthy' | 'top';

export interface PortfolioFilter {
  readonly status: StatusFilter;
  readonly segment: Segment | '';
  /** Only customers in this health band (`no_data`: without a health score); '' for all. */
  readonly health: HealthFilter | '';
  readonly query: string;
}

export const NO_FILTER: PortfolioFilter = { status: 'all', segment: '', health: '', query: '' };

export function isFiltered(f: PortfolioFilter): boolean {
  return f.status !== 'all' || f.segment !== '' || f.health !== '' || f.query.trim() !== '';
}

/** Whether `c` passes `f`. The text search matches name, id and segment, case-insensitively. */
export function matches(c: CustomerSuccessSummary, f: PortfolioFilter): boolean {
  if (f.segment && c.segment !== f.segment) return false;
  if (f.status === 'atRisk' && c.goals_at_risk === 0) return false;
  if (f.status === 'healthy' && c.goals_at_risk > 0) return false;
  if (f.status === 'top' && c.success_band !== 'strong') return false;
  if (f.health && (c.health_band ?? 'no_data') !== f.health) return false;
  const q = f.query.trim().toLowerCase();
  if (q) {
    const hay = `${c.name}\u0000${c.customer_id}\u0000${SEGMENT_LABELS[c.segment]}`.toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Health bands best first: sorting ascending puts critical first, no data last either way. */
const HEALTH_RANK: Record<HealthBand, number> = { critical: 0, at_risk: 1, good: 2, excellent: 3 };

/** Segments in the order of their labels (Enterprise, Mid-market, SMB). */
const SEGMENT_ORDER: Record<Segment, number> = { enterprise: 0, mid_market: 1, smb: 2 };

/** The value a column sorts by; null sorts last in either direction. Names sort by their group. */
function key(c: CustomerSuccessSummary, col: Column, group: number): number | null {
  switch (col) {
    case 'name':
      return group;
    case 'segment':
      return SEGMENT_ORDER[c.segment];
    case 'goals':
      return c.achievement_rate;
    case 'score':
      return c.success_score;
    case 'health':
      return c.health_score;
    case 'healthBand':
      return c.health_band === null ? null : HEALTH_RANK[c.health_band];
    case 'roi':
      return c.roi_multiplier;
    case 'value':
      return c.total_value;
    case 'atRisk':
      return c.goals_at_risk;
    case 'updated':
      return c.last_updated === null ? null : Date.parse(c.last_updated);
  }
}

/**
 * Every customer's place in name order: `group` counts distinct names (equal under the
 * collator), `pos` is the place by name then id. Collating strings is most of a sort's cost
 * (about 1 µs a comparison), so it is done once per data set and every later sort, by any
 * column, compares numbers.
 */
export type NameOrder = ReadonlyMap<
  CustomerSuccessSummary,
  { readonly group: number; readonly pos: number }
>;

export function nameOrder(rows: readonly CustomerSuccessSummary[]): NameOrder {
  const byId = (a: CustomerSuccessSummary, b: CustomerSuccessSummary) =>
    a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
  // Plain names (the usual case) get a key whose code-unit order is the collator's, so the sort
  // compares strings natively; any other name sends the whole set through the collator.
  const keys = rows.every((c) => SIMPLE_NAME.test(c.name))
    ? new Map(rows.map((c) => [c, simpleCollationKey(c.name)]))
    : undefined;
  const compareNames = keys
    ? (a: CustomerSuccessSummary, b: CustomerSuccessSummary) => {
        const ka = keys.get(a)!;
        const kb = keys.get(b)!;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      }
    : (a: CustomerSuccessSummary, b: CustomerSuccessSummary) => collator.compare(a.name, b.name);
  const sorted = [...rows].sort((a, b) => compareNames(a, b) || byId(a, b));
  const order = new Map<CustomerSuccessSummary, { group: number; pos: number }>();
  let group = 0;
  for (let pos = 0; pos < sorted.length; pos++) {
    const c = sorted[pos]!;
    if (pos > 0 && compareNames(sorted[pos - 1]!, c) !== 0) group++;
    order.set(c, { group, pos });
  }
  return order;
}

/** Names of ASCII letters, digits and spaces, digit runs of at most 40: `simpleCollationKey` applies. */
export const SIMPLE_NAME = /^(?:[A-Za-z ]|[0-9]{1,40}(?![0-9]))*$/;

/**
 * For a `SIMPLE_NAME`, a string whose code-unit order is the order of the kit's collator
 * (`sensitivity: 'base'`, `numeric: true`): a space before digits before letters, case
 * ignored, and a run of digits by its value (its length without leading zeros first, then the
 * digits), as ICU collates them. Checked against `Intl.Collator` by a property test.
 *
 * @example
 * simpleCollationKey('Acme 9') < simpleCollationKey('acme 10'); // true, like the collator
 */
export function simpleCollationKey(name: string): string {
  let out = '';
  let i = 0;
  while (i < name.length) {
    const ch = name.charCodeAt(i);
    if (ch === 32) {
      out += '\u0001';
      i++;
    } else if (ch >= 48 && ch <= 57) {
      let j = i;
      while (j < name.length && name.charCodeAt(j) >= 48 && name.charCodeAt(j) <= 57) j++;
      const digits = name.slice(i, j).replace(/^0+(?=.)/, '');
      // Length marks sort between the space mark and letters ('a' is 0x61).
      out += String.fromCharCode(0x10 + digits.length) + digits;
      i = j;
    } else {
      out += name[i]!.toLowerCase();
      i++;
    }
  }
  return out;
}

/**
 * The customers sorted by `col`. Stable, with ties broken by name then id so the order never
 * depends on page arrival; missing values last whatever the direction (people look for numbers).
 * `order` is `nameOrder` of these rows or of a superset of them (the element keeps it for its
 * whole data set, so a filtered subset sorts without collating again).
 */
export function sortCustomers(
  rows: readonly CustomerSuccessSummary[],
  col: Column,
  dir: SortDirection,
  order: NameOrder = nameOrder(rows),
): CustomerSuccessSummary[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const own = rows.some((c) => !order.has(c)) ? nameOrder(rows) : order;
  // Keys computed once: Date.parse and look-ups inside the comparator would run n log n times.
  const keyed = rows.map((c) => {
    const o = own.get(c)!;
    return { c, k: key(c, col, o.group), p: o.pos };
  });
  keyed.sort((a, b) => {
    const ka = a.k;
    const kb = b.k;
    if (ka !== kb) {
      if (ka === null || Number.isNaN(ka)) return 1;
      if (kb === null || Number.isNaN(kb)) return -1;
      return (ka - kb) * sign;
    }
    return a.p - b.p;
  });
  return keyed.map((x) => x.c);
}

/** The grid's rows with the account hierarchy: see {@link nestChildren}. */
export interface NestedRows {
  /** Screen order: each expanded parent followed by its children. */
  readonly rows: readonly CustomerSuccessSummary[];
  /** Each parent's children among the rows given, in their sorted order. */
  readonly children: ReadonlyMap<string, readonly CustomerSuccessSummary[]>;
  /** Each shown child's parent row. */
  readonly parentOf: ReadonlyMap<string, CustomerSuccessSummary>;
}

/**
 * `sorted` in the grid's order with the account hierarchy (issue 16): a child whose parent is
 * among the rows sits under it (in the sort order, right after the parent when it is
 * expanded, hidden when it is not); a child whose parent is not among them (filtered out, or
 * outside the scope) stays a row of its own. One pass each way, no sorting: the order of
 * parents and of each parent's children is `sorted`'s.
 *
 * @example
 * nestChildren(rows, new Set(['cus_parent'])).rows; // ..., parent, its children, next parent, ...
 */
export function nestChildren(
  sorted: readonly CustomerSuccessSummary[],
  expanded: ReadonlySet<string>,
): NestedRows {
  const present = new Map<string, CustomerSuccessSummary>();
  for (const c of sorted) present.set(c.customer_id, c);
  const children = new Map<string, CustomerSuccessSummary[]>();
  const parentOf = new Map<string, CustomerSuccessSummary>();
  for (const c of sorted) {
    const parent = c.parent_id == null ? undefined : present.get(c.parent_id);
    if (!parent || parent.parent_id != null) continue;
    const list = children.get(parent.customer_id);
    if (list) list.push(c);
    else children.set(parent.customer_id, [c]);
    parentOf.set(c.customer_id, parent);
  }
  if (children.size === 0) return { rows: sorted, children, parentOf };
  const rows: CustomerSuccessSummary[] = [];
  for (const c of sorted) {
    if (parentOf.has(c.customer_id)) continue;
    rows.push(c);
    const kids = children.get(c.customer_id);
    if (kids && expanded.has(c.customer_id)) rows.push(...kids);
  }
  return { rows, children, parentOf };
}

// Shared goal stubs: a summary row carries counts, not goals, and calc counts statuses.

/**
 * A cell that a spreadsheet may run as a formula (OWASP CSV injection): one starting with = + - @
 * or their full-width forms (＝ ＋ － ＠, which some spreadsheets read as the ASCII ones), or with
 * whitespace or a line break, which spreadsheets skip before looking for a formula (and which
 * hides what follows it in the cell).
 */
const FORMULA = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\s]/u;

/** One CSV field: strings quoted with quotes doubled, formula starts defused with a quote. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The CSV export's column names, in the element's language (domain `elements.portfolio-csv`). */
export const CSV_MESSAGES = defineMessages('elements.portfolio-csv', {
  customer_id: 'Customer ID',
  name: 'Customer',
  segment: 'Segment',
  goals_achieved: 'Goals achieved',
  goals_total: 'Goals total',
  success_score: 'Success score',
  success_band: 'Band',
  health_score: 'Health score',
  health_band: 'Health band',
  roi_multiplier: 'ROI',
  total_value: 'Value',
  currency: 'Currency',
  goals_at_risk: 'Goals at risk',
  last_updated: 'Last update',
});
const CSV_TEXT = localized(CSV_MESSAGES);
/** The CSV's columns in order: each a field of the summary (the segment in words). */
const CSV_COLUMNS = Object.keys(CSV_MESSAGES.en) as (keyof typeof CSV_MESSAGES.en)[];

/**
 * The rows as CSV (RFC 4180, CRLF), raw numbers so a spreadsheet can compute with them; the
 * header and the segment words in the rendering locale (run it in the element's `localize`).
 */
export function toCsv(rows: readonly CustomerSuccessSummary[]): string {
  const lines = [CSV_COLUMNS.map((k) => csvField(CSV_TEXT[k])).join(',')];
  for (const c of rows) {
    lines.push(
      CSV_COLUMNS.map((k) => csvField(k === 'segment' ? SEGMENT_LABELS[c.segment] : c[k])).join(
        ',',
      ),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
