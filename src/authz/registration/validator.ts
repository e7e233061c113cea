import type { X509Certificate } from 'node:crypto';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../../platform/clock/index.ts';
import type { AuthzDirectory } from '../types.ts';
import { checkSoftwareIsActive } from './checks/active-software.ts';
import { checkCertificateMatchesSoftware } from './checks/certificate.ts';
import { checkJwksUri } from './checks/jwks.ts';
import { checkProfileMetadata } from './checks/profile-metadata.ts';
import { checkRedirectUris } from './checks/redirect-uris.ts';
import { checkScopesFromRoles } from './checks/scopes.ts';
import { verifySoftwareStatement } from './checks/software-statement.ts';
import { applySoftwareStatementPrecedence } from './checks/ssa-precedence.ts';
import { checkWebhookUris } from './checks/webhook-uris.ts';
import type { ClientMetadata, RegistrationCheck } from './registration-context.ts';

/** Client metadata fields beyond RFC 7591 that Ponte keeps (dcr.yaml + the SSA it came with). */
export const EXTRA_CLIENT_METADATA = ['software_statement', 'software_id', 'org_id', 'webhook_uris'] as const;

/** The DCR checks in the order they run; the first broken rule answers. */
const CHECKS: readonly RegistrationCheck[] = [
  checkSoftwareIsActive,
  checkCertificateMatchesSoftware,
  checkJwksUri,
  checkRedirectUris,
  checkWebhookUris,
  checkScopesFromRoles,
  checkProfileMetadata,
  applySoftwareStatementPrecedence,
];

/** Routes on which a client is written from a request: DCR POST and DCM PUT (RFC 7591/7592). */
const WRITES = new Set(['registration', 'client_update']);

export interface ValidatorDeps {
  directory: AuthzDirectory;
  clock: Clock;
  getCertificate: (ctx: KoaContextWithOIDC) => X509Certificate | undefined;
  ssaMaxAgeSeconds?: number;
}

/**
 * `extraClientMetadata.validator`. It must be synchronous (DESIGN §6), and registration
 * `policies` only run with initial access tokens, which Open Finance does not use: so every
 * DCR/DCM check of DIGEST §6.2 runs here, hung on the `software_statement` property. A stored
 * client loaded later (no registration route) is not re-validated.
 */
export function createClientMetadataValidator(deps: ValidatorDeps) {
  return function validator(
    ctx: KoaContextWithOIDC | undefined,
    key: string,
    value: unknown,
    metadata: ClientMetadata,
  ): void {
    if (key !== 'software_statement') return;
    const route = ctx?.oidc?.route;
    if (ctx === undefined || route === undefined || !WRITES.has(route)) return;
    const now = deps.clock.now();
    const ssa = verifySoftwareStatement(value, deps.directory, now, deps.ssaMaxAgeSeconds);
    const body = (ctx as { oidc: { body?: unknown } }).oidc.body;
    const requested = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const context = { metadata, requested, ssa, certificate: deps.getCertificate(ctx), now };
    for (const check of CHECKS) check(context);
  };
}
