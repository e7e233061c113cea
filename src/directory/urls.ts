/**
 * Where the directory's services live. The real directory splits them over several hosts
 * (DIGEST §5.1; tpp-user-guide §2): public participants list, public keystore, mTLS token
 * endpoint, mTLS API. The simulator serves them all from one base URL.
 */
export interface DirectoryUrls {
  /** `GET` list of participants (directory-participants.yaml). */
  participants: string;
  /** Base of the keystore: `<keystore>/openbanking.jwks`, `<keystore>/<org>/<software>/application.jwks`. */
  keystore: string;
  /** The directory's SSA signing keys. */
  keystoreJwks: string;
  /** mTLS token endpoint (client_credentials, scope `directory:software`). */
  token: string;
  /** Base of the mTLS directory API (`/organisations/...`). */
  api: string;
}

/** SSA `iss` values (DCR 1 ID3 "SSA Key Store"; DIGEST §5.1). */
export const SSA_ISSUERS = {
  production: 'Open Banking Open Banking Brasil prod SSA issuer',
  sandbox: 'Open Banking Open Banking Brasil sandbox SSA issuer',
} as const;

function realDirectory(environment: '' | '.sandbox'): DirectoryUrls {
  const host = (service: string) => `https://${service}${environment}.directory.openbankingbrasil.org.br`;
  return {
    participants: `${host('data')}/participants`,
    keystore: host('keystore'),
    keystoreJwks: `${host('keystore')}/openbanking.jwks`,
    token: `${host('matls-auth')}/token`,
    api: host('matls-api'),
  };
}

/** The real directory, for configuration defaults outside the simulator. */
export const OPEN_FINANCE_DIRECTORY = {
  production: realDirectory(''),
  sandbox: realDirectory('.sandbox'),
} as const;

/** All services under one base URL, as the simulated directory serves them. */
export function directoryUrlsFor(baseUrl: string): DirectoryUrls {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    participants: `${base}/participants`,
    keystore: base,
    keystoreJwks: `${base}/openbanking.jwks`,
    token: `${base}/token`,
    api: base,
  };
}

/** The keystore URLs of one software, as the SSA carries them. */
export function softwareKeystoreUris(keystore: string, orgId: string, softwareStatementId: string) {
  const software = `${keystore}/${orgId}/${softwareStatementId}`;
  return {
    software_jwks_uri: `${software}/application.jwks`,
    software_jwks_transport_uri: `${software}/transport.jwks`,
    software_jwks_inactive_uri: `${software}/inactive/application.jwks`,
    software_jwks_transport_inactive_uri: `${software}/inactive/transport.jwks`,
    org_jwks_uri: `${keystore}/${orgId}/application.jwks`,
  };
}
