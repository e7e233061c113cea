import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomerAuthConfig } from '../../authz/index.ts';
import { OPEN_FINANCE_DIRECTORY, SSA_ISSUERS, type DirectoryUrls } from '../../directory/index.ts';
import { ConfigError } from '../../platform/config/index.ts';
import { isValidCnpj } from '../../platform/documents/index.ts';
import type { BrandFile, CustomerAuthFile, InstallationFile, ReceiverFile } from './schema.ts';
import type { InstallationSource } from './read.ts';
import { limitProblems, type TrafficLimits } from './limits.ts';

export const DIRECTORY_PRESETS = ['sandbox', 'production'] as const;

/** PEM material of a certificate and its key, checked to belong together. */
export interface KeyPair {
  certificatePem: string;
  keyPem: string;
}

export interface ResolvedBrand {
  file: BrandFile;
  id: string;
  name: string;
  legalName: string;
  issuer: string;
  urnNamespace: string;
  host: string;
  transport: KeyPair;
  signing: KeyPair;
  /** CA bundle participants' client certificates must chain to. */
  clientCa: string;
  limits: TrafficLimits;
  customerAuthentication: CustomerAuthConfig;
  theme: { primaryColor: string; logoSvg?: string };
  connector: { module: string; options: Record<string, unknown> };
}

export interface ResolvedReceiver {
  file: ReceiverFile;
  host: string;
  transport: KeyPair;
  signing: KeyPair;
  encryptionKeyPem: string;
  server: KeyPair;
}

/** An installation with every file read and every cross-field rule checked. */
export interface Installation {
  origin: string;
  baseDir: string;
  directory: { urls: DirectoryUrls; ssaIssuer: string; ca: string | undefined; allowLoopback: boolean };
  listeners: {
    operator: { host: string | undefined; port: number | undefined };
    mode: 'tls' | 'gateway';
    gateway: { clientCertificateHeader: string; trustedProxies: string[] } | undefined;
  };
  brands: ResolvedBrand[];
  receivers: ResolvedReceiver[];
}

/** Collects problems instead of throwing, so one run reports them all. */
class Problems {
  readonly list: string[] = [];
  readonly baseDir: string;
  constructor(baseDir: string) {
    this.baseDir = baseDir;
  }

  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }

  async read(where: string, file: string): Promise<string | undefined> {
    const absolute = path.resolve(this.baseDir, file);
    try {
      return await fs.readFile(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'missing' : code === 'EACCES' ? 'unreadable (permission denied)' : code;
      this.add(where, `${absolute} is ${why ?? 'unreadable'}`);
      return undefined;
    }
  }

  async pair(
    where: string,
    files: { certificateFile: string; keyFile: string },
  ): Promise<KeyPair | undefined> {
    const certificatePem = await this.read(`${where}.certificateFile`, files.certificateFile);
    const keyPem = await this.read(`${where}.keyFile`, files.keyFile);
    if (certificatePem === undefined || keyPem === undefined) return undefined;
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(certificatePem);
    } catch {
      this.add(`${where}.certificateFile`, `${files.certificateFile} is not a PEM certificate`);
      return undefined;
    }
    let publicFromKey: Buffer;
    try {
      publicFromKey = createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
    } catch {
      this.add(`${where}.keyFile`, `${files.keyFile} is not a PEM private key`);
      return undefined;
    }
    if (!publicFromKey.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))) {
      this.add(where, `the key ${files.keyFile} does not match the certificate ${files.certificateFile}`);
      return undefined;
    }
    if (new Date(certificate.validTo).getTime() < Date.now()) {
      this.add(`${where}.certificateFile`, `${files.certificateFile} expired on ${certificate.validTo}`);
    }
    return { certificatePem, keyPem };
  }
}

