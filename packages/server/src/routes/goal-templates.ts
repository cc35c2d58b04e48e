import type { Hono } from 'hono';
import { assertManager } from '../auth.js';
import { isoTimestamp } from '../clock.js';
import type { GoalCategory, GoalTemplate, GoalTemplateList } from '../contract.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, type KeyPart, TEXT_KEY } from '../http/cursor.js';
import {
  checkVersion,
  etag,
  parseIfMatch,
  requiredIdempotencyKey,
  requireIfMatch,
} from '../http/preconditions.js';
import { jsonReply, send, sendJson } from '../http/respond.js';
import { newId } from '../ids.js';
import { notFound, ProblemError } from '../problem.js';
import {
  deleteTemplate,
  findTemplate,
  insertTemplate,
  listTemplates,
  type TemplateRecord,
  updateTemplate,
} from '../repo/goal-templates.js';
import { LIBRARY } from '../templates/library.js';
import { checkTemplate, type TemplateDefinition } from '../templates/validate.js';
import { pathId, Query } from '../validate.js';

const WHAT = 'manage goal templates';
const CATEGORIES: readonly GoalCategory[] = [
  'efficiency',
  'revenue',
  'cost',
  'quality',
  'adoption',
  'satisfaction',
  'custom',
];
/** A list cursor's first part: 0 while in the shipped library, 1 among custom templates. */
const KIND_KEY: KeyPart = { type: 'number', min: 0, max: 1 };

function wireOf(
  id: string,
  d: TemplateDefinition,
  meta: { shipped: boolean; version: number; created_at: number | null; updated_at: number | null },
): GoalTemplate {
  return {
    id,
    name: d.name,
    description: d.description,
    industry: d.industry,
    shipped: meta.shipped,
    duration_days: d.duration_days,
    goal: d.goal,
    milestones: d.milestones,
    version: meta.version,
    created_at: meta.created_at === null ? null : isoTimestamp(meta.created_at),
    updated_at: meta.updated_at === null ? null : isoTimestamp(meta.updated_at),
  };
}

function customWire(r: TemplateRecord): GoalTemplate {
  return wireOf(r.id, JSON.parse(r.definition) as TemplateDefinition, {
    shipped: false,
    version: r.version,
    created_at: r.created_at,
    updated_at: r.updated_at,
  });
}

let shippedCache: ReadonlyMap<string, GoalTemplate> | undefined;

/**
 * The shipped library by id, validated and given its defaults once, on first use: the same
 * check as a manager's template, so an entry that broke a rule would fail loudly here (and in
 * templates/library.test.ts) rather than be served.
 */
export function shippedTemplates(): ReadonlyMap<string, GoalTemplate> {
  if (!shippedCache) {
    const sorted = [...LIBRARY].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    shippedCache = new Map(
      sorted.map(({ id, ...body }) => [
        id,
        wireOf(id, checkTemplate(body), {
          shipped: true,
          version: 1,
          created_at: null,
          updated_at: null,
        }),
      ]),
    );
  }
  return shippedCache;
}

/** 403 for a change to the shipped library, naming the way to a changed copy. */
function readOnly(id: string): ProblemError {
  return new ProblemError(
    403,
    `Goal template ${id} is part of the shipped library and is read-only. Copy it with createGoalTemplate to change it.`,
    [{ field: 'path.templateId', message: 'A shipped template is read-only.', code: 'read_only' }],
  );
}

const keysOf = (d: TemplateDefinition) => ({ category: d.goal.category, industry: d.industry });

