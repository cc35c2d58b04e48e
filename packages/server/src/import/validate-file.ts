import type { Hash } from 'node:crypto';
import type { FieldError } from '../problem.js';
import { ProblemError } from '../problem.js';
import { pointer } from '../validate.js';
import { meteredChunks, utf8Text } from './body-stream.js';
import { type Column, columnOf, rowObject } from './csv-cells.js';
import type { CheckEnv, Checked, RowKind } from './kind.js';
import { csvRows, type FileRow, ndjsonRows } from './parse-rows.js';
import type { Spool } from './spool.js';

export type ImportFormat = 'csv' | 'ndjson';

/** The largest import: bytes of the body and rows of the file (413 beyond either). */
export interface ImportLimits {
  readonly bytes: number;
  readonly rows: number;
}

/** What pass 1 found: the rows read, and the first errors with the totals. */
export interface FileCheck {
  readonly rows: number;
  readonly badRows: number;
  readonly errorCount: number;
  /** The first {@link MAX_LISTED} errors, each with its `row`. */
  readonly errors: readonly FieldError[];
  /** The existing customers the spooled rows write (RowKind.locks), to lock before applying. */
  readonly locks: ReadonlySet<string>;
}

const noHeader: FieldError = { field: '', message: 'No header row.', code: 'invalid_csv' };

/** How many errors a 422 lists (openapi.yaml `Problem.errors` maxItems). */
export const MAX_LISTED = 100;

/** The header's columns under the kind's schema, or the header's errors (row 1). */
function headerColumns(
  cells: readonly string[],
  kind: RowKind<Checked>,
): { ok: true; columns: Column[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const raw of cells) {
    const name = raw.trim();
    const field = pointer(name.split('.'));
    if (seen.has(name)) {
      errors.push({ field, message: `Column ${name} is given twice.`, code: 'duplicate_column' });
      continue;
    }
    seen.add(name);
    const col =
      kind.idField !== null && name === kind.idField
        ? ({ path: [name], type: 'string' } as const)
        : columnOf(kind.schema, name);
    if (col) columns.push(col);
    else
      errors.push({
        field,
        message: `Unknown column ${name.length > 100 ? `${name.slice(0, 100)}…` : name}: not a field of this kind of row (nested fields are written with dots, such as sources.usage).`,
        code: 'unknown_property',
      });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

/** A row of the file as its object, or what makes it unreadable. */
function rowValue(
  item: FileRow,
  columns: readonly Column[],
): { ok: true; value: Record<string, unknown> } | { ok: false; error: FieldError } {
  if ('error' in item) return { ok: false, error: item.error };
  if ('cells' in item) {
    if (item.cells.length !== columns.length) {
      const error = {
        field: '',
        message: `Has ${item.cells.length} cells where the header has ${columns.length} columns.`,
        code: 'column_count',
      };
      return { ok: false, error };
    }
    return { ok: true, value: rowObject(columns, item.cells) };
  }
  const v = item.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return { ok: false, error: { field: '', message: 'Must be a JSON object.', code: 'type' } };
  }
  return { ok: true, value: v as Record<string, unknown> };
}

/**
 * Pass 1: the body read as it streams, each row parsed and checked by its kind's rules, and the
 * rows that pass written to `spool` (none once any row failed: nothing will be applied). Only
 * one row is in memory at a time; past `limits` the upload stops with a 413.
 */
export async function validateFile(
  body: ReadableStream<Uint8Array>,
  format: ImportFormat,
  kind: RowKind<Checked>,
  spool: Spool<Checked>,
  limits: ImportLimits,
  hash: Hash,
  env: CheckEnv,
): Promise<FileCheck> {
  const text = utf8Text(meteredChunks(body, limits.bytes, hash, { bytes: 0 }));
  const source = format === 'csv' ? csvRows(text) : ndjsonRows(text);
  let columns: Column[] | null = format === 'csv' ? null : [];
  let rows = 0;
  let badRows = 0;
  let errorCount = 0;
  const errors: FieldError[] = [];
  const locks = new Set<string>();
  const fail = (row: number, found: readonly FieldError[]) => {
    badRows++;
    errorCount += found.length;
    for (const e of found) if (errors.length < MAX_LISTED) errors.push({ ...e, row });
  };
  for await (const item of source) {
    if (columns === null) {
      // The CSV header (row 1).
      const header =
        'cells' in item
          ? headerColumns(item.cells, kind)
          : { ok: false as const, errors: ['error' in item ? item.error : noHeader] };
      if (!header.ok) {
        fail(item.row, header.errors);
        break;
      }
      columns = header.columns;
      continue;
    }
    rows++;
    if (rows > limits.rows) {
      throw new ProblemError(413, `An import is limited to ${limits.rows} rows; split the file.`);
    }
    const read = rowValue(item, columns);
    if (!read.ok) {
      fail(item.row, [read.error]);
      if ('fatal' in item && item.fatal) break;
      continue;
    }
    const checked = await kind.check(item.row, read.value, env);
    if (Array.isArray(checked)) fail(item.row, checked);
    else if (badRows === 0) {
      await spool.write(checked);
      const lock = kind.locks(checked);
      if (lock !== null) locks.add(lock);
    }
  }
  await spool.finish();
  return { rows, badRows, errorCount, errors, locks };
}
