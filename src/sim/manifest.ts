import fs from 'node:fs/promises';
import path from 'node:path';
import type { DirectoryUrls } from '../directory/index.ts';
import type { DemoCustomer } from './demo-customers.ts';

/**
 * `.ponte/sim/manifest.json`: what outside clients (openid-client scripts, Postman, conformance
 * tools) need to act as a participant of the simulated ecosystem. A stable contract, described by
 * docs/sim-manifest.schema.json; file paths are relative to the manifest's folder.
 */
export interface SimManifest {
  $schema: string;
  manifestVersion: 1;
  generatedAt: string;
  caCertificateFile: string;
  /** The simulator's own endpoints: `ponte sim enrol` (bearer token in `tokenFile`, 0600). */
  simulator?: { enrolmentsUrl: string; tokenFile: string };
  directory: {
    participantsUrl: string;
    keystoreJwksUrl: string;
    tokenEndpoint: string;
    apiBaseUrl: string;
    ssaIssuer: string;
    ssaAssertionUrlTemplate: string;
    /** An organisation's JWKS (its BRSEAL keys: signed payment answers, webhooks). */
    organisationJwksUrlTemplate: string;
  };
  brands: Array<{
    brandId: string;
    orgId: string;
    name: string;
    cnpj: string;
    issuer: string;
    discoveryUrl: string;
    publicBaseUrl: string;
    apiBaseUrl: string;
    customers: DemoCustomer[];
    /**
     * The internal consent API of the brand for the institution's own channels (search, read,
     * revoke), on the operator listener, with the simulator's channel key.
     */
    internalConsentsApi?: { url: string; apiKeyHeader: 'x-api-key'; apiKey: string };
  }>;
  softwares: Array<{
    orgId: string;
    organisationName: string;
    softwareStatementId: string;
    softwareId: string;
    clientName: string;
    roles: string[];
    jwksUri: string;
    redirectUris: string[];
    webhookUris: string[];
    transport: { certificateFile: string; keyFile: string };
    signing: { certificateFile: string; keyFile: string; kid: string; alg: 'PS256' };
    encryption: { keyFile: string; kid: string; alg: 'RSA-OAEP'; enc: 'A256GCM' };
  }>;
  /** Ponte's own receiver brand: its REST API for the institution's apps (src/receiver). */
  receiver?: {
    brandId: string;
    name: string;
    orgId: string;
    softwareStatementId: string;
    apiBaseUrl: string;
  };
}

export function directorySection(urls: DirectoryUrls, ssaIssuer: string): SimManifest['directory'] {
  return {
    participantsUrl: urls.participants,
    keystoreJwksUrl: urls.keystoreJwks,
    tokenEndpoint: urls.token,
    apiBaseUrl: urls.api,
    ssaIssuer,
    ssaAssertionUrlTemplate: `${urls.api}/organisations/{OrganisationId}/softwarestatements/{SoftwareStatementId}/assertion`,
    organisationJwksUrlTemplate: `${urls.keystore}/{OrganisationId}/application.jwks`,
  };
}

/** Written atomically (temp file + rename), so a reader never sees half a manifest. */
export async function writeManifest(simDir: string, manifest: SimManifest): Promise<string> {
  const file = path.join(simDir, 'manifest.json');
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(temp, file);
  return file;
}
