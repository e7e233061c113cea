import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import type { InstallationFile } from '../app/installation/schema.ts';
import { demoCustomers, type DemoCustomer } from './demo-customers.ts';
import type { EnrolmentAnswer } from './enrolment-routes.ts';

/** `<out>/enrolment.json`: who the institution is in the simulator, and who its customers are. */
export interface EnrolmentSummary {
  brandId: string;
  name: string;
  cnpj: string;
  orgId: string;
  softwareStatementId: string;
  roles: string[];
  issuer: string;
  discoveryUrl: string;
  publicBaseUrl: string;
  apiBaseUrl: string;
  installationFile: string;
  customers: DemoCustomer[];
}

/**
 * Writes what an enrolled institution runs with: its certificates and keys (0600), the
 * simulator's CA, `ponte.yaml` (an installation without the simulator: `ponte start --config`)
 * and `enrolment.json`. The sample bank is its connector, seeding the same synthetic population
 * as the simulator's brands, so its customers also bank elsewhere in the ecosystem.
 */
export async function writeEnrolment(input: {
  out: string;
  answer: EnrolmentAnswer;
  listen: { host: string; publicPort: number; mtlsPort: number };
  /** Synthetic customers the enrolled institution's sample bank generates. */
  customers: number;
}): Promise<EnrolmentSummary> {
  const { out, answer, listen } = input;
  const sampleBank = { ...answer.sampleBank, customers: input.customers };
  await fs.mkdir(path.join(out, 'certs'), { recursive: true, mode: 0o700 });
  const write = (name: string, content: string, mode = 0o644) =>
    fs.writeFile(path.join(out, name), content, { mode });
  await write('certs/transport.crt', answer.transport.certificatePem);
  await write('certs/transport.key', answer.transport.keyPem, 0o600);
  await write('certs/signing.crt', answer.signing.certificatePem);
  await write('certs/signing.key', answer.signing.keyPem, 0o600);
  await write('ca.pem', answer.caPem);
  const { request } = answer;
  const installation: InstallationFile = {
    directory: { ...answer.directory, caFile: 'ca.pem', allowLoopback: true },
    brands: [
      {
        id: answer.brandId,
        name: request.name,
        orgId: answer.orgId,
        cnpj: request.cnpj,
        roles: request.roles,
        publicBaseUrl: request.publicBaseUrl,
        mtlsBaseUrl: request.mtlsBaseUrl,
        listen,
        certificates: {
          transport: { certificateFile: 'certs/transport.crt', keyFile: 'certs/transport.key' },
          signing: { certificateFile: 'certs/signing.crt', keyFile: 'certs/signing.key' },
        },
        connector: {
          module: sampleBank.module,
          options: {
            seed: {
              customers: sampleBank.customers,
              seed: sampleBank.seed,
              population: sampleBank.population,
            },
          },
        },
        customerAuthentication: { kind: 'demo', password: sampleBank.demoPassword },
        internalApi: { keys: [{ id: 'channel', key: randomBytes(32).toString('base64url') }] },
      },
    ],
  };
  const installationFile = path.join(out, 'ponte.yaml');
  await fs.writeFile(
    installationFile,
    `# ${request.name} in the Ponte simulator: ponte start --config ${installationFile}\n${toYaml(installation)}`,
    { mode: 0o600 },
  );
  const summary: EnrolmentSummary = {
    brandId: answer.brandId,
    name: request.name,
    cnpj: request.cnpj,
    orgId: answer.orgId,
    softwareStatementId: answer.softwareStatementId,
    roles: request.roles,
    issuer: answer.issuer,
    discoveryUrl: `${answer.issuer}/.well-known/openid-configuration`,
    publicBaseUrl: request.publicBaseUrl,
    apiBaseUrl: request.mtlsBaseUrl,
    installationFile,
    customers: demoCustomers({
      seed: sampleBank.seed,
      population: sampleBank.population,
      customersAtSmallestBrand: sampleBank.customers,
      password: sampleBank.demoPassword,
    }),
  };
  await write('enrolment.json', `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
