// openapi.yaml as test data for every package's tests: its examples are the fixture bodies, so
// fixtures can never drift from the contract. Test-only; not exported.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = Record<string, unknown>;

interface MediaType {
  schema?: Json;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: Json[];
  requestBody?: { content: Record<string, MediaType>; required?: boolean };
  responses: Record<string, { content?: Record<string, MediaType>; $ref?: string }>;
}

export const spec = parse(
  readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'),
) as Json;
const schemas = (spec.components as Json).schemas as Record<string, Json>;

/** Follows `$ref`s inside the spec. */
export function deref<T>(node: T): T {
  let cur: unknown = node;
  while (cur && typeof cur === 'object' && '$ref' in cur) {
    const path = String((cur as { $ref: string }).$ref)
      .replace(/^#\//, '')
      .split('/');
    cur = path.reduce<unknown>((o, k) => (o as Json)[k], spec);
  }
  return cur as T;
}

export function operations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    const shared = (item.parameters as Json[] | undefined) ?? [];
    for (const method of ['get', 'post', 'put', 'delete']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      out.push({
        ...(op as unknown as SpecOperation),
        method: method.toUpperCase(),
        path,
        parameters: [...shared, ...((op.parameters as Json[] | undefined) ?? [])].map((p) =>
          deref(p),
        ),
      });
    }
  }
  return out;
}

export function operation(id: string): SpecOperation {
  const op = operations().find((o) => o.operationId === id);
  if (!op) throw new Error(`no operation ${id} in openapi.yaml`);
  return op;
}

function firstExample(media: MediaType | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const named = Object.values(media.examples ?? {})[0];
  if (named) return deref(named).value;
  const schema = media.schema ? deref(media.schema) : undefined;
  return (schema?.examples as unknown[] | undefined)?.[0];
}

/** A deep copy of the first example of a component schema. */
export function schemaExample<T = Json>(name: string): T {
  const s = schemas[name];
  const ex = (s?.examples as unknown[] | undefined)?.[0];
  if (ex === undefined) throw new Error(`openapi.yaml: components.schemas.${name} has no example`);
  return structuredClone(ex) as T;
}

/** A deep copy of the example 2xx JSON body of an operation (its media example, else its schema's). */
export function responseExample<T = Json>(id: string): T {
  const op = operation(id);
  for (const [code, r] of Object.entries(op.responses)) {
    if (!code.startsWith('2')) continue;
    const ex = firstExample(deref(r).content?.['application/json']);
    if (ex !== undefined) return structuredClone(ex) as T;
  }
  throw new Error(`openapi.yaml: ${id} has no 2xx JSON example`);
}

/** A deep copy of the example request body of an operation. */
export function requestExample<T = Json>(id: string): T {
  const ex = firstExample(operation(id).requestBody?.content['application/json']);
  if (ex === undefined) throw new Error(`openapi.yaml: ${id} has no request body example`);
  return structuredClone(ex) as T;
}
