import type { X509Certificate } from 'node:crypto';
import type { SoftwareStatementClaims } from '../types.ts';

/** The client metadata under validation (oidc-provider's Schema object; checks may set fields). */
export type ClientMetadata = Record<string, unknown>;

/** What every registration check sees: the request's metadata, the verified SSA, the certificate. */
export interface RegistrationContext {
  metadata: ClientMetadata;
  /**
   * The request body as the client sent it: `metadata` already holds the library defaults, so
   * "the client asked for X" is read here.
   */
  requested: Readonly<Record<string, unknown>>;
  ssa: SoftwareStatementClaims;
  certificate: X509Certificate | undefined;
  now: Date;
}

/** One registration rule: throws the dcr.yaml error when the rule is broken, may apply defaults. */
export type RegistrationCheck = (context: RegistrationContext) => void;

export function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
