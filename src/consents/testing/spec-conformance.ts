import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Schemas of consents.yaml 3.3.1 (components.schemas) the tests check responses against. */
export type SpecSchemaName =
  | 'ResponseConsent'
  | 'ResponseConsentRead'
  | 'ResponseConsentExtensions'
  | 'ResponseConsentReadExtensions'
  | 'ResponseError'
  | 'ResponseErrorUnprocessableEntity'
  | 'ResponseErrorUnprocessableEntityDelete'
  | '422ResponseErrorCreateConsent';

export interface ConformanceChecker {
  /** Where responses are checked: the official file, or (without it) our own schemas. */
  readonly source: 'official' | 'own';
  /** Asserts `body` is valid; `own` is the route's TypeBox response schema, used without the spec. */
  assertValid(body: unknown, name: SpecSchemaName, own: AnySchema): void;
}

function newAjv(): Ajv {
  // strict: false ignores OpenAPI-only keywords (example, x-regulatory-required).
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // DESIGN §6: the specs' `format: url` is checked as an absolute https URL (any host, loopback
  // included, since the simulator lives there); no other check is loosened.
  ajv.addFormat('url', /^https:\/\/[^\s/?#]+[^\s]*$/);
  return ajv;
}

/**
 * Conformance of responses (DESIGN §5): with `PONTE_SPECS_DIR` pointing at the official OpenAPI
 * folder, bodies are validated against its `consents.yaml`; without it, against the routes' own
 * schemas, and the checker says so once (`note`) so the weaker check is visible in the output.
 */
export function createConformanceChecker(
  note: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): ConformanceChecker {
  const ajv = newAjv();
  const dir = env.PONTE_SPECS_DIR;
  if (dir === undefined || dir === '') {
    note("PONTE_SPECS_DIR not set: responses checked against the module's own schemas, not consents.yaml");
    const compiled = new Map<AnySchema, ValidateFunction>();
    return {
      source: 'own',
      assertValid(body, name, own) {
        let validate = compiled.get(own);
        if (validate === undefined) {
          validate = ajv.compile(own);
          compiled.set(own, validate);
        }
        if (!validate(body)) throw new Error(`${name} (own schema): ${ajv.errorsText(validate.errors)}`);
      },
    };
  }
  const file = path.join(dir, 'consents.yaml');
  const document = parse(readFileSync(file, 'utf8')) as object;
  note(`responses checked against ${file}`);
  ajv.addSchema(document, 'consents.yaml');
  return {
    source: 'official',
    assertValid(body, name) {
      const validate = ajv.getSchema(`consents.yaml#/components/schemas/${name}`);
      if (validate === undefined) throw new Error(`consents.yaml has no schema ${name}`);
      if (!validate(body)) throw new Error(`${name} (consents.yaml): ${ajv.errorsText(validate.errors)}`);
    },
  };
}