export function registerGoalTemplates(app: Hono<Env>, ctx: AppContext): void {
  // listGoalTemplates: the shipped library by id, then custom templates by id; any role.
  app.get('/api/goal-templates', async (c) => {
    const q = new Query(c.req.url, ['category', 'industry', 'cursor', 'limit']);
    const category = q.enum('category', CATEGORIES);
    const industry = q.string('industry', { max: 100 });
    const limit = q.limit();
    const filters = { op: 'listGoalTemplates', category, industry };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [
      KIND_KEY,
      TEXT_KEY,
    ]);
    const afterKind = after ? (after[0] as number) : 0;
    const afterId = after ? (after[1] as string) : undefined;
    const wanted = industry?.toLowerCase();
    const items: GoalTemplate[] = [];
    if (afterKind === 0) {
      for (const t of shippedTemplates().values()) {
        if (afterId !== undefined && t.id <= afterId) continue;
        if (category !== undefined && t.goal.category !== category) continue;
        if (wanted !== undefined && t.industry !== null && t.industry.toLowerCase() !== wanted)
          continue;
        items.push(t);
        if (items.length > limit) break;
      }
    }
    if (items.length <= limit) {
      const rows = await listTemplates(
        ctx.db,
        { category, industry },
        afterKind === 1 ? afterId : undefined,
        limit + 1 - items.length,
      );
      items.push(...rows.map(customWire));
    }
    const page = items.slice(0, limit);
    const last = page.at(-1);
    const body: GoalTemplateList = {
      items: page,
      next_cursor:
        items.length > limit && last
          ? ctx.cursors.encode([last.shipped ? 0 : 1, last.id], filters)
          : null,
    };
    return sendJson(c, 200, body);
  });

  // getGoalTemplate: any role; templates hold no customer data.
  app.get('/api/goal-templates/:templateId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('templateId', c.req.param('templateId'));
    const shipped = shippedTemplates().get(id);
    if (shipped) return sendJson(c, 200, shipped, { etag: etag(1) });
    const found = await findTemplate(ctx.db, id);
    if (!found) throw notFound('Goal template', id);
    return sendJson(c, 200, customWire(found), { etag: etag(found.version) });
  });

  // createGoalTemplate: manager only, under a required Idempotency-Key (like createWebhook).
  app.post('/api/goal-templates', async (c) => {
    new Query(c.req.url, []);
    const p = c.get('principal');
    assertManager(p, WHAT);
    const key = requiredIdempotencyKey(c, 'Creating a goal template');
    const body = await readJson(c, ctx.bodyLimit);
    const reply = await ctx.idempotency.run(
      p,
      key,
      { method: 'POST', path: c.req.path, raw: body.raw },
      async (save) => {
        const definition = checkTemplate(body.value);
        const now = ctx.clock().getTime();
        const record: TemplateRecord = {
          id: newId('tpl'),
          definition: JSON.stringify(definition),
          version: 1,
          created_at: now,
          updated_at: now,
        };
        return ctx.db.transaction(async (tx) => {
          await insertTemplate(tx, record, keysOf(definition));
          const r = jsonReply(201, customWire(record), {
            etag: etag(1),
            location: `/api/goal-templates/${record.id}`,
          });
          await save(tx, r);
          return r;
        });
      },
    );
    return send(c, reply);
  });

  // updateGoalTemplate: a full replacement under If-Match; the shipped library is read-only.
  app.put('/api/goal-templates/:templateId', async (c) => {
    new Query(c.req.url, []);
    assertManager(c.get('principal'), WHAT);
    const id = pathId('templateId', c.req.param('templateId'));
    const ifMatch = parseIfMatch(c);
    if (shippedTemplates().has(id)) throw readOnly(id);
    if (!(await findTemplate(ctx.db, id))) throw notFound('Goal template', id);
    const expected = requireIfMatch(ifMatch);
    const body = await readJson(c, ctx.bodyLimit);
    const definition = checkTemplate(body.value);
    const now = ctx.clock().getTime();
    const updated = await ctx.db.transaction(async (tx) => {
      const current = await findTemplate(tx, id, true);
      if (!current) throw notFound('Goal template', id);
      checkVersion('goal template', current.version, expected);
      return updateTemplate(tx, id, JSON.stringify(definition), keysOf(definition), now);
    });
    if (!updated) throw notFound('Goal template', id);
    return sendJson(c, 200, customWire(updated), { etag: etag(updated.version) });
  });

  // deleteGoalTemplate: custom only; goals created from it keep no link to it.
  app.delete('/api/goal-templates/:templateId', async (c) => {
    new Query(c.req.url, []);
    assertManager(c.get('principal'), WHAT);
    const id = pathId('templateId', c.req.param('templateId'));
    if (shippedTemplates().has(id)) throw readOnly(id);
    if (!(await deleteTemplate(ctx.db, id))) throw notFound('Goal template', id);
    return send(c, { status: 204, headers: {}, body: '' });
  });
}
