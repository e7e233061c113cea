/**
 * The deployment check must catch what it claims to: each case breaks one rendered manifest (or
 * the values) the way a careless edit would and expects the check to say so. Runs the real Helm
 * binary and the Kubernetes schemas; CI runs it in the "deployment manifests render and validate"
 * step (`node --test scripts/check-deploy.test.ts`).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CHART, dockerfileProblems, valueSets } from './check-deploy.ts';
import { checkInvariants } from './deploy/invariants.ts';
import { helmTemplate, type Manifest } from './deploy/render.ts';
import { validateSchemas } from './deploy/schema.ts';
import { findDeployTools, type DeployTools } from './deploy/tools.ts';

let tools: DeployTools;
let allRoles: Manifest[];

before(async () => {
  tools = findDeployTools();
  const set = valueSets().find((s) => s.name === 'all-roles')!;
  allRoles = await helmTemplate(tools.helm, CHART, [set.file], set.name);
});

/** A deep copy of the rendered set with one manifest changed by `edit`. */
function broken(kind: string, name: string, edit: (object: Obj) => void): Manifest[] {
  const copy = structuredClone(allRoles);
  const target = copy.find((m) => m.object.kind === kind && m.object.metadata?.name === name);
  assert.ok(target, `${kind}/${name} is rendered`);
  edit(target.object);
  return copy;
}

type Obj = Record<string, unknown>;

/** The object at a path of keys inside a rendered manifest, to edit it. */
function at(object: Obj, ...keys: (string | number)[]): Obj {
  let node: unknown = object;
  for (const key of keys) node = (node as Record<string | number, unknown>)[key];
  assert.ok(node !== null && typeof node === 'object', `${keys.join('.')} exists`);
  return node as Obj;
}

const mainContainer = (d: Obj) => at(d, 'spec', 'template', 'spec', 'containers', 0);

