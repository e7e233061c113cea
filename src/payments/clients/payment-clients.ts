import type { Clock } from '../../platform/clock/index.ts';

/** An initiator (OAuth client of a brand) as the payments module needs it. */
export interface PaymentClient {
  clientId: string;
  /** The initiator's organisationId in the directory: `iss` of its messages, `aud` of ours. */
  orgId: string;
  /** `client_name`, shown to the customer on the authorisation page. */
  name: string;
  /** Directory JWKS its message signatures are verified against (software, organisation). */
  jwksUris: string[];
  /** Base URIs for webhooks (DCR `webhook_uris` = SSA `software_api_webhook_uris`); empty: none. */
  webhookUris: string[];
}

/** Looks initiators up by client id (authz's registrations, or anything else that knows them). */
export interface PaymentClients {
  find(brandId: string, clientId: string): Promise<PaymentClient | undefined>;
}

/** The part of an oidc-provider `Client` the adapter reads (registered metadata, snake_case). */
export interface RegisteredClient {
  metadata(): Record<string, unknown>;
}

/** The part of an oidc-provider instance the adapter uses: `provider.Client.find`. */
export interface ClientFinder {
  Client: { find(clientId: string): Promise<RegisteredClient | undefined> };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * PaymentClients over the brands' authorization servers (src/authz `AuthorizationServer.provider`):
 * the client's registered `org_id`, `jwks_uri` (DCR made it equal the SSA's directory
 * `software_jwks_uri`), `webhook_uris` and `client_name`. `orgJwksUri` adds the organisation's
 * directory JWKS (`<keystore>/<orgId>/application.jwks`). Lookups are cached for `ttlMs`.
 *
 * @example
 *   const clients = paymentClientsFromProviders((brandId) => authzByBrand.get(brandId)?.provider, { clock });
 */
export function paymentClientsFromProviders(
  providerOf: (brandId: string) => ClientFinder | undefined,
  options: { clock: Clock; ttlMs?: number; orgJwksUri?: (orgId: string) => string },
): PaymentClients {
  const ttlMs = options.ttlMs ?? 60_000;
  const cache = new Map<string, { value: PaymentClient | undefined; until: number }>();
  return {
    async find(brandId, clientId) {
      const key = `${brandId}\u0000${clientId}`;
      const now = options.clock.now().getTime();
      const hit = cache.get(key);
      if (hit && hit.until > now) return hit.value;
      const client = await providerOf(brandId)?.Client.find(clientId);
      const metadata = client?.metadata();
      const orgId = metadata?.org_id;
      const value =
        metadata === undefined || typeof orgId !== 'string'
          ? undefined
          : {
              clientId,
              orgId,
              name: typeof metadata.client_name === 'string' ? metadata.client_name : clientId,
              jwksUris: [
                ...(typeof metadata.jwks_uri === 'string' ? [metadata.jwks_uri] : []),
                ...(options.orgJwksUri ? [options.orgJwksUri(orgId)] : []),
              ],
              webhookUris: strings(metadata.webhook_uris),
            };
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { value, until: now + ttlMs });
      return value;
    },
  };
}
