import type { JWK } from 'jose';
import type { CustomerRef, ResourceType } from '../connectors/index.ts';
import type { Transaction } from '../platform/db/index.ts';
import type { ConsentAuthorization } from '../consents/index.ts';
import type { DirectoryClient } from '../directory/index.ts';
import type { ConsentPageInput } from './pages/consent-page.ts';

/**
 * The brand this authorization server speaks for (docs/trust-core-plan.md "Brand"): data, not
 * code. `issuer` must carry a path (e.g. `https://auth.bank.example/auth`): the provider is
 * mounted under it so that it does not shadow the brand's other routes (DESIGN §6).
 */
export interface AuthzBrand {
  id: string;
  name: string;
  orgId: string;
  cnpj: string;
  issuer: string;
  apiBaseUrl: string;
  theme: { primaryColor: string; logoSvg?: string };
  /** Private RSA JWK with `kid`; signs id_tokens and the JWKS is derived from it (PS256). */
  signingKey: JWK;
}

/** A consent as the authorisation page and the token endpoint need it (consents' ConsentView). */
export interface AuthzConsentView {
  consentId: string;
  clientId: string;
  status: 'AWAITING_AUTHORISATION' | 'AUTHORISED' | 'REJECTED';
  permissions: readonly string[];
  /** null: indefinite term. */
  expirationDateTime: Date | null;
  loggedUser: { document: { identification: string; rel: string } };
  businessEntity: { document: { identification: string; rel: string } } | null;
  /** Data APIs (OAuth scope names) the permissions open, without `resources`. */
  products: readonly string[];
  /**
   * A consent kind with a page of its own (payment consents, src/payments): renders the consent
   * step instead of the data-sharing page, with the same input and form contract (`resources`,
   * `action=confirm|refuse`).
   */
  renderAuthorisationPage?: (input: ConsentPageInput) => string;
}

/** The consent service as authz consumes it (src/consents `ConsentAuthorization`). */
export interface AuthzConsents {
  findForAuthorization(
    brandId: string,
    consentId: string,
    clientId: string,
  ): Promise<AuthzConsentView | undefined>;
  authorise(
    tx: Transaction,
    brandId: string,
    consentId: string,
    input: { customer: CustomerRef; resources: ReadonlyArray<{ type: ResourceType; id: string }> },
  ): Promise<void>;
  reject(
    tx: Transaction,
    brandId: string,
    consentId: string,
    input: { rejectedBy: 'USER' | 'ASPSP' | 'TPP'; reason: 'CUSTOMER_MANUALLY_REJECTED' },
  ): Promise<void>;
  isActive(brandId: string, consentId: string, clientId: string): Promise<boolean>;
}

/** `software_statement_roles[]` of an SSA (DCR 1.0 ID3 Appendix A). */
export interface SoftwareStatementRole {
  role: string;
  authorisation_domain?: string;
  status: string;
}

/** The SSA claims authz reads (DCR 1.0 ID3 "Attributes of the Software Statement Assertion"). */
export interface SoftwareStatementClaims {
  iss?: string;
  iat: number;
  org_id: string;
  software_id: string;
  software_client_name?: string;
  software_jwks_uri: string;
  software_redirect_uris: string[];
  software_roles?: string[];
  software_statement_roles?: SoftwareStatementRole[];
  software_api_webhook_uris?: string[];
  software_client_uri?: string;
  software_logo_uri?: string;
  software_tos_uri?: string;
  software_policy_uri?: string;
  org_name?: string;
  org_status?: string;
  [claim: string]: unknown;
}

/**
 * The directory client as authz consumes it (src/directory `DirectoryClient`; docs/trust-core-plan.md
 * "Directory client"). `verifySoftwareStatementSync` must not wait (extraClientMetadata.validator
 * is synchronous, DESIGN §6): it verifies the PS256 signature, issuer and age against the
 * keystore `warm` cached, and throws (AppError with a SoftwareStatementErrors code) otherwise.
 */
export interface AuthzDirectory {
  verifySoftwareStatementSync(jwt: string): SoftwareStatementClaims;
  /** Loads the keystore cache; called before each registration write. */
  warm?(): Promise<void>;
  /** A client's JWKS (its `software_jwks_uri`), to check it holds an encryption key. */
  fetchJwks?(uri: string): Promise<{ keys: Array<Record<string, unknown>> }>;
}

/** Resource servers resolve bearer tokens through it (authz provides, consents/holder consume). */
export type { AccessTokenVerifier, VerifiedToken as VerifiedAccessToken } from '../platform/http/index.ts';

/** Compile-time: the real seams satisfy what authz consumes (src/directory, src/consents). */
type Satisfies<Wanted, Given extends Wanted> = Given;
export type _DirectorySeam = Satisfies<AuthzDirectory, DirectoryClient>;
export type _ConsentSeam = Satisfies<AuthzConsents, ConsentAuthorization>;
