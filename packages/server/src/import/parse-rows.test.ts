// The file side of an import, without a database: rows parsed from text however it is chunked,
// and CSV cells read by the type their column has in the operation's schema.
import { describe, expect, it } from 'vitest';
import { schemas } from '../contract.js';
import { columnOf, rowObject } from './csv-cells.js';
import { csvRows, type FileRow, ndjsonRows } from './parse-rows.js';

async function* chunks(...parts: string[]) {
  for (const p of parts) yield p;
}

async function all(rows: AsyncIterable<FileRow>): Promise<FileRow[]> {
  const out: FileRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('ndjsonRows', () => {
  it('splits lines across chunk boundaries, takes CRLF and a last line without a newline, and counts blank lines', async () => {
    const rows = await all(ndjsonRows(chunks('{"a":1}\r\n{"b"', ':2}\n\n', '{"c":3}')));
    expect(rows).toEqual([
      { row: 1, value: { a: 1 } },
      { row: 2, value: { b: 2 } },
      { row: 4, value: { c: 3 } },
    ]);
  });

  it('makes a line that is not JSON an error of that line and reads on', async () => {
    const rows = await all(ndjsonRows(chunks('{oops\n{"ok":true}\n')));
    expect(rows[0]).toMatchObject({ row: 1, error: { code: 'invalid_json' }, fatal: false });
    expect(rows[1]).toEqual({ row: 2, value: { ok: true } });
  });
});

describe('csvRows', () => {
  it('reads quoted cells (commas, quotes, line breaks) and a BOM, however the text is chunked', async () => {
    const rows = await all(csvRows(chunks('\uFEFFa,b\n"x, ""y""","li', 'ne\nbreak"\n')));
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 3, cells: ['x, "y"', 'line\nbreak'] },
    ]);
  });

  it('ends with a fatal error at an unclosed quote', async () => {
    const rows = await all(csvRows(chunks('a,b\n1,"open\n')));
    expect(rows.at(-1)).toMatchObject({ error: { code: 'invalid_csv' }, fatal: true });
  });
});

describe('CSV cells', () => {
  const schema = schemas.KpiObservationInputSchema;

  it('finds nested and list columns by dotted name, and no column for an object or an unknown name', () => {
    expect(columnOf(schema, 'arr.starting_arr')).toEqual({
      path: ['arr', 'starting_arr'],
      type: 'number',
    });
    expect(columnOf(schema, 'surveys.csat')).toEqual({
      path: ['surveys', 'csat'],
      type: 'number_list',
    });
    expect(columnOf(schema, 'period')).toEqual({ path: ['period'], type: 'string' });
    expect(columnOf(schema, 'arr')).toBeNull();
    expect(columnOf(schema, 'colour')).toBeNull();
  });

  it('builds the JSON body: numbers read as numbers, empty cells left out, text that is no number kept for validation', () => {
    const cols = ['period', 'arr.starting_arr', 'arr.expansion', 'surveys.csat', 'note'].map(
      (h) => columnOf(schema, h)!,
    );
    expect(rowObject(cols, ['2026-03', '1e3', 'lots', '0;1;2;3;4', ''])).toEqual({
      period: '2026-03',
      arr: { starting_arr: 1000, expansion: 'lots' },
      surveys: { csat: [0, 1, 2, 3, 4] },
    });
  });
});
