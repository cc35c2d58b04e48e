// An independent validator for openapi.yaml's schemas (ajv, JSON Schema 2020-12), so the
// contract tests do not trust the generated valibot schemas to check themselves. Test-only.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { spec } from './openapi-spec.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi.json', components: (spec as { components: unknown }).components });

/** Errors of `data` against a schema of the spec (a `$ref` node or an inline schema), `[]` when valid. */
export function contractErrors(schema: object, data: unknown): string[] {
  const rebased = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
  );
  const validate = ajv.compile(rebased);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

export function componentErrors(name: string, data: unknown): string[] {
  return contractErrors({ $ref: `#/components/schemas/${name}` }, data);
}

/**
 * A validator for one schema of the spec, compiled once: for checking thousands of values
 * (contractErrors compiles on every call). True when `data` is valid.
 */
export function contractValidator(schema: object): (data: unknown) => boolean {
  const rebased = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
  );
  const validate = ajv.compile(rebased);
  return (data) => validate(data) === true;
}
