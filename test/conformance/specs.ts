import { existsSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { createSpecValidator, officialDocument, type SpecValidator } from './spec-validator.ts';

/**
 * Which documents the conformance tests check against: the official OpenAPI files when
 * PONTE_SPECS_DIR points at them (CI: ../shared/specs/openapi), otherwise Ponte's own served
 * documents, said loudly, since that only proves Ponte agrees with itself.
 *
 * @example
 *   const specs = await conformanceValidator((api) => app.inject(`/open-banking/${api}/v2/openapi.json`), FILES);
 */
export async function conformanceValidator(
  fetchOwn: (file: string) => Promise<LightMyRequestResponse>,
  files: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<SpecValidator> {
  const dir = env.PONTE_SPECS_DIR;
  if (dir !== undefined && dir !== '' && existsSync(dir)) {
    console.log(`# conformance: responses checked against the official OpenAPI files in ${dir}`);
    return createSpecValidator('official', (file) => officialDocument(dir, file));
  }
  console.log(
    `# WARNING conformance: PONTE_SPECS_DIR ${dir ? `(${dir}) does not exist` : 'is not set'}; ` +
      "responses are checked against Ponte's own OpenAPI documents, NOT the official specs. " +
      'Set PONTE_SPECS_DIR=../shared/specs/openapi to check against them.',
  );
  const own = new Map<string, Record<string, unknown>>();
  for (const file of files) own.set(file, (await fetchOwn(file)).json<Record<string, unknown>>());
  return createSpecValidator('ponte', (file) => {
    const document = own.get(file);
    if (document === undefined) throw new Error(`no document for ${file}`);
    return document;
  });
}
