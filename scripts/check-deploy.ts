/**
 * CI check: the deployment artefacts. Renders the Helm chart with every CI value set
 * (deploy/helm/ponte/ci/*-values.yaml) using the real Helm binary, lints it, validates every
 * rendered manifest against the Kubernetes API schemas with unknown fields rejected
 * (scripts/deploy/schema.ts), checks Ponte's own invariants (scripts/deploy/invariants.ts), and
 * checks that the Dockerfile's Node image is the Node the project pins.
 * No cluster and no Docker engine are involved: see docs/deploy.md for what that leaves out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkInvariants } from './deploy/invariants.ts';
import { helmLint, helmTemplate, type Manifest } from './deploy/render.ts';
import { validateSchemas } from './deploy/schema.ts';
import { findDeployTools } from './deploy/tools.ts';

export const CHART = 'deploy/helm/ponte';

export function valueSets(chart = CHART): { name: string; file: string }[] {
  const dir = path.join(chart, 'ci');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('-values.yaml'))
    .sort()
    .map((f) => ({ name: f.replace(/-values\.yaml$/, ''), file: path.join(dir, f) }));
}

/** The Dockerfile's `node:<version>` tag must be the version of the `node` devDependency. */
export function dockerfileProblems(dockerfile: string, packageJson: string): string[] {
  const pinned = (JSON.parse(packageJson) as { devDependencies?: Record<string, string> }).devDependencies
    ?.node;
  const image = /^ARG NODE_IMAGE=node:(\S+?)-\S+$/m.exec(dockerfile)?.[1];
  const problems: string[] = [];
  if (image !== pinned) problems.push(`Dockerfile: node image ${image} is not the pinned Node ${pinned}`);
  if (!/^RUN npm ci --omit=dev\b/m.test(dockerfile))
    problems.push('Dockerfile: dependencies are not `npm ci --omit=dev`');
  const user = [...dockerfile.matchAll(/^USER (\S+)/gm)].at(-1)?.[1];
  if (!user || /^(0|root)(:|$)/.test(user)) problems.push(`Dockerfile: the image runs as ${user ?? 'root'}`);
  return problems;
}

async function main(): Promise<void> {
  const tools = findDeployTools();
  const problems = dockerfileProblems(
    fs.readFileSync('Dockerfile', 'utf8'),
    fs.readFileSync('package.json', 'utf8'),
  );
  const all: Manifest[] = [];
  for (const set of valueSets()) {
    await helmLint(tools.helm, CHART, [set.file]);
    const manifests = await helmTemplate(tools.helm, CHART, [set.file], set.name);
    const kinds = new Map<string, number>();
    for (const m of manifests) kinds.set(String(m.object.kind), (kinds.get(String(m.object.kind)) ?? 0) + 1);
    console.log(
      `${set.name}: ${manifests.length} manifests (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`,
    );
    problems.push(...checkInvariants(manifests));
    all.push(...manifests);
  }
  problems.push(...(await validateSchemas(tools.models, all)));
  if (problems.length > 0) {
    console.error(`Deployment artefacts have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `deployment manifests valid: ${all.length} manifests, Kubernetes schemas (strict) and Ponte's rules`,
  );
}

if (import.meta.main) await main();
