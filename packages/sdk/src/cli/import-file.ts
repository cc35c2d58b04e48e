import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SuccessClient } from '../client.js';
import { SuccessApiError } from '../errors.js';
import type { components } from '../generated/openapi.js';

export type ImportKind = components['schemas']['ImportKind'];
type ImportResult = components['schemas']['ImportResult'];
type FileType = 'text/csv' | 'application/x-ndjson';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'customers',
  'measurements',
  'health_observations',
  'kpi_observations',
];

/** A problem with the command line or the file itself, before anything is sent. */
export class ImportUsageError extends Error {}

/** The media type of a file, from its extension. */
export function fileType(file: string): FileType {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'text/csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'application/x-ndjson';
  throw new ImportUsageError(
    `cannot tell the format of ${file}: name it .csv, or .ndjson / .jsonl for one JSON object per line`,
  );
}

/**
 * The kind of rows from the fields of the first row (a CSV header, or the first NDJSON object),
 * when only one kind has them: `goal_id` is a measurement, `observed_on` a health observation,
 * `period` a KPI observation, `segment` without `customer_id` a customer.
 */
export function inferKind(fields: readonly string[]): ImportKind | null {
  const has = (f: string) => fields.some((x) => x === f || x.startsWith(`${f}.`));
  const kinds: ImportKind[] = [];
  if (has('goal_id')) kinds.push('measurements');
  if (has('observed_on')) kinds.push('health_observations');
  if (has('period')) kinds.push('kpi_observations');
  if (has('segment') && !has('customer_id')) kinds.push('customers');
  return kinds.length === 1 ? (kinds[0] as ImportKind) : null;
}

/** The field names of a file's first row (it reads at most 64 KiB). */
async function firstRowFields(file: string, type: FileType): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const buf = new Uint8Array(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = new TextDecoder().decode(buf.subarray(0, bytesRead)).replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    if (type === 'text/csv') return line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    try {
      const first = JSON.parse(line) as unknown;
      return first !== null && typeof first === 'object' ? Object.keys(first) : [];
    } catch {
      return [];
    }
  } finally {
    await handle.close();
  }
}

/** The kind to send: `--kind`, else inferred from the file's first row. */
export async function kindOf(
  file: string,
  type: FileType,
  given: string | undefined,
): Promise<ImportKind> {
  if (given !== undefined) {
    if (!(IMPORT_KINDS as readonly string[]).includes(given))
      throw new ImportUsageError(
        `--kind must be one of ${IMPORT_KINDS.join(', ')}, not "${given}"`,
      );
    return given as ImportKind;
  }
  const inferred = inferKind(await firstRowFields(file, type));
  if (!inferred)
    throw new ImportUsageError(
      `cannot tell what the rows of ${file} are from its first row; give --kind ${IMPORT_KINDS.join('|')}`,
    );
  return inferred;
}

const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

/** Where progress goes: a terminal gets a line rewritten in place; anything else gets nothing. */
export interface Progress {
  readonly write: (text: string) => void;
  readonly tty: boolean;
}

/** The file's bytes as they are read, reporting bytes sent of the total at most every 100 ms. */
async function* withProgress(
  file: string,
  total: number,
  progress: Progress,
): AsyncGenerator<Uint8Array> {
  let sent = 0;
  let shown = 0;
  const show = () => {
    const pct = total === 0 ? 100 : Math.floor((sent / total) * 100);
    progress.write(`\rSending ${file}: ${mb(sent)} / ${mb(total)} (${pct}%)`);
  };
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Uint8Array;
    sent += bytes.byteLength;
    if (progress.tty && Date.now() - shown >= 100) {
      shown = Date.now();
      show();
    }
    yield bytes;
  }
  if (progress.tty) {
    show();
    progress.write('\n');
  }
}

/** Sends a file to createImport, streamed from disk. */
export async function importFile(
  client: SuccessClient,
  file: string,
  givenKind: string | undefined,
  progress: Progress,
): Promise<ImportResult> {
  const type = fileType(file);
  let total: number;
  try {
    total = (await stat(file)).size;
  } catch {
    throw new ImportUsageError(`cannot read ${file}`);
  }
  const kind = await kindOf(file, type, givenKind);
  return client.createImport({
    kind,
    contentType: type,
    body: withProgress(file, total, progress),
  });
}

/**
 * The lines that tell a user which rows to fix: one per error (`row 5002 /segment: ...`), and
 * how many more the server counted than it listed. Null when the error is not an import's 422.
 */
export function badRowLines(e: unknown): string[] | null {
  if (!(e instanceof SuccessApiError) || e.status !== 422) return null;
  const errors = e.fieldErrors;
  if (!errors.some((f) => f.row !== undefined)) return null;
  const lines = errors.map(
    (f) =>
      `  row ${f.row ?? '?'}${f.field ? ` ${printable(f.field)}` : ''}: ${printable(f.message)}${f.code ? ` (${printable(f.code)})` : ''}`,
  );
  const count = e.problem.error_count;
  if (typeof count === 'number' && count > errors.length)
    lines.push(`  ... and ${count - errors.length} more errors`);
  return [e.problem.detail ?? 'The file has invalid rows; nothing was imported.', ...lines];
}

/**
 * Text from the server (which may quote the file: a column name) as one line a terminal shows
 * as it is: control characters, escape sequences included, become `\u` escapes.
 */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}
