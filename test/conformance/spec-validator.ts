import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Json = Record<string, unknown>;

/** A live answer, as the test client saw it. */
export interface LiveResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface SpecValidator {
  /** `official`: the OpenAPI files in PONTE_SPECS_DIR; `ponte`: Ponte's own served documents. */
  readonly source: 'official' | 'ponte';
  /**
   * Asserts that `response` is what the spec allows for `method path` in `file`: a declared status
   * (or `default`), the declared content type, a body valid against the response schema ($refs
   * resolved, formats checked), and every required response header present and valid.
   */
  assertResponse(file: string, method: string, specPath: string, response: LiveResponse): void;
}

function newAjv(): Ajv {
  // strict: false ignores OpenAPI-only keywords (example, nullable, x-regulatory-required).
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // DESIGN §6: the specs' `format: url` is checked as an absolute https URL (any host, so the
  // loopback simulator passes); no other check is loosened.
  ajv.addFormat('url', /^https:\/\/[^\s/?#]+[^\s]*$/);
  // Numeric formats written on strings (`amount: {type: string, format: double}`) and int32 on
  // integers are sizes, not string formats: the patterns and types carry the checks.
  for (const name of ['double', 'int32', 'int64', 'integer', 'float']) ajv.addFormat(name, true);
  return ajv;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function mediaType(value: string | string[] | number | undefined): string {
  return (typeof value === 'string' ? value : '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Validates live responses against OpenAPI documents (DESIGN §5). `loadDocument(file)` returns a
 * parsed document: the official YAML from PONTE_SPECS_DIR, or Ponte's own document for the API.
 */
export function createSpecValidator(
  source: 'official' | 'ponte',
  loadDocument: (file: string) => Json,
): SpecValidator {
  const ajv = newAjv();
  const documents = new Map<string, Json>();
  const compiled = new Map<string, ValidateFunction>();

  const documentOf = (file: string): Json => {
    let document = documents.get(file);
    if (document === undefined) {
      document = loadDocument(file);
      ajv.addSchema(document, file);
      documents.set(file, document);
    }
    return document;
  };
  const resolve = (document: Json, value: Json): { node: Json; at: string[] } => {
    let node = value;
    let at: string[] = [];
    while (typeof node.$ref === 'string') {
      at = node.$ref.replace(/^#\//, '').split('/');
      node = at.reduce<Json>((n, key) => n[key] as Json, document);
    }
    return { node, at };
  };
  const validatorAt = (file: string, at: string[]): ValidateFunction => {
    const key = `${file}#/${pointer(...at)}`;
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.getSchema(key);
      assert.ok(validate, `no schema at ${key}`);
      compiled.set(key, validate);
    }
    return validate;
  };

  return {
    source,
    assertResponse(file, method, specPath, response) {
      const document = documentOf(file);
      const paths = document.paths as Record<string, Record<string, Json>>;
      const operation = paths[specPath]?.[method.toLowerCase()];
      assert.ok(operation, `${file}: no ${method} ${specPath}`);
      const label = `${file} ${method.toUpperCase()} ${specPath} → ${response.statusCode}`;
      const responses = operation.responses as Record<string, Json>;
      const status = String(response.statusCode);
      const declared = responses[status] ?? responses.default;
      assert.ok(declared, `${label}: status not declared by the spec`);
      const base = responses[status]
        ? ['paths', specPath, method.toLowerCase(), 'responses', status]
        : ['paths', specPath, method.toLowerCase(), 'responses', 'default'];
      const { node: declaredResponse, at } = resolve(document, declared);
      const where = at.length > 0 ? at : base;

      const content = (declaredResponse.content as Record<string, Json> | undefined) ?? {};
      const types = Object.keys(content);
      if (types.length > 0) {
        const contentType = mediaType(response.headers['content-type']);
        const match = types.find((t) => mediaType(t) === contentType);
        assert.ok(match, `${label}: content-type ${contentType} not among ${types.join(', ')}`);
        const validate = validatorAt(file, [...where, 'content', match, 'schema']);
        const body: unknown = JSON.parse(response.body);
        assert.ok(validate(body), `${label}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
      }

      const headers = (declaredResponse.headers as Record<string, Json> | undefined) ?? {};
      for (const [name, declaredHeader] of Object.entries(headers)) {
        const { node: header, at: headerAt } = resolve(document, declaredHeader);
        const value = response.headers[name.toLowerCase()];
        if (value === undefined) {
          assert.ok(header.required !== true, `${label}: required header ${name} missing`);
          continue;
        }
        if (header.schema === undefined) continue;
        const location = headerAt.length > 0 ? headerAt : [...where, 'headers', name];
        const validate = validatorAt(file, [...location, 'schema']);
        assert.ok(validate(String(value)), `${label}: header ${name}: ${ajv.errorsText(validate.errors)}`);
      }
    },
  };
}

/** The official OpenAPI file, as published (a leading BOM stripped). */
export function officialDocument(dir: string, file: string): Json {
  return parse(readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '')) as Json;
}
