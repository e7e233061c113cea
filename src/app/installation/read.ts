import fs from 'node:fs/promises';
import path from 'node:path';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { ConfigError, type Env } from '../../platform/config/index.ts';
import { InstallationSchema, type InstallationFile } from './schema.ts';

/** `${NAME}` (and `$${…}` for a literal `${…}`), the only interpolation the file knows. */
const VARIABLE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${ENV_VAR}` in every string of the parsed document (keys stay as written), so secrets
 * live in the environment (a Kubernetes Secret, a vault agent), never in the file. A missing
 * variable is a problem reported with the others, naming where it is used.
 */
export function interpolate(value: unknown, env: Env, problems: string[], at = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (match, escaped: string, name: string) => {
      if (escaped) return match.slice(1);
      const found = env[name];
      if (found === undefined) {
        problems.push(`${at || '/'}: environment variable ${name} is not set`);
        return '';
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, problems, `${at}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolate(item, env, problems, `${at}/${key}`)]),
    );
  }
  return value;
}

/** Every schema problem, one line each, with the path in the file (`/brands/0/cnpj: …`). */
export function schemaProblems(document: unknown): string[] {
  const problems: string[] = [];
  for (const error of Value.Errors(InstallationSchema, document)) {
    // TypeBox reports an unknown property twice (the property, then its parent): keep the clearer one.
    if (error.message === 'schema is false') continue;
    const where = error.instancePath || '/';
    const extra =
      error.keyword === 'additionalProperties'
        ? `: unknown field ${String((error.params as { additionalProperties?: string[] }).additionalProperties?.join(', '))}`
        : error.keyword === 'required'
          ? `: missing ${String((error.params as { requiredProperties?: string[] }).requiredProperties?.join(', '))}`
          : '';
    problems.push(`${where}: ${error.message}${extra}`);
  }
  return [...new Set(problems)];
}

/** The validated document and the folder its relative paths are resolved from. */
export interface InstallationSource {
  file: InstallationFile;
  baseDir: string;
  /** Where it came from, for messages. */
  origin: string;
}

/**
 * Reads, interpolates and validates an installation file. Every problem is reported at once as
 * a ConfigError (the CLI exits 78).
 */
export async function readInstallationFile(file: string, env: Env): Promise<InstallationSource> {
  const origin = path.resolve(file);
  let text: string;
  try {
    text = await fs.readFile(origin, 'utf8');
  } catch (error) {
    throw new ConfigError([
      `installation file ${origin}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    ]);
  }
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError([`installation file ${origin}: not valid YAML: ${(error as Error).message}`]);
  }
  return validateInstallation(document, env, path.dirname(origin), origin);
}

/** The same checks for a document built in memory (the simulator's installation). */
export function validateInstallation(
  document: unknown,
  env: Env,
  baseDir: string,
  origin: string,
): InstallationSource {
  const problems: string[] = [];
  const interpolated = interpolate(document, env, problems);
  problems.push(...schemaProblems(interpolated));
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${origin}: ${p}`));
  return { file: interpolated as InstallationFile, baseDir, origin };
}
