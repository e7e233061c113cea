import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function ajv(coerceTypes: boolean | 'array'): Ajv {
  const instance = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(instance);
  return instance;
}

// Bodies are JSON and must carry the spec's types as sent: Fastify's default compiler coerces
// (`"identification": 12345678901` would pass as a string), so bodies get a non-coercing one.
// Path, query and headers arrive as strings and are coerced as usual (`page=2` → 2).
const bodies = ajv(false);
const strings = ajv('array');

/**
 * The validator compiler of the consents routes: wrong JSON types in a body are a 400, never
 * coerced into a valid request.
 */
export const consentsValidatorCompiler: FastifySchemaCompiler<AnySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : strings).compile(schema);
