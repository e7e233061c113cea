/**
 * What Ponte needs of its manifests beyond the Kubernetes schemas: unprivileged containers on a
 * read-only root, both probes on the operator listener's /health/*, only roles `ponte start
 * --roles` knows, an installation file that is YAML, secrets from Secrets, and Services and
 * Ingresses that point at something the same release renders.
 */
import path from 'node:path';
import { parse } from 'yaml';
import { describe, type Manifest } from './render.ts';

/** The roles of `ponte start --roles` (the process contract; see docs/deploy.md). */
export const KNOWN_ROLES = ['authz', 'holder', 'payments', 'receiver', 'jobs', 'operator'] as const;

interface Container {
  name?: string;
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: unknown } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
  securityContext?: SecurityContext;
}
interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { drop?: string[] };
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  securityContext?: SecurityContext;
  volumes?: { name: string; configMap?: { name: string } }[];
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: PodSpec;
}

const podTemplate = (m: Manifest) => (m.object.spec as { template?: PodTemplate } | undefined)?.template;
const ofKind = (manifests: readonly Manifest[], kind: string) =>
  manifests.filter((m) => m.object.kind === kind);

export function checkInvariants(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const fail = (m: Manifest, why: string) => problems.push(`${describe(m)}: ${why}`);
  const configMaps = new Map(
    ofKind(manifests, 'ConfigMap').map((m) => [
      String(m.object.metadata?.name),
      m.object.data as Record<string, string>,
    ]),
  );

  for (const m of [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'Job')]) {
    const pod = podTemplate(m)?.spec;
    if (!pod) {
      fail(m, 'no pod template');
      continue;
    }
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      for (const why of unprivileged(pod.securityContext, c.securityContext))
        fail(m, `container ${c.name}: ${why}`);
      const database = c.env?.find((e) => e.name === 'DATABASE_URL');
      if (database && !database.valueFrom?.secretKeyRef)
        fail(m, `container ${c.name}: DATABASE_URL not from a Secret`);
    }
  }

  for (const m of ofKind(manifests, 'Deployment')) {
    const template = podTemplate(m);
    const main = template?.spec?.containers?.find((c) => c.args?.[0] === 'start');
    if (!main) {
      fail(m, 'no container runs `start`');
      continue;
    }
    const roles = main.args?.[1] === '--roles' && main.args.length === 3 ? main.args[2]!.split(',') : [];
    if (roles.length === 0)
      fail(m, `args must be ["start", "--roles", <role>]: ${JSON.stringify(main.args)}`);
    for (const role of roles) {
      if (!(KNOWN_ROLES as readonly string[]).includes(role)) fail(m, `unknown role "${role}"`);
    }
    const env = new Map(main.env?.map((e) => [e.name, e.value]));
    const operatorPort = Number(env.get('PONTE_HTTP_PORT') ?? 8080);
    if (env.get('PONTE_HTTP_HOST') !== '0.0.0.0')
      fail(m, 'PONTE_HTTP_HOST must be 0.0.0.0 (probes come from the kubelet)');
    if (env.get('PONTE_SIM') !== 'false') fail(m, 'PONTE_SIM must be "false" in a cluster');
    for (const [probe, wanted] of [
      ['livenessProbe', '/health/live'],
      ['readinessProbe', '/health/ready'],
    ] as const) {
      const get = main[probe]?.httpGet;
      if (get?.path !== wanted) {
        fail(m, `${probe} must GET ${wanted}, not ${JSON.stringify(get?.path)}`);
        continue;
      }
      const port =
        typeof get.port === 'number' ? get.port : main.ports?.find((p) => p.name === get.port)?.containerPort;
      if (port !== operatorPort)
        fail(m, `${probe} must target the operator port ${operatorPort}, not ${String(get.port)}`);
    }
    problems.push(...installationFile(m, main, template?.spec, configMaps));
  }

  for (const m of ofKind(manifests, 'ConfigMap')) {
    for (const [key, text] of Object.entries((m.object.data as Record<string, string> | undefined) ?? {})) {
      if (!/\.ya?ml$/.test(key)) continue;
      try {
        const value: unknown = parse(text, { uniqueKeys: true });
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          fail(m, `${key} is not a YAML mapping`);
      } catch (error) {
        fail(m, `${key} is not valid YAML: ${(error as Error).message}`);
      }
    }
  }

  problems.push(...references(manifests));
  return problems;
}

