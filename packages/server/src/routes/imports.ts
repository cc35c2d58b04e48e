import type { Context, Hono } from 'hono';
import { assertCanWrite } from '../auth.js';
import { isoTimestamp } from '../clock.js';
import type { ImportResult } from '../contract.js';
import type { AppContext, Env } from '../http/context.js';
import { fingerprintHash } from '../http/idempotency.js';
import { requiredIdempotencyKey } from '../http/preconditions.js';
import { jsonReply, send, sendJson } from '../http/respond.js';
import { newId } from '../ids.js';
import { bodyTooLarge } from '../import/body-stream.js';
import { type ApplyEnv, type Checked, lockAllOnce, RowFailed } from '../import/kind.js';
import { IMPORT_KINDS, rowKind } from '../import/kinds/index.js';
import { Spool } from '../import/spool.js';
import { type ImportFormat, type ImportLimits, validateFile } from '../import/validate-file.js';
import { badRequest, type FieldError, notFound, ProblemError } from '../problem.js';
import { getImport, type ImportRecord, insertImport } from '../repo/imports.js';
import { pathId, Query } from '../validate.js';

/** openapi.yaml createImport: 64 MiB and 100,000 rows. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { bytes: 64 * 1024 * 1024, rows: 100_000 };

/** Rows applied per statement batch: one batch of the spool in memory at a time. */
const BATCH = 500;

const FORMATS: Readonly<Record<string, ImportFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
};

function formatOf(c: Context): ImportFormat {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FORMATS[type];
  if (!format) {
    throw new ProblemError(415, 'Send the file as text/csv or application/x-ndjson.', [
      {
        field: 'header.Content-Type',
        message: 'Must be text/csv or application/x-ndjson.',
        code: 'enum',
      },
    ]);
  }
  return format;
}

/** The 422 of an import with bad rows: the first errors (each naming its row) and the total. */
export function rowsInvalid(
  errors: readonly FieldError[],
  errorCount: number,
  badRows: number,
  rows: number,
): ProblemError {
  const which = badRows === 1 ? '1 row' : `${badRows} rows`;
  return new ProblemError(
    422,
    rows === 0
      ? "The file's header row is invalid; nothing was imported."
      : `${which} of ${rows} ${badRows === 1 ? 'is' : 'are'} invalid; nothing was imported.`,
    errors,
    {},
    { error_count: errorCount },
  );
}

function toResult(r: ImportRecord): ImportResult {
  return {
    id: r.id,
    kind: r.kind as ImportResult['kind'],
    format: r.format as ImportResult['format'],
    rows: r.rows,
    created: r.created,
    updated: r.updated,
    created_at: isoTimestamp(r.created_at),
  };
}

/** createImport and getImport. */
export function registerImports(app: Hono<Env>, ctx: AppContext, limits: ImportLimits): void {
  app.post('/api/imports', async (c) => {
    const q = new Query(c.req.url, ['kind']);
    const kind = q.enum('kind', IMPORT_KINDS);
    if (kind === undefined) {
      throw badRequest(
        'query.kind',
        `Required: one of ${IMPORT_KINDS.join(', ')}.`,
        'required',
        'Say what the rows are with ?kind=.',
      );
    }
    const key = requiredIdempotencyKey(c, 'An import');
    const principal = c.get('principal');
    assertCanWrite(principal);
    const format = formatOf(c);
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && Number(length) > limits.bytes) {
      throw bodyTooLarge(limits.bytes);
    }
    const body = c.req.raw.body;
    if (body === null) {
      throw badRequest('', 'A file is required.', 'required', 'This operation needs a file body.');
    }
    const now = ctx.clock().getTime();
    const rows = rowKind(kind);
    // The fingerprint covers the kind and the format as well as the bytes.
    const hash = fingerprintHash('POST', `${c.req.path}?kind=${kind}&format=${format}`);
    const spool = await Spool.create<Checked>();
    try {
      const checked = await validateFile(body, format, rows, spool, limits, hash, {
        ctx,
        principal,
        now,
      });
      const reply = await ctx.idempotency.run(
        principal,
        key,
        { fingerprint: hash.digest('hex') },
        async (save) => {
          if (checked.errorCount > 0) {
            throw rowsInvalid(checked.errors, checked.errorCount, checked.badRows, checked.rows);
          }
          if (checked.rows === 0) {
            throw new ProblemError(422, 'The file has no rows to import.', [
              { field: '', message: 'Give at least one row.', code: 'empty' },
            ]);
          }
          return applyRows(
            ctx,
            spool,
            checked.locks,
            rows.apply.bind(rows),
            principal,
            now,
            async (tx, env) => {
              const record: ImportRecord = {
                id: newId('imp'),
                token_id: principal.tokenId,
                kind,
                format,
                rows: checked.rows,
                created: env.created,
                updated: env.updated,
                created_at: now,
              };
              await insertImport(tx, record);
              const r = jsonReply(201, toResult(record), { location: `/api/imports/${record.id}` });
              await save(tx, r);
              return r;
            },
          );
        },
      );
      return send(c, reply);
    } finally {
      await spool.dispose();
    }
  });

  app.get('/api/imports/:importId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('importId', c.req.param('importId'));
    const record = await getImport(ctx.db, id, c.get('principal').tokenId);
    if (!record) throw notFound('Import', id);
    return sendJson(c, 200, toResult(record));
  });
}

/**
 * Pass 2: the customers the rows write locked in one order, then the spooled rows applied in one
 * transaction, a batch at a time, then `last` (the
 * summary and the Idempotency-Key) in the same transaction. A row that fails now (the database
 * changed since it was checked) rolls everything back with a 422 naming that row.
 */
async function applyRows<T>(
  ctx: AppContext,
  spool: Spool<Checked>,
  locks: ReadonlySet<string>,
  applyBatch: (rows: readonly Checked[], env: ApplyEnv) => Promise<void>,
  principal: ApplyEnv['principal'],
  now: number,
  last: (tx: ApplyEnv['tx'], env: ApplyEnv) => Promise<T>,
): Promise<T> {
  const touched = new Set<string>();
  try {
    return await ctx.db.transaction(async (tx) => {
      const env: ApplyEnv = { tx, now, principal, touched, created: 0, updated: 0 };
      // Every customer the rows write, locked first and in one order: two imports listing a
      // parent and its child in opposite orders would otherwise each hold one and wait for the
      // other (a deadlock on PostgreSQL, import/lock-order.test.ts).
      await lockAllOnce(env, [...locks]);
      for await (const batch of spool.batches(BATCH)) await applyBatch(batch, env);
      return last(tx, env);
    });
  } catch (e) {
    if (e instanceof RowFailed) {
      throw rowsInvalid(
        e.errors.map((x) => ({ ...x, row: e.row })),
        e.errors.length,
        1,
        spool.count,
      );
    }
    throw e;
  } finally {
    // Rolled back or not, a cached read of these customers is checked again.
    for (const id of touched) ctx.cache.bump(id);
  }
}