async function renderWith(extra: string): Promise<Manifest[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-values-'));
  try {
    const file = path.join(dir, 'extra-values.yaml');
    fs.writeFileSync(file, extra);
    const base = valueSets().find((s) => s.name === 'gateway')!;
    return await helmTemplate(tools.helm, CHART, [base.file, file], 'test');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('deployment check', () => {
  it('finds every CI value set of the chart valid', async () => {
    const all: Manifest[] = [];
    for (const set of valueSets()) all.push(...(await helmTemplate(tools.helm, CHART, [set.file], set.name)));
    assert.ok(all.some((m) => m.object.kind === 'Ingress'));
    assert.deepEqual(checkInvariants(all), []);
    assert.deepEqual(await validateSchemas(tools.models, all), []);
  });

  it('rejects a field the Kubernetes API does not know, naming its path', async () => {
    const manifests = broken('Deployment', 'ponte-holder', (d) => {
      mainContainer(d).imagePullPolicyy = 'Always';
    });
    const problems = await validateSchemas(tools.models, manifests);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0]!,
      /Deployment\/ponte-holder \/spec\/template\/spec\/containers\/0\/imagePullPolicyy/,
    );
    assert.match(problems[0]!, /imagePullPolicyy/);
  });

  it('rejects a value of the wrong type and a missing required field', async () => {
    const manifests = broken('Service', 'ponte-authz', (s) => {
      at(s, 'spec', 'ports', 0).port = '8080';
      delete at(s, 'spec', 'ports', 1).port;
    });
    const problems = (await validateSchemas(tools.models, manifests)).join('\n');
    assert.match(problems, /Service\/ponte-authz: \/spec\/ports\/0\/port must be integer/);
    assert.match(problems, /Service\/ponte-authz: \/spec\/ports\/1 must have required property '?port'?/);
  });

  it('rejects a kind or apiVersion without a schema instead of skipping it', async () => {
    const manifests = broken('HorizontalPodAutoscaler', 'ponte-authz', (h) => {
      h.apiVersion = 'autoscaling/v3';
    });
    const problems = await validateSchemas(tools.models, manifests);
    assert.deepEqual(problems, [
      'all-roles ponte/templates/hpa.yaml HorizontalPodAutoscaler/ponte-authz: no Kubernetes schema for this apiVersion and kind',
    ]);
  });

  it('rejects a Deployment without its readiness probe, on another port, or running as root', () => {
    const manifests = broken('Deployment', 'ponte-payments', (d) => {
      delete mainContainer(d).readinessProbe;
      at(mainContainer(d), 'livenessProbe', 'httpGet').port = 'mtls';
      at(d, 'spec', 'template', 'spec', 'securityContext').runAsUser = 0;
    });
    const problems = checkInvariants(manifests).join('\n');
    assert.match(problems, /Deployment\/ponte-payments: readinessProbe must GET \/health\/ready/);
    assert.match(
      problems,
      /Deployment\/ponte-payments: livenessProbe must target the operator port 8080, not mtls/,
    );
    assert.match(problems, /Deployment\/ponte-payments: container ponte: runAsUser must be a non-zero uid/);
  });

  it('rejects a role `ponte start` does not know and an installation file that is not YAML', () => {
    const manifests = broken('Deployment', 'ponte-jobs', (d) => {
      mainContainer(d).args = ['start', '--roles', 'jobs,admin'];
    });
    const configMap = manifests.find((m) => m.object.kind === 'ConfigMap')!;
    (configMap.object.data as Record<string, string>)['ponte.yaml'] = 'brands: [unclosed\n';
    const problems = checkInvariants(manifests).join('\n');
    assert.match(problems, /Deployment\/ponte-jobs: unknown role "admin"/);
    assert.match(problems, /ConfigMap\/ponte-installation: ponte.yaml is not valid YAML/);
  });

  it('rejects a Service whose port names no container port and an mTLS Ingress that verifies nothing', async () => {
    const gateway = await renderWith('{}');
    const ingress = gateway.find(
      (m) => m.object.kind === 'Ingress' && m.object.metadata?.name === 'ponte-mtls',
    )!;
    delete ingress.object.metadata!.annotations!['nginx.ingress.kubernetes.io/auth-tls-verify-client'];
    const service = gateway.find(
      (m) => m.object.kind === 'Service' && m.object.metadata?.name === 'ponte-receiver',
    )!;
    (service.object.spec as { ports: { targetPort: string }[] }).ports[1]!.targetPort = 'recever';
    const problems = checkInvariants(gateway).join('\n');
    assert.match(problems, /Ingress\/ponte-mtls: forwards client certificates without requiring them/);
    assert.match(problems, /Service\/ponte-receiver: targetPort recever is no container port/);
  });

  it('refuses to render an unknown role, or the mTLS port behind the public host', async () => {
    await assert.rejects(renderWith('roles:\n  admin: { enabled: true }\n'), /roles\.admin: unknown role/);
    await assert.rejects(
      renderWith('ingress:\n  public:\n    paths:\n      - { path: /auth, role: authz, port: mtls }\n'),
      /the mtls port is reachable only through ingress\.mtls/,
    );
  });

  it('rejects a Dockerfile whose Node is not the pinned one or that runs as root', () => {
    const pkg = JSON.stringify({ devDependencies: { node: '24.21.0' } });
    const good = fs
      .readFileSync('Dockerfile', 'utf8')
      .replace(/^ARG NODE_IMAGE=node:[\w.]+-/m, 'ARG NODE_IMAGE=node:24.21.0-');
    assert.deepEqual(dockerfileProblems(good, pkg), []);
    const older = good.replace('ARG NODE_IMAGE=node:24.21.0-', 'ARG NODE_IMAGE=node:22.1.0-');
    assert.match(
      dockerfileProblems(older, pkg).join(),
      /node image 22\.1\.0 is not the pinned Node 24\.21\.0/,
    );
    assert.match(
      dockerfileProblems(good.replace('USER 10001:10001', 'USER root'), pkg).join(),
      /runs as root/,
    );
  });
});
