import type { Queryable } from '../db/database.js';

/** A custom goal template as stored (times in epoch ms); `definition` is its JSON text. */
export interface TemplateRecord {
  readonly id: string;
  readonly definition: string;
  readonly version: number;
  readonly created_at: number;
  readonly updated_at: number;
}

const COLUMNS = `id, definition, version::float8 AS version,
  epoch_ms(created_at) AS created_at, epoch_ms(updated_at) AS updated_at`;

type Row = TemplateRecord & Record<string, unknown>;

/** What a template's row is filtered by, copied out of its definition. */
export interface TemplateKeys {
  readonly category: string;
  /** The industry, or null for any industry. */
  readonly industry: string | null;
}

export async function insertTemplate(
  q: Queryable,
  t: TemplateRecord,
  keys: TemplateKeys,
): Promise<void> {
  await q.query(
    `INSERT INTO goal_templates (id, category, industry_key, definition, version, created_at, updated_at)
     VALUES ($1, $2, lower($3), $4, $5, to_timestamp($6::float8 / 1000), to_timestamp($7::float8 / 1000))`,
    [t.id, keys.category, keys.industry, t.definition, t.version, t.created_at, t.updated_at],
  );
}

/** The template, or null; `lock` takes its row lock for a write (version check + update). */
export async function findTemplate(
  q: Queryable,
  id: string,
  lock = false,
): Promise<TemplateRecord | null> {
  const [row] = await q.query<Row>(
    `SELECT ${COLUMNS} FROM goal_templates WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The list filters; `industry` keeps that industry's templates and those of any industry. */
export interface TemplateFilter {
  readonly category?: string | undefined;
  readonly industry?: string | undefined;
}

/** Custom templates by id (bytewise), after `after` when given. */
export async function listTemplates(
  q: Queryable,
  filter: TemplateFilter,
  after: string | undefined,
  limit: number,
): Promise<TemplateRecord[]> {
  const params: unknown[] = [limit];
  const where: string[] = [];
  if (filter.category !== undefined) {
    params.push(filter.category);
    where.push(`category = $${params.length}`);
  }
  if (filter.industry !== undefined) {
    params.push(filter.industry);
    where.push(`(industry_key IS NULL OR industry_key = lower($${params.length}))`);
  }
  if (after !== undefined) {
    params.push(after);
    where.push(`id COLLATE "C" > $${params.length}`);
  }
  return q.query<Row>(
    `SELECT ${COLUMNS} FROM goal_templates ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id COLLATE "C" LIMIT $1`,
    params,
  );
}

/** Replaces the definition; the version goes up by one. */
export async function updateTemplate(
  q: Queryable,
  id: string,
  definition: string,
  keys: TemplateKeys,
  now: number,
): Promise<TemplateRecord | null> {
  const [row] = await q.query<Row>(
    `UPDATE goal_templates
     SET definition = $2, category = $3, industry_key = lower($4), version = version + 1,
       updated_at = to_timestamp($5::float8 / 1000)
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, definition, keys.category, keys.industry, now],
  );
  return row ?? null;
}

/** Deletes the template; false when there was none. */
export async function deleteTemplate(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('DELETE FROM goal_templates WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}
