import { randomBytes } from 'node:crypto';
import type { X509Certificate } from 'node:crypto';
import { certificateThumbprint, distinguishedNameMatch, parseOpenFinanceSubject } from '../pki/index.ts';
import type { OpenFinanceSubject } from '../pki/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import { AppError, isAppError } from '../platform/errors/index.ts';
import type { PresentedCertificate } from '../platform/http/index.ts';
import { DirectoryErrors } from './errors.ts';
import type { DirectoryRegistry, Software } from './registry.ts';

export const DIRECTORY_SCOPE = 'directory:software';

/** An access token of the directory API, bound to the certificate it was issued to (RFC 8705 §3). */
export interface DirectoryAccessToken {
  organisationId: string;
  softwareStatementId: string;
  /** `x5t#S256` of the client certificate. */
  thumbprint: string;
  scope: string;
  expiresAt: Date;
}

export interface DirectoryTokenStore {
  issue(grant: Omit<DirectoryAccessToken, 'expiresAt'>): { accessToken: string; expiresIn: number };
  /** The token if it exists and has not expired. */
  find(accessToken: string): DirectoryAccessToken | undefined;
}

/** In memory: the simulated directory's tokens live for minutes and need not survive a restart. */
export function createTokenStore(deps: { clock: Clock; ttlSeconds: number }): DirectoryTokenStore {
  const tokens = new Map<string, DirectoryAccessToken>();
  const sweep = (now: Date) => {
    for (const [token, grant] of tokens) if (grant.expiresAt <= now) tokens.delete(token);
  };
  return {
    issue(grant) {
      const now = deps.clock.now();
      sweep(now);
      const accessToken = randomBytes(32).toString('base64url');
      tokens.set(accessToken, { ...grant, expiresAt: new Date(now.getTime() + deps.ttlSeconds * 1000) });
      return { accessToken, expiresIn: deps.ttlSeconds };
    },
    find(accessToken) {
      const grant = tokens.get(accessToken);
      return grant && grant.expiresAt > deps.clock.now() ? grant : undefined;
    },
  };
}

function invalidClient(message: string, detail: Record<string, unknown> = {}): never {
  throw new AppError(DirectoryErrors.DIRECTORY_INVALID_CLIENT, message, { detail });
}

/** A certificate the TLS layer verified against the simulator's CA; anything else is no certificate. */
export function verifiedCertificate(
  presented: PresentedCertificate | undefined,
): X509Certificate | undefined {
  return presented?.verified ? presented.certificate : undefined;
}

function subjectOf(certificate: X509Certificate): OpenFinanceSubject {
  try {
    return parseOpenFinanceSubject(certificate);
  } catch (error) {
    if (isAppError(error))
      invalidClient('O certificado não traz os atributos Open Finance.', { code: error.code });
    throw error;
  }
}

/**
 * `tls_client_auth` (RFC 8705 §2.1) as the directory does it for `client_credentials`: the
 * client id names a software, the certificate's UID and organizationIdentifier must be that
 * software's, and if the software has registered transport certificates the subject DN must
 * match one of them (distinguishedNameMatch).
 */
export function authenticateSoftware(
  registry: DirectoryRegistry,
  presented: PresentedCertificate | undefined,
  clientId: string | undefined,
): { software: Software; thumbprint: string } {
  const certificate = verifiedCertificate(presented);
  if (!certificate) invalidClient('Certificado de cliente ausente ou não emitido por AC confiável.');
  const subject = subjectOf(certificate);
  // Without client_id the certificate names the software (UID) and its organisation.
  const software =
    clientId === undefined
      ? registry.software(subject.orgId, subject.softwareStatementId)
      : registry.softwareByClientId(clientId);
  if (!software || software.status !== 'Active') invalidClient('Cliente desconhecido.', { clientId });
  if (
    subject.softwareStatementId !== software.softwareStatementId ||
    subject.orgId !== software.organisationId ||
    registry.organisation(software.organisationId)?.status !== 'Active'
  ) {
    invalidClient('O certificado não pertence a este software.', { clientId, dn: subject.distinguishedName });
  }
  const registered = registry.transportCertificates(software.organisationId, software.softwareStatementId);
  if (
    registered.length > 0 &&
    !registered.some((jwk) => distinguishedNameMatch(jwk.x5dn, subject.distinguishedName))
  ) {
    invalidClient('O certificado não está registrado para este software.', { dn: subject.distinguishedName });
  }
  return { software, thumbprint: certificateThumbprint(certificate) };
}
