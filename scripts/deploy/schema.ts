/**
 * Validates manifests against the Kubernetes API schemas, strictly, as `kubectl --validate=strict`
 * and kubeconform `-strict` do:
 * 1. `kubernetes-models`' validators (ajv, compiled from the Kubernetes OpenAPI document): types,
 *    required fields, enums and formats. Like the OpenAPI document itself they let unknown fields
 *    through, so
 * 2. every manifest is also type-checked by the TypeScript compiler as an object literal of the
 *    same package's generated interface (`IDeployment` ...): a literal's excess property is an
 *    error there, at any depth. A field the API does not know is a typo the API server would drop
 *    silently (or refuse, with `kubectl --validate=strict`).
 * A kind without a schema is an error too, never skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, type Manifest } from './render.ts';

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** The module of a kind in kubernetes-models: "<apiVersion>/<Kind>.js" (core group: "v1/Service.js"). */
function modelFile(models: string, manifest: Manifest): string | undefined {
  const { apiVersion, kind } = manifest.object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z]+$/.test(kind))
    return undefined;
  if (!/^[a-z0-9.-]+(\/[a-z0-9]+)?$/.test(apiVersion)) return undefined;
  const file = path.join(models, apiVersion, `${kind}.js`);
  return fs.existsSync(file) ? file : undefined;
}

export async function validateSchemas(models: string, manifests: readonly Manifest[]): Promise<string[]> {
  const problems: string[] = [];
  const typed: { manifest: Manifest; file: string }[] = [];
  for (const manifest of manifests) {
    const file = modelFile(models, manifest);
    if (file === undefined) {
      problems.push(`${describe(manifest)}: no Kubernetes schema for this apiVersion and kind`);
      continue;
    }
    const module = (await import(pathToFileURL(file).href)) as Record<string, ModelClass | undefined>;
    const Model = module[String(manifest.object.kind)];
    if (Model === undefined) throw new Error(`${file} exports no ${String(manifest.object.kind)}`);
    try {
      new Model(manifest.object).validate();
    } catch (error) {
      const errors = (error as { errors?: { instancePath: string; message?: string }[] }).errors;
      const details = errors?.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) ?? [String(error)];
      for (const detail of details) problems.push(`${describe(manifest)}: ${detail}`);
    }
    typed.push({ manifest, file });
  }
  problems.push(...checkKnownFields(typed));
  return problems;
}

/** Writes one TypeScript literal per manifest, typed with its kind's interface, and compiles it. */
function checkKnownFields(typed: readonly { manifest: Manifest; file: string }[]): string[] {
  if (typed.length === 0) return [];
  const lines: string[] = [];
  const where: string[] = []; // per line: "<manifest> <json path>"
  typed.forEach(({ manifest, file }, i) => {
    const kind = String(manifest.object.kind);
    lines.push(`import type { I${kind} as T${i} } from ${JSON.stringify(file)};`);
    where.push('');
  });
  typed.forEach(({ manifest }, i) => {
    emitLiteral(
      withoutNulls(manifest.object),
      '',
      '',
      `export const m${i}: T${i} = `,
      ';',
      lines,
      where,
      describe(manifest),
    );
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-manifests-'));
  try {
    const source = path.join(dir, 'manifests.mts');
    fs.writeFileSync(source, lines.join('\n'));
    const program = ts.createProgram([source], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      if (d.file?.fileName !== source || d.start === undefined) return `type check: ${message}`;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${where[line] ?? '?'}: ${message}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The API server treats an explicit null as an absent optional field; so does this check. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** One property or element per line, so a compiler error's line names the field's path. */
function emitLiteral(
  value: unknown,
  jsonPath: string,
  indent: string,
  prefix: string,
  suffix: string,
  lines: string[],
  where: string[],
  name: string,
): void {
  const push = (text: string) => {
    lines.push(text);
    where.push(`${name} ${jsonPath || '/'}`);
  };
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    push(`${prefix}[`);
    value.forEach((v, i) =>
      emitLiteral(v, `${jsonPath}/${i}`, inner, inner, i < value.length - 1 ? ',' : '', lines, where, name),
    );
    push(`${indent}]${suffix}`);
  } else if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
    push(`${prefix}{`);
    const entries = Object.entries(value);
    entries.forEach(([k, v], i) =>
      emitLiteral(
        v,
        `${jsonPath}/${k}`,
        inner,
        `${inner}${JSON.stringify(k)}: `,
        i < entries.length - 1 ? ',' : '',
        lines,
        where,
        name,
      ),
    );
    push(`${indent}}${suffix}`);
  } else {
    push(`${prefix}${JSON.stringify(value)}${suffix}`);
  }
}