function directoryOf(file: InstallationFile, problems: Problems) {
  const d = file.directory;
  const preset = d.preset;
  if (preset !== undefined && !(DIRECTORY_PRESETS as readonly string[]).includes(preset)) {
    problems.add('/directory/preset', `unknown preset "${preset}" (known: ${DIRECTORY_PRESETS.join(', ')})`);
  }
  const base = preset === 'sandbox' || preset === 'production' ? OPEN_FINANCE_DIRECTORY[preset] : undefined;
  const pick = (field: string, own: string | undefined, fallback: string | undefined) => {
    const value = own ?? fallback;
    if (value === undefined) problems.add(`/directory/${field}`, 'required when no preset is given');
    return value ?? '';
  };
  const urls: DirectoryUrls = {
    participants: pick('participantsUrl', d.participantsUrl, base?.participants),
    keystore: pick('keystoreUrl', d.keystoreUrl, base?.keystore),
    keystoreJwks: pick('keystoreJwksUrl', d.keystoreJwksUrl, base?.keystoreJwks),
    token: pick('tokenUrl', d.tokenUrl, base?.token),
    api: pick('apiUrl', d.apiUrl, base?.api),
  };
  const ssaIssuer = pick(
    'ssaIssuer',
    d.ssaIssuer,
    preset === 'sandbox' || preset === 'production' ? SSA_ISSUERS[preset] : undefined,
  );
  return { urls, ssaIssuer };
}

async function resolveBrand(
  brand: BrandFile,
  i: number,
  problems: Problems,
  directoryCa: string | undefined,
): Promise<ResolvedBrand | undefined> {
  const at = `/brands/${i}`;
  if (!isValidCnpj(brand.cnpj))
    problems.add(`${at}/cnpj`, `${brand.cnpj} is not a valid CNPJ (check digits)`);
  const transport = await problems.pair(`${at}/certificates/transport`, brand.certificates.transport);
  const signing = await problems.pair(`${at}/certificates/signing`, brand.certificates.signing);
  const clientCa = brand.certificates.clientCaFile
    ? await problems.read(`${at}/certificates/clientCaFile`, brand.certificates.clientCaFile)
    : directoryCa;
  if (clientCa === undefined && !brand.certificates.clientCaFile) {
    problems.add(`${at}/certificates/clientCaFile`, 'required when the directory has no caFile');
  }
  const logoSvg = brand.theme?.logoFile
    ? await problems.read(`${at}/theme/logoFile`, brand.theme.logoFile)
    : undefined;
  const customerAuthentication = await customerAuthOf(
    brand.customerAuthentication,
    `${at}/customerAuthentication`,
    problems,
  );
  const limits = limitProblems(brand.limits ?? {}, `${at}/limits`);
  for (const problem of limits.problems) problems.list.push(problem);
  if (!transport || !signing || clientCa === undefined || !customerAuthentication) return undefined;
  return {
    file: brand,
    id: brand.id,
    name: brand.name,
    legalName: brand.legalName ?? brand.name,
    issuer: brand.issuer ?? `${brand.publicBaseUrl.replace(/\/+$/, '')}/auth`,
    urnNamespace: brand.urnNamespace ?? brand.id.replace(/[^a-z0-9]/g, ''),
    host: brand.listen.host ?? '0.0.0.0',
    transport,
    signing,
    clientCa,
    limits: limits.limits,
    customerAuthentication,
    theme: {
      primaryColor: brand.theme?.primaryColor ?? '#0b5394',
      ...(logoSvg !== undefined && { logoSvg }),
    },
    connector: { module: brand.connector.module, options: brand.connector.options ?? {} },
  };
}

/** The brand's customer authentication with its files read (CA bundles, private key). */
async function customerAuthOf(
  file: CustomerAuthFile,
  at: string,
  problems: Problems,
): Promise<CustomerAuthConfig | undefined> {
  const ca =
    file.kind !== 'demo' && file.caFile ? await problems.read(`${at}/caFile`, file.caFile) : undefined;
  switch (file.kind) {
    case 'demo':
      return { kind: 'demo', password: file.password };
    case 'login-api':
      if (!file.url.startsWith('https:')) problems.add(`${at}/url`, 'must be https: (it carries passwords)');
      return {
        kind: 'login-api',
        url: file.url,
        ...(file.headers && { headers: file.headers }),
        ...(file.timeoutMs !== undefined && { timeoutMs: file.timeoutMs }),
        ...(ca !== undefined && { ca }),
      };
    case 'oidc': {
      if ((file.clientSecret === undefined) === (file.privateKeyFile === undefined)) {
        problems.add(at, 'give exactly one of clientSecret and privateKeyFile');
      }
      const privateKeyPem = file.privateKeyFile
        ? await problems.read(`${at}/privateKeyFile`, file.privateKeyFile)
        : undefined;
      return {
        kind: 'oidc',
        issuer: file.issuer,
        clientId: file.clientId,
        ...(file.clientSecret !== undefined && { clientSecret: file.clientSecret }),
        ...(privateKeyPem !== undefined && { privateKeyPem }),
        ...(file.scope !== undefined && { scope: file.scope }),
        ...(file.cpfClaim !== undefined && { cpfClaim: file.cpfClaim }),
        ...(ca !== undefined && { ca }),
      };
    }
  }
}

