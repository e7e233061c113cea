/**
 * `npm run docs:installation-schema`: writes docs/installation.schema.json from InstallationSchema
 * (src/app/installation/schema.ts). TypeBox schemas are JSON Schema objects, so the published file
 * is the schema Ponte validates with, plus its draft and id. `schema.test.ts` fails when the
 * committed file differs from what this generates.
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InstallationSchema } from '../src/app/installation/schema.ts';

export const INSTALLATION_SCHEMA_FILE = fileURLToPath(
  new URL('../docs/installation.schema.json', import.meta.url),
);

/** The published JSON Schema, as text (2-space indent, trailing newline). */
export function installationJsonSchema(): string {
  const published = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://ponte.dev/schemas/installation.schema.json',
    ...InstallationSchema,
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

if (import.meta.main) {
  await fs.writeFile(INSTALLATION_SCHEMA_FILE, installationJsonSchema());
  console.log(`wrote ${INSTALLATION_SCHEMA_FILE}`);
}
