import type { Acr } from '../provider/acr.ts';

/**
 * How the customer proves who they are: the institution's own authentication, plugged in per
 * brand (README "Customer authentication"). Two styles:
 * - `form`: the brand's login page posts CPF and password, and the authenticator verifies them
 *   (the institution's login API; the simulator's demo password);
 * - `redirect`: the browser goes to the institution's identity provider and comes back to the
 *   brand's callback (OIDC federation).
 * Both end in an {@link AuthenticatedCustomer}: the CPF the institution vouches for and the
 * authentication context class it reached (FAPI-BR 1.0 ID3 §5.2.2.4: loa2 single factor, loa3 MFA).
 */
export type CustomerAuthenticator = FormAuthenticator | RedirectAuthenticator;

export interface AuthenticatedCustomer {
  /** 11 digits. */
  cpf: string;
  /** The level the authentication actually reached; it becomes the id_token `acr`. */
  acr: Acr;
  /** Authentication method references for the id_token `amr` claim (RFC 8176). */
  amr: readonly string[];
}

/**
 * What an attempt ended in. `rejected` is the only answer for a wrong password *and* an unknown
 * CPF (no enumeration); `unavailable` is a temporary failure of the institution's service, whose
 * `reason` is logged and never shown to the customer.
 */
export type Authentication =
  | { outcome: 'authenticated'; customer: AuthenticatedCustomer }
  | { outcome: 'rejected'; reason?: string }
  | { outcome: 'unavailable'; reason: string };

export interface FormAuthenticator {
  readonly style: 'form';
  authenticate(brandId: string, cpf: string, password: string): Promise<Authentication>;
}

/** What the brand keeps, server side in the interaction, between the redirect and the callback. */
export interface PendingRedirect {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The callback could not be trusted (state, nonce, signature...): the interaction is not touched. */
export type RedirectCompletion = Authentication | { outcome: 'invalid-callback'; reason: string };

export interface RedirectAuthenticator {
  readonly style: 'redirect';
  /**
   * Where to send the browser. `state` is chosen by the caller (bound to the interaction);
   * `redirectUri` is the brand's fixed callback, registered at the identity provider.
   */
  begin(input: {
    redirectUri: string;
    state: string;
  }): Promise<{ url: URL; pending: PendingRedirect } | { outcome: 'unavailable'; reason: string }>;
  /** `callbackUrl`: the fixed redirect URI with the query the identity provider answered. */
  complete(input: { callbackUrl: URL; pending: PendingRedirect }): Promise<RedirectCompletion>;
}
