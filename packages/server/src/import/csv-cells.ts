/**
 * How a CSV row becomes the JSON object its one-at-a-time operation takes. A header names each
 * column's field by its path, nested fields with dots (`sources.usage`, `arr.starting_arr`); the
 * field's type comes from the operation's valibot schema (generated from openapi.yaml), so a
 * number column is read as a number and a list column (`surveys.csat`) as numbers separated by
 * `;`. An empty cell is an absent field. A cell that is not what its column takes stays text, and
 * validation then names it exactly as the JSON endpoint would.
 */

/** The parts of a valibot schema this walk reads (valibot keeps them on the schema object). */
interface SchemaParts {
  readonly type: string;
  readonly entries?: Readonly<Record<string, SchemaParts>>;
  readonly wrapped?: SchemaParts;
  readonly item?: SchemaParts;
}

/** What a column holds. */
export type CellType = 'string' | 'number' | 'number_list' | 'string_list' | 'boolean';

/** A column of the header: the field path it fills and how its cells are read. */
export interface Column {
  readonly path: readonly string[];
  readonly type: CellType;
}

function unwrap(s: SchemaParts): SchemaParts {
  let x = s;
  while (x.wrapped) x = x.wrapped;
  return x;
}

function leafType(s: SchemaParts): CellType | null {
  const x = unwrap(s);
  switch (x.type) {
    case 'string':
    case 'picklist':
    case 'literal':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = x.item ? leafType(x.item) : null;
      return item === 'number' ? 'number_list' : item === 'string' ? 'string_list' : null;
    }
    default:
      return null;
  }
}

/**
 * The column a header cell names under `schema`, or null when the schema has no such leaf field
 * (an unknown column, or one naming an object rather than a field of it).
 */
export function columnOf(schema: unknown, header: string): Column | null {
  const path = header.split('.');
  let s = unwrap(schema as SchemaParts);
  for (const [i, key] of path.entries()) {
    const next = s.entries?.[key];
    if (!next || key === '') return null;
    if (i === path.length - 1) {
      const type = leafType(next);
      return type ? { path, type } : null;
    }
    s = unwrap(next);
  }
  return null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cellValue(text: string, type: CellType): unknown {
  switch (type) {
    case 'string':
      return text;
    case 'number':
      return NUMBER.test(text.trim()) ? Number(text.trim()) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'number_list':
      return text.split(';').map((t) => cellValue(t, 'number'));
    case 'string_list':
      return text.split(';');
  }
}

/** One CSV record as the object of its columns; empty cells are left out. */
export function rowObject(
  columns: readonly Column[],
  cells: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [i, col] of columns.entries()) {
    const text = cells[i] ?? '';
    if (text === '') continue;
    let target = out;
    for (const key of col.path.slice(0, -1)) {
      const child = target[key];
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
        target = child as Record<string, unknown>;
      } else {
        const made: Record<string, unknown> = {};
        target[key] = made;
        target = made;
      }
    }
    target[col.path[col.path.length - 1] as string] = cellValue(text, col.type);
  }
  return out;
}
