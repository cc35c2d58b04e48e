// The SDK checked against openapi.yaml with an independent validator (ajv): every schema's
// examples pass both ajv and the generated valibot schema, broken copies fail both, and every
// request the client builds is one the contract allows.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { componentErrors, contractErrors } from '../../../testing/openapi-ajv.js';
import { deref, type Json, operations, spec } from '../../../testing/openapi-spec.js';
import { createSuccessClient } from './client.js';
import { OPERATIONS } from './generated/operations.js';
import * as S from './generated/schemas.js';

const components = (spec.components as Json).schemas as Record<string, Json>;
const valibot = S as unknown as Record<string, v.GenericSchema>;

describe('schemas agree with the contract', () => {
  const withExamples = Object.entries(components).filter(([, s]) => Array.isArray(s.examples));

  it('has examples for most schemas (the fixtures come from them)', () => {
    expect(withExamples.length).toBeGreaterThan(Object.keys(components).length / 2);
  });

  it.each(withExamples)('%s: every example passes ajv and valibot', (name, schema) => {
    for (const example of schema.examples as unknown[]) {
      expect(componentErrors(name, example)).toEqual([]);
      const r = v.safeParse(valibot[`${name}Schema`]!, example);
      expect(r.success ? [] : r.issues.map((i) => i.message)).toEqual([]);
    }
  });

  const objectsWithRequired = withExamples.filter(
    ([, s]) => Array.isArray(s.required) && (s.required as unknown[]).length > 0,
  );
  it.each(objectsWithRequired)(
    '%s: an example missing a required field fails both',
    (name, schema) => {
      const example = structuredClone((schema.examples as Json[])[0]!);
      delete example[(schema.required as string[])[0]!];
      expect(componentErrors(name, example)).not.toEqual([]);
      expect(v.safeParse(valibot[`${name}Schema`]!, example).success).toBe(false);
    },
  );

  it.each(operations().map((o) => [o.operationId, o] as const))(
    '%s: its response examples pass ajv and valibot',
    (id, op) => {
      for (const [code, r] of Object.entries(op.responses)) {
        const media = deref(r).content?.['application/json'];
        if (!code.startsWith('2') || !media?.schema) continue;
        const examples = [
          media.example,
          ...Object.values(media.examples ?? {}).map((e) => deref(e).value),
        ].filter((e) => e !== undefined);
        for (const ex of examples) {
          expect(contractErrors(media.schema, ex)).toEqual([]);
          const schema = OPERATIONS[id as keyof typeof OPERATIONS].responseSchema;
          if (schema) expect(v.safeParse(schema, ex).success).toBe(true);
        }
      }
    },
  );
});

