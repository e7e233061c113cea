import type { CryptoKey } from 'jose';
import type { DirectoryClient } from '../directory/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { FieldCipher } from '../platform/crypto/index.ts';
import type { Database } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { ReceiverTransport } from './transport.ts';

/**
 * The receiver software's identity at the directory and at every holder: the transport
 * certificate (BRCAC) for mTLS, the signing key (PS256, private_key_jwt and request objects) and
 * the encryption key of the id_tokens (RSA-OAEP / A256GCM), all PEM.
 */
export interface ReceiverCredentials {
  orgId: string;
  softwareStatementId: string;
  /** The software's OAuth client id at the directory; the software statement id by default. */
  directoryClientId?: string;
  transport: { certificatePem: string; keyPem: string };
  signing: { keyPem: string; kid: string };
  encryption: { keyPem: string; kid: string };
  /** Trust anchors for the holders' TLS (the simulator's CA); the system's CAs otherwise. */
  caPem?: string;
  /** Redirect URIs to register and use; the SSA's `software_redirect_uris` by default. */
  redirectUris?: string[];
  /**
   * As a payment initiator: the CNPJ sent as `cnpjInitiator` (the organisation's
   * RegistrationNumber in the directory by default) and the ISPB that prefixes the endToEndIds
   * it generates (the CNPJ's 8-digit root by default).
   */
  initiator?: { cnpj?: string; ispb?: string };
}

/** The credentials with their keys imported, as the use cases need them. */
export interface ReceiverIdentity {
  orgId: string;
  softwareStatementId: string;
  directoryClientId: string;
  transport: { cert: string; key: string };
  signingKey: CryptoKey;
  signingKid: string;
  encryptionKey: CryptoKey;
  encryptionKid: string;
  redirectUris: string[] | undefined;
  initiator: { cnpj?: string; ispb?: string };
}

/** The directory as the receiver uses it: participants list and its own SSA. */
export type ReceiverDirectory = Pick<DirectoryClient, 'participants' | 'getSoftwareStatement' | 'fetchJwks'>;

export interface ReceiverDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Encrypts tokens, the PKCE verifier and the customer's document (`createFieldCipher`). */
  cipher: FieldCipher;
  directory: ReceiverDirectory;
  credentials: ReceiverCredentials;
  /** The installation's brand the outbox events are recorded under. */
  brandId: string;
  /** Where the callback sends the customer afterwards (`?consent=<id>&status=...` appended). */
  returnUrl: string;
  /** Outbound mTLS; undici with the transport certificate by default. */
  transport?: ReceiverTransport;
  /**
   * The directory JWKS of an organisation (holders' BRSEAL keys, DIGEST §4.2). By default derived
   * from our own software JWKS URI (`<keystore>/<orgId>/<softwareId>/application.jwks`, the
   * directory's keystore layout) as `<keystore>/<orgId>/application.jwks`.
   */
  orgJwksUri?: (orgId: string) => string;
  /** Payment statuses older than this are asked again on read; 10 s by default. */
  paymentStaleAfterMs?: number;
}

/** Context every use case receives (deps with the identity imported and the transport made). */
export interface ReceiverContext {
  db: Database;
  clock: Clock;
  logger: Logger;
  cipher: FieldCipher;
  directory: ReceiverDirectory;
  identity: ReceiverIdentity;
  transport: ReceiverTransport;
  brandId: string;
  returnUrl: string;
}
