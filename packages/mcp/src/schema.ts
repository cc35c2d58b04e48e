// Tool schemas are written in valibot (the kit's schema library) and handed to the MCP SDK
// through Standard Schema + Standard JSON Schema, so this package needs no second schema library.
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';

/** A valibot schema in the form the MCP SDK's `registerTool` takes (validation + JSON Schema). */
export const mcpSchema = <T extends v.GenericSchema>(schema: T) => toStandardJsonSchema(schema);

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A customer id (`cus_acme`) or name (`Acme Corp`, or part of it). */
export const customerRef = v.pipe(
  // No v.trim(): transforms have no JSON Schema; resolveCustomer trims.
  v.string(),
  v.minLength(1, 'Give a customer id (such as cus_acme) or name (such as Acme Corp).'),
  v.maxLength(200, 'A customer id or name is at most 200 characters.'),
  v.description(
    'The customer: its id (such as cus_acme) or its name, or part of it (such as Acme).',
  ),
);

/** The API's reporting window (openapi.yaml `Period`). */
export const period = v.pipe(
  v.string(),
  v.regex(
    /^(all|(19[0-9]{2}|2[0-9]{3})(-Q[1-4]|-(0[1-9]|1[0-2]))?)$/,
    'The period is "all", a year (2026), a quarter (2026-Q2) or a month (2026-04).',
  ),
  v.description(
    'The reporting window: "all" (contract to date, the default), a year (2026), a quarter (2026-Q2) or a month (2026-04).',
  ),
);

/** An id argument; `example` is named in the error (default: a goal or metric id). */
export const id = (what: string, example?: string, description?: string) =>
  v.pipe(
    v.string(),
    v.minLength(1, `Give the ${what}.`),
    v.maxLength(64, `A ${what} is at most 64 characters.`),
    v.regex(
      ID,
      `A ${what} is letters, digits, "_" and "-", such as ${example ?? (what === 'goal id' ? 'goal_acme_upsell' : 'met_acme_upsell_revenue')}.`,
    ),
    v.description(description ?? `The ${what}.`),
  );

export const segment = v.pipe(
  v.picklist(['enterprise', 'mid_market', 'smb'], 'The segment is enterprise, mid_market or smb.'),
  v.description('A customer segment: enterprise, mid_market or smb.'),
);

export const customerSummary = v.object({
  id: v.string(),
  name: v.string(),
  segment: v.string(),
  currency: v.string(),
});

export const nullableNumber = v.nullable(v.number());
