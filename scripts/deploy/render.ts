/**
 * Renders the Helm chart with `helm template` and splits the output into manifests, each tagged
 * with the value set and the template it came from (Helm's `# Source:` comment).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export interface Manifest {
  /** "<value set> <template path>", for messages. */
  source: string;
  object: K8sObject;
}

export interface K8sObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export async function helmTemplate(
  helm: string,
  chart: string,
  valuesFiles: readonly string[],
  setName: string,
): Promise<Manifest[]> {
  const args = ['template', 'ponte', chart, '--namespace', 'ponte'];
  for (const file of valuesFiles) args.push('--values', file);
  let stdout: string;
  try {
    ({ stdout } = await run(helm, args, { maxBuffer: 32 * 1024 * 1024 }));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`helm template (${setName}) failed: ${stderr.trim()}`, { cause: error });
  }
  return parseManifests(stdout, setName);
}

export async function helmLint(helm: string, chart: string, valuesFiles: readonly string[]): Promise<void> {
  const args = ['lint', '--strict', chart];
  for (const file of valuesFiles) args.push('--values', file);
  try {
    await run(helm, args);
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`helm lint failed: ${out.trim()}`, { cause: error });
  }
}

/**
 * Splits a multi-document YAML stream; YAML errors and non-object documents are errors. Read as
 * YAML 1.1, as Kubernetes reads it (`defaultMode: 0400` is octal there).
 */
export function parseManifests(text: string, setName: string): Manifest[] {
  const manifests: Manifest[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: true, version: '1.1' })) {
    // Helm writes "# Source: <template>" right after each "---": the document's or its first node's comment.
    const comment = `${doc.commentBefore ?? ''}\n${(doc.contents as { commentBefore?: string } | null)?.commentBefore ?? ''}`;
    const source = `${setName} ${/Source: (\S+)/.exec(comment)?.[1] ?? '(unknown template)'}`;
    if (doc.errors.length > 0) throw new Error(`${source}: invalid YAML: ${doc.errors[0]!.message}`);
    const object: unknown = doc.toJS();
    if (object === null || object === undefined) continue;
    if (typeof object !== 'object' || Array.isArray(object)) throw new Error(`${source}: not an object`);
    manifests.push({ source, object: object as K8sObject });
  }
  return manifests;
}

export function describe(manifest: Manifest): string {
  const { kind, metadata } = manifest.object;
  return `${manifest.source} ${String(kind)}/${String(metadata?.name)}`;
}
