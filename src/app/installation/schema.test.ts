import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { INSTALLATION_SCHEMA_FILE, installationJsonSchema } from '../../../scripts/installation-schema.ts';
import { interpolate, schemaProblems } from './read.ts';

const EXAMPLE = new URL('../../../examples/installation/ponte.yaml', import.meta.url);

/** Every variable the example names, with a stand-in value (Ponte validates after interpolation). */
const ENV = {
  CORE_API_TOKEN: 'core-token',
  LOGIN_API_TOKEN: 'login-token',
  PONTE_INTERNAL_API_KEY: 'k'.repeat(43),
};

async function example(): Promise<Record<string, unknown>> {
  const problems: string[] = [];
  const document = interpolate(parseYaml(await fs.readFile(EXAMPLE, 'utf8')), ENV, problems);
  assert.deepEqual(problems, [], 'the example names only the variables of ENV');
  return document as Record<string, unknown>;
}

async function publishedValidator() {
  const published = JSON.parse(await fs.readFile(INSTALLATION_SCHEMA_FILE, 'utf8')) as object;
  // strict mode on: an unknown keyword in the published file would make ajv refuse to compile it.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  return ajv.compile(published);
}

type Edit = (document: Record<string, unknown>, brand: Record<string, unknown>) => void;

async function edited(edit: Edit): Promise<Record<string, unknown>> {
  const document = await example();
  edit(document, (document.brands as Array<Record<string, unknown>>)[0]!);
  return document;
}

describe('docs/installation.schema.json', () => {
  it('is what InstallationSchema generates (run `npm run docs:installation-schema` after a change)', async () => {
    const committed = await fs.readFile(INSTALLATION_SCHEMA_FILE, 'utf8');
    assert.equal(
      committed,
      installationJsonSchema(),
      'docs/installation.schema.json is stale: run `npm run docs:installation-schema` and commit it',
    );
  });

  it('declares draft 2020-12 and its id', async () => {
    const published = JSON.parse(await fs.readFile(INSTALLATION_SCHEMA_FILE, 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(published.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(published.$id, 'https://ponte.dev/schemas/installation.schema.json');
  });

  it('accepts the example installation (examples/installation/ponte.yaml)', async () => {
    const validate = await publishedValidator();
    const document = await example();
    assert.ok(validate(document), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(schemaProblems(document), [], "Ponte's own validator agrees");
  });

  const invalid: Array<
    [string, Edit, (error: { keyword: string; instancePath: string; params: object }) => boolean]
  > = [
    [
      'an unknown field',
      (_d, brand) => (brand.colour = 'blue'),
      (e) => e.keyword === 'additionalProperties' && e.instancePath === '/brands/0',
    ],
    [
      'a malformed CNPJ',
      (_d, brand) => (brand.cnpj = '27.364.519/0001-05'),
      (e) => e.keyword === 'pattern' && e.instancePath === '/brands/0/cnpj',
    ],
    [
      'a missing directory',
      (document) => delete document.directory,
      (e) =>
        e.keyword === 'required' &&
        (e.params as { missingProperty?: string }).missingProperty === 'directory',
    ],
  ];
  for (const [what, edit, expected] of invalid) {
    it(`refuses ${what}, as Ponte does`, async () => {
      const validate = await publishedValidator();
      const document = await edited(edit);
      assert.equal(validate(document), false);
      assert.ok(validate.errors?.some(expected), JSON.stringify(validate.errors, null, 2));
      assert.notDeepEqual(schemaProblems(document), [], "Ponte's own validator refuses it too");
    });
  }
});
