import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { checkJsonShape } from '../http/body.js';
import { type FieldError, ProblemError } from '../problem.js';

/**
 * The rows of an import file, parsed one at a time from its text as it streams in. `row` is the
 * row's line in the file: CSV counts the header as row 1 and blank lines too (a row with line
 * breaks inside quotes is numbered by its last line), NDJSON counts lines from 1. A row that cannot be read at all is an error of that row; an error
 * after which nothing more can be read (an unclosed quote) is `fatal`.
 */
export type FileRow =
  | { readonly row: number; readonly cells: readonly string[] }
  | { readonly row: number; readonly value: unknown }
  | { readonly row: number; readonly error: FieldError; readonly fatal: boolean };

/** The longest row either format takes: far above any real row, it bounds what one row holds. */
export const MAX_ROW_CHARS = 65_536;

/**
 * CSV (RFC 4180) through csv-parse: the header row is the first row yielded (row 1), as cells.
 * A leading BOM is dropped; blank lines are skipped but counted.
 */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<FileRow> {
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_ROW_CHARS,
  });
  const source = Readable.from(text);
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { row: item.info.lines, cells: item.record };
    }
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    if (e instanceof CsvError) {
      const lines = (e as CsvError & { lines?: number }).lines;
      yield {
        row: typeof lines === 'number' && lines > 0 ? lines : 1,
        error: { field: '', message: csvMessage(e), code: 'invalid_csv' },
        fatal: true,
      };
      return;
    }
    throw e;
  } finally {
    source.destroy();
  }
}

function csvMessage(e: CsvError): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'Not valid CSV: a quoted field is never closed.';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'Not valid CSV: a closing quote is followed by more text; write "" for a quote inside a quoted field.';
    case 'CSV_MAX_RECORD_SIZE':
      return `Not valid here: the row is longer than ${MAX_ROW_CHARS} characters.`;
    default:
      return `Not valid CSV (${e.code}).`;
  }
}

/** NDJSON: one JSON object per line; blank lines are skipped but counted. */
export async function* ndjsonRows(text: AsyncIterable<string>): AsyncGenerator<FileRow> {
  let pending = '';
  let row = 0;
  for await (const chunk of text) {
    pending += chunk;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      row++;
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const parsed = ndjsonLine(line, row);
      if (parsed) yield parsed;
      nl = pending.indexOf('\n');
    }
    if (pending.length > MAX_ROW_CHARS) {
      yield {
        row: row + 1,
        error: {
          field: '',
          message: `Not valid here: the line is longer than ${MAX_ROW_CHARS} characters.`,
          code: 'max_length',
        },
        fatal: true,
      };
      return;
    }
  }
  row++;
  const last = ndjsonLine(pending, row);
  if (last) yield last;
}

function ndjsonLine(raw: string, row: number): FileRow | null {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.trim() === '') return null;
  if (line.length > MAX_ROW_CHARS) {
    return {
      row,
      error: {
        field: '',
        message: `Not valid here: the line is longer than ${MAX_ROW_CHARS} characters.`,
        code: 'max_length',
      },
      fatal: false,
    };
  }
  const shape = checkJsonShape(line);
  if (shape) {
    const first = shape.errors[0];
    return {
      row,
      error: { field: '', message: first?.message ?? shape.detail, code: 'invalid_json' },
      fatal: false,
    };
  }
  try {
    return { row, value: JSON.parse(line) as unknown };
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : 'it is nested too deeply';
    return {
      row,
      error: { field: '', message: `Not valid JSON: ${why}`, code: 'invalid_json' },
      fatal: false,
    };
  }
}
