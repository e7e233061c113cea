// The directory of participants: the simulated one (participants list, keystore, mTLS token
// endpoint, SSA assertions) and the client the rest of Ponte uses against the real or simulated
// directory (DIGEST §5.1, §6.2; trust-core plan "Directory client").

// Simulated directory
export { createDirectoryRegistry, stableId } from './registry.ts';
export type {
  ApiResourceInput,
  AuthorisationServer,
  AuthorisationServerInput,
  DirectoryRegistry,
  Organisation,
  OrganisationInput,
  RegulatoryRole,
  Software,
  SoftwareInput,
} from './registry.ts';
export { createDirectoryServer } from './server.ts';
export type { DirectoryServer, DirectoryServerDeps } from './server.ts';
export { keystoreRoutes } from './routes-keystore.ts';
export { apiRoutes } from './routes-api.ts';
export {
  createFileKeystore,
  createMemoryKeystore,
  loadOrCreateSigningKey,
  signingKeyFromPem,
} from './keystore.ts';
export type { DirectoryKeystore, DirectorySigningKey } from './keystore.ts';
export { signSoftwareStatement } from './ssa.ts';
export type { SoftwareStatementSigner } from './ssa.ts';
export { listParticipants } from './participants.ts';

// Shared vocabulary
export { directoryUrlsFor, OPEN_FINANCE_DIRECTORY, SSA_ISSUERS, softwareKeystoreUris } from './urls.ts';
export type { DirectoryUrls } from './urls.ts';
export type { Participant } from './schemas.ts';
export type {
  CompetentAuthorityClaim,
  SoftwareStatementClaims,
  SoftwareStatementRoleClaim,
} from './ssa-claims.ts';
export { DirectoryErrors, SoftwareStatementErrors, dcrErrorFor } from './errors.ts';
export type { SoftwareStatementErrorCode } from './errors.ts';

// Client
export { createDirectoryClient } from './client/client.ts';
export type { DirectoryClient, DirectoryClientOptions } from './client/client.ts';
export { createUndiciHttp } from './client/http.ts';
export type {
  DirectoryHttp,
  DirectoryHttpRequest,
  DirectoryHttpResponse,
  UndiciHttpOptions,
} from './client/http.ts';
export type { TransportIdentity } from './client/software-statement.ts';
export { verificationKeys, verifySoftwareStatementWith } from './client/verify-ssa.ts';
export type { Jwks, SsaCheckOptions } from './client/verify-ssa.ts';