async function resolveReceiver(
  receiver: ReceiverFile,
  i: number,
  problems: Problems,
): Promise<ResolvedReceiver | undefined> {
  const at = `/receivers/${i}/certificates`;
  const transport = await problems.pair(`${at}/transport`, receiver.certificates.transport);
  const signing = await problems.pair(`${at}/signing`, receiver.certificates.signing);
  const encryptionKeyPem = await problems.read(
    `${at}/encryptionKeyFile`,
    receiver.certificates.encryptionKeyFile,
  );
  const server = receiver.certificates.serverCertificate
    ? await problems.pair(`${at}/serverCertificate`, receiver.certificates.serverCertificate)
    : transport;
  if (!transport || !signing || encryptionKeyPem === undefined || !server) return undefined;
  return {
    file: receiver,
    host: receiver.listen.host ?? '0.0.0.0',
    transport,
    signing,
    encryptionKeyPem,
    server,
  };
}

function uniqueness(file: InstallationFile, problems: Problems): void {
  const seen = new Map<string, string>();
  const claim = (key: string, where: string, what: string) => {
    const first = seen.get(key);
    if (first) problems.add(where, `${what} is also used at ${first}`);
    else seen.set(key, where);
  };
  for (const [i, brand] of (file.brands ?? []).entries()) {
    claim(`id:${brand.id}`, `/brands/${i}/id`, `brand id ${brand.id}`);
    for (const port of [brand.listen.publicPort, brand.listen.mtlsPort]) {
      if (port !== 0) claim(`port:${port}`, `/brands/${i}/listen`, `port ${port}`);
    }
  }
  for (const [i, receiver] of (file.receivers ?? []).entries()) {
    claim(`id:${receiver.id}`, `/receivers/${i}/id`, `brand id ${receiver.id}`);
    if (receiver.listen.port !== 0)
      claim(`port:${receiver.listen.port}`, `/receivers/${i}/listen`, `port ${receiver.listen.port}`);
  }
}

/**
 * Reads every file the installation names and checks what a schema cannot: certificates and
 * keys that exist, parse and belong together, limits at or above the regulatory minimums, a known
 * directory preset, unique ids and ports. All problems are reported at once (ConfigError).
 */
export async function resolveInstallation(source: InstallationSource): Promise<Installation> {
  const { file, baseDir, origin } = source;
  const problems = new Problems(baseDir);
  const directory = directoryOf(file, problems);
  const directoryCa = file.directory.caFile
    ? await problems.read('/directory/caFile', file.directory.caFile)
    : undefined;
  const mode = file.listeners?.mode ?? 'tls';
  if (mode === 'gateway' && !file.listeners?.gateway) {
    problems.add('/listeners/gateway', 'required in gateway mode (clientCertificateHeader, trustedProxies)');
  }
  for (const [i, proxy] of (file.listeners?.gateway?.trustedProxies ?? []).entries()) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(proxy)) {
      problems.add(`/listeners/gateway/trustedProxies/${i}`, `"${proxy}" is not an IP address or CIDR`);
    }
  }
  uniqueness(file, problems);
  const brands = await Promise.all(
    (file.brands ?? []).map((b, i) => resolveBrand(b, i, problems, directoryCa)),
  );
  const receivers = await Promise.all((file.receivers ?? []).map((r, i) => resolveReceiver(r, i, problems)));
  if (problems.list.length > 0) throw new ConfigError(problems.list.map((p) => `${origin}: ${p}`));
  return {
    origin,
    baseDir,
    directory: { ...directory, ca: directoryCa, allowLoopback: file.directory.allowLoopback === true },
    listeners: {
      operator: { host: file.listeners?.operator?.host, port: file.listeners?.operator?.port },
      mode,
      gateway: file.listeners?.gateway,
    },
    brands: brands.filter((b) => b !== undefined),
    receivers: receivers.filter((r) => r !== undefined),
  };
}