/** PONTE_CONFIG must name a file of a mounted ConfigMap (and the key, when the release renders it). */
function installationFile(
  m: Manifest,
  main: Container,
  pod: PodSpec | undefined,
  configMaps: Map<string, Record<string, string>>,
): string[] {
  const config = main.env?.find((e) => e.name === 'PONTE_CONFIG')?.value;
  if (!config) return [`${describe(m)}: PONTE_CONFIG is not set`];
  const mount = main.volumeMounts?.find((v) => v.mountPath === path.posix.dirname(config));
  const volume = pod?.volumes?.find((v) => v.name === mount?.name)?.configMap;
  if (!volume) return [`${describe(m)}: PONTE_CONFIG ${config} is not in a mounted ConfigMap`];
  const data = configMaps.get(volume.name);
  if (data && !(path.posix.basename(config) in data)) {
    return [`${describe(m)}: ConfigMap ${volume.name} has no ${path.posix.basename(config)}`];
  }
  return [];
}

function unprivileged(pod: SecurityContext | undefined, c: SecurityContext | undefined): string[] {
  const why: string[] = [];
  if ((c?.runAsNonRoot ?? pod?.runAsNonRoot) !== true) why.push('runAsNonRoot is not true');
  const uid = c?.runAsUser ?? pod?.runAsUser;
  if (uid === undefined || uid === 0) why.push('runAsUser must be a non-zero uid');
  if (c?.readOnlyRootFilesystem !== true) why.push('readOnlyRootFilesystem is not true');
  if (c?.allowPrivilegeEscalation !== false) why.push('allowPrivilegeEscalation is not false');
  if (!c?.capabilities?.drop?.includes('ALL')) why.push('capabilities do not drop ALL');
  return why;
}

/** Services select a Deployment's pods and name its ports; Ingresses name a Service's ports. */
function references(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const deployments = ofKind(manifests, 'Deployment');
  const servicePorts = new Map<string, string[]>();
  for (const m of ofKind(manifests, 'Service')) {
    const spec = m.object.spec as {
      selector?: Record<string, string>;
      ports?: { name?: string; targetPort?: unknown }[];
    };
    const selected = deployments.find((d) => {
      const labels = podTemplate(d)?.metadata?.labels ?? {};
      return Object.entries(spec.selector ?? {}).every(([k, v]) => labels[k] === v);
    });
    if (!selected || !spec.selector) {
      problems.push(`${describe(m)}: selects no Deployment of the release`);
      continue;
    }
    const names =
      podTemplate(selected)?.spec?.containers?.flatMap((c) => c.ports?.map((p) => p.name) ?? []) ?? [];
    for (const port of spec.ports ?? []) {
      if (typeof port.targetPort === 'string' && !names.includes(port.targetPort)) {
        problems.push(
          `${describe(m)}: targetPort ${port.targetPort} is no container port of ${describe(selected)}`,
        );
      }
    }
    servicePorts.set(
      String(m.object.metadata?.name),
      (spec.ports ?? []).map((p) => String(p.name)),
    );
  }
  for (const m of ofKind(manifests, 'Ingress')) {
    const annotations = m.object.metadata?.annotations ?? {};
    if (annotations['nginx.ingress.kubernetes.io/auth-tls-pass-certificate-to-upstream'] === 'true') {
      if (annotations['nginx.ingress.kubernetes.io/auth-tls-verify-client'] !== 'on') {
        problems.push(
          `${describe(m)}: forwards client certificates without requiring them (auth-tls-verify-client)`,
        );
      }
      if (!annotations['nginx.ingress.kubernetes.io/auth-tls-secret']) {
        problems.push(
          `${describe(m)}: forwards client certificates without a CA to verify them (auth-tls-secret)`,
        );
      }
    }
    const rules = (m.object.spec as { rules?: { http?: { paths?: { backend?: unknown }[] } }[] }).rules ?? [];
    for (const p of rules.flatMap((r) => r.http?.paths ?? [])) {
      const service = (p.backend as { service?: { name: string; port?: { name?: string } } }).service;
      const ports = service ? servicePorts.get(service.name) : undefined;
      if (!ports || !ports.includes(String(service?.port?.name))) {
        problems.push(
          `${describe(m)}: backend ${service?.name}:${service?.port?.name} is no Service port of the release`,
        );
      }
    }
  }
  return problems;
}
