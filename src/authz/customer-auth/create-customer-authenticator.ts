import type { CoreBankConnector } from '../../connectors/index.ts';
import type { CustomerAuthenticator } from './authenticator.ts';
import { createDemoAuthenticator } from './demo.ts';
import { createLoginApiAuthenticator, type LoginApiConfig } from './login-api.ts';
import { createOidcFederationAuthenticator, type OidcFederationConfig } from './oidc-federation.ts';

/**
 * How a brand's customers authenticate, as the installation config carries it (one per brand).
 * `demo` is the simulator's synthetic customers' password and nothing else.
 */
export type CustomerAuthConfig = DemoAuthConfig | LoginApiConfig | OidcFederationConfig;

export interface DemoAuthConfig {
  kind: 'demo';
  /** At least 8 characters; every synthetic customer's password. */
  password: string;
}

export interface CustomerAuthenticatorDeps {
  /** The demo authenticator only accepts CPFs the core bank knows. */
  connector: CoreBankConnector;
}

/** An authenticator and what it holds open (HTTP agents); `close` when the brand stops. */
export type ClosableCustomerAuthenticator = CustomerAuthenticator & { close(): Promise<void> };

/**
 * The brand's customer authenticator from its config.
 *
 * @example
 *   const authenticator = createCustomerAuthenticator(
 *     { kind: 'login-api', url: 'https://login.bank.internal/verify', headers: { 'x-api-key': key } },
 *     { connector },
 *   );
 *   createAuthorizationServer({ ...deps, customerAuthenticator: authenticator });
 */
export function createCustomerAuthenticator(
  config: CustomerAuthConfig,
  deps: CustomerAuthenticatorDeps,
): ClosableCustomerAuthenticator {
  switch (config.kind) {
    case 'demo':
      return {
        ...createDemoAuthenticator({ connector: deps.connector, demoPassword: config.password }),
        close: () => Promise.resolve(),
      };
    case 'login-api':
      return createLoginApiAuthenticator(config);
    case 'oidc':
      return createOidcFederationAuthenticator(config);
    default:
      throw new Error(
        `unknown customer authentication kind ${(config as { kind?: unknown }).kind as string}`,
      );
  }
}