describe('requests the client builds', () => {
  it('has exactly one method per operationId', () => {
    const client = createSuccessClient({ baseUrl: 'http://127.0.0.1:1', token: 't' });
    expect(Object.keys(client).sort()).toEqual(
      operations()
        .map((o) => o.operationId)
        .sort(),
    );
  });

  it.each(operations().map((o) => [o.operationId, o] as const))(
    '%s: method, path, query, headers and body match the contract',
    async (id, op) => {
      const seen: Request[] = [];
      const fetchStub: typeof fetch = async (input) => {
        seen.push(input as Request);
        // The response does not matter here; the request does.
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const client = createSuccessClient({
        baseUrl: 'http://127.0.0.1:1',
        token: 'tok_contract',
        fetch: fetchStub,
        validate: false,
      });
      const input: Json = {};
      const pathValues: Record<string, string> = {};
      for (const p of op.parameters as {
        name: string;
        in: string;
        required?: boolean;
        schema?: Json;
        example?: unknown;
      }[]) {
        const example =
          p.example ??
          (p.schema?.examples as unknown[] | undefined)?.[0] ??
          (p.schema?.type === 'integer' ? 10 : 'x1');
        if (p.in === 'path') pathValues[p.name] = String(example);
        if (p.in === 'path' || p.in === 'query') input[p.name] = example;
        if (p.in === 'header' && p.name === 'If-Match') input.ifMatch = 3;
      }
      const media = op.requestBody?.content['application/json'];
      const bodyExample = media
        ? (media.example ??
          Object.values(media.examples ?? {}).map((e) => deref(e).value)[0] ??
          (deref(media.schema!).examples as unknown[])[0])
        : undefined;
      if (bodyExample !== undefined) input.body = bodyExample;

      await (client as unknown as Record<string, (i: Json) => Promise<unknown>>)[id]!(input);
      expect(seen).toHaveLength(1);
      const req = seen[0]!;
      const url = new URL(req.url);
      expect(req.method).toBe(op.method);
      expect(decodeURIComponent(url.pathname)).toBe(
        op.path.replace(/\{(\w+)\}/g, (_, n: string) => pathValues[n]!),
      );
      const declaredQuery = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
      for (const key of url.searchParams.keys()) expect(declaredQuery).toContain(key);
      expect(req.headers.get('authorization')).toBe('Bearer tok_contract');
      for (const p of op.parameters.filter((p) => p.in === 'header' && p.required))
        expect(req.headers.has(String(p.name))).toBe(true);
      if (op.method === 'POST')
        expect(req.headers.get('idempotency-key')).toMatch(/^[\x21-\x7e]{1,255}$/);
      if (media) {
        expect(req.headers.get('content-type')).toBe('application/json');
        expect(contractErrors(media.schema!, JSON.parse(await req.text()))).toEqual([]);
      }
    },
  );
});

describe('file bodies (createImport)', () => {
  const files = operations().flatMap((o) =>
    Object.entries(o.requestBody?.content ?? {})
      .filter(([type]) => type !== 'application/json')
      .map(([type, media]) => [o.operationId, type, String(media.example)] as const),
  );

  it('has an example file for each media type of createImport', () => {
    expect(files.map(([id, type]) => `${id} ${type}`).sort()).toEqual([
      'createImport application/x-ndjson',
      'createImport text/csv',
    ]);
  });

  it.each(files)(
    '%s %s: sends the file as given, from a string or streamed from chunks',
    async (id, type, example) => {
      const seen: { type: string | null; text: string; key: string | null; url: string }[] = [];
      const fetchStub: typeof fetch = async (input) => {
        const req = input as Request;
        seen.push({
          type: req.headers.get('content-type'),
          text: await req.text(),
          key: req.headers.get('idempotency-key'),
          url: req.url,
        });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const client = createSuccessClient({
        baseUrl: 'http://127.0.0.1:1',
        token: 't',
        fetch: fetchStub,
        validate: false,
      });
      const call = (client as unknown as Record<string, (i: Json) => Promise<unknown>>)[id]!;
      async function* chunks() {
        // Split mid-line, and once as bytes, as a file stream would.
        yield example.slice(0, 7);
        yield new TextEncoder().encode(example.slice(7));
      }
      await call({ kind: 'customers', contentType: type, body: example });
      await call({ kind: 'customers', contentType: type, body: chunks() });
      expect(seen.map((r) => [r.type, r.text])).toEqual([
        [type, example],
        [type, example],
      ]);
      for (const r of seen) {
        expect(r.key).toMatch(/^[\x21-\x7e]{1,255}$/);
        expect(new URL(r.url).searchParams.get('kind')).toBe('customers');
      }
    },
  );
});

describe('the account hierarchy (issue 16)', () => {
  const both = (name: string, value: unknown) => ({
    ajv: componentErrors(name, value).length === 0,
    valibot: v.safeParse(valibot[`${name}Schema`]!, value).success,
  });
  const example = (name: string) => structuredClone((components[name]!.examples as Json[])[0]!);

  it('accepts parent_id on create and replace, an id or null, and refuses a malformed one in both validators', () => {
    for (const name of ['CustomerCreate', 'CustomerReplace']) {
      for (const parent of ['cus_parent', null])
        expect(both(name, { ...example(name), parent_id: parent })).toEqual({
          ajv: true,
          valibot: true,
        });
      for (const parent of ['', 'not an id!', 'x'.repeat(65), 7])
        expect(both(name, { ...example(name), parent_id: parent })).toEqual({
          ajv: false,
          valibot: false,
        });
    }
  });

  it('requires parent_id on a customer and parent_id and children_count on a portfolio row; rollup is optional', () => {
    const { parent_id: _, ...customer } = example('Customer');
    expect(both('Customer', customer)).toEqual({ ajv: false, valibot: false });
    const row = example('CustomerSuccessSummary');
    expect(both('CustomerSuccessSummary', row)).toEqual({ ajv: true, valibot: true });
    expect(both('CustomerSuccessSummary', { ...row, rollup: example('AccountRollup') })).toEqual({
      ajv: true,
      valibot: true,
    });
    const { children_count: __, ...noCount } = row;
    expect(both('CustomerSuccessSummary', noCount)).toEqual({ ajv: false, valibot: false });
    // Responses' valibot schemas check shapes, not ranges (DESIGN.md: validate cheaply); the
    // contract, which the server's responses are tested against, refuses a negative count.
    expect(componentErrors('CustomerSuccessSummary', { ...row, children_count: -1 })).not.toEqual(
      [],
    );
  });

  it('takes a rollup with one total per currency; the contract refuses a score outside 0-100 and a bad currency', () => {
    const r = example('AccountRollup');
    expect(both('AccountRollup', r)).toEqual({ ajv: true, valibot: true });
    expect(componentErrors('AccountRollup', { ...r, success_score: 101 })).not.toEqual([]);
    const bad = structuredClone(r);
    (bad.by_currency as Json[])[0]!.currency = 'usd';
    expect(componentErrors('AccountRollup', bad)).not.toEqual([]);
    const { by_currency: _, ...noTotals } = r;
    expect(both('AccountRollup', noTotals)).toEqual({ ajv: false, valibot: false });
  });
});
