import type { InteractionInstance, Provider } from 'oidc-provider';
import type { CoreBankConnector, CustomerRef } from '../../connectors/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { PageBrand } from '../pages/layout.ts';
import { consentIdsInScope } from '../policies/consent-scope.ts';
import type { AuthzConsents } from '../types.ts';
import type { CustomerAuthenticator } from '../customer-auth/authenticator.ts';
import type { AcrPolicy } from '../policies/acr-requirements.ts';

/** What the customer's pages work with (wired by create-authorization-server.ts). */
export interface InteractionDeps {
  path: string;
  provider: Provider;
  brandId: string;
  pageBrand: PageBrand;
  db: Database;
  consents: AuthzConsents;
  connector: CoreBankConnector;
  authenticator: CustomerAuthenticator;
  acrPolicy: AcrPolicy;
  /** Absolute URL of the brand's fixed federation callback (`{path}/federated/callback`). */
  federationRedirectUri: string;
  clock: Clock;
  resource: string;
  indefiniteConsentLifetimeSeconds: number;
  logger: Logger;
}

/** What a handler decides: show a page, or end the interaction with a result for the provider. */
export type InteractionOutcome =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'finish'; result: Record<string, unknown>; merge: boolean };

/** The login step's own data, kept in the interaction for the consent step (server side). */
export interface LoggedInCustomer {
  /** The `sub`: the person who logged in (connector customer id). */
  subject: string;
  /** Whose data is shared: the person, or the company of a PJ consent. */
  owner: CustomerRef;
}

const STATE_KEY = 'ponte';

export function loginState(customer: LoggedInCustomer): Record<string, unknown> {
  return { [STATE_KEY]: customer };
}

export function loggedInCustomerOf(details: InteractionInstance): LoggedInCustomer | undefined {
  const state = details.lastSubmission?.[STATE_KEY] as Partial<LoggedInCustomer> | undefined;
  if (typeof state?.subject !== 'string' || typeof state.owner?.customerId !== 'string') return undefined;
  return state as LoggedInCustomer;
}

export function consentIdOf(details: InteractionInstance): string | undefined {
  const scope = typeof details.params.scope === 'string' ? details.params.scope : undefined;
  return consentIdsInScope(scope)[0];
}

export function clientIdOf(details: InteractionInstance): string {
  return String(details.params.client_id);
}

/** Ends the authorization with an OAuth error sent to the client (RFC 6749 §4.1.2.1). */
export function finishWithError(error: string, description: string): InteractionOutcome {
  return { kind: 'finish', result: { error, error_description: description }, merge: false };
}

export async function clientNameOf(deps: InteractionDeps, details: InteractionInstance): Promise<string> {
  const client = await deps.provider.Client.find(clientIdOf(details));
  return client?.clientName ?? clientIdOf(details);
}

/** Keeps `values` in the interaction (server side, in PostgreSQL) until it finishes. */
export async function rememberInInteraction(
  details: InteractionInstance,
  values: Record<string, unknown>,
): Promise<void> {
  details.result = { ...details.result, ...values };
  await details.save(Math.max(1, details.exp - Math.floor(Date.now() / 1000)));
}
