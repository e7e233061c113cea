import { Agent, fetch as undiciFetch } from 'undici';
import { assertPublicHttpsUrl } from './public-address.ts';

/**
 * The provider's outbound `fetch` (client `jwks_uri`; DESIGN §6). oidc-provider guards it
 * against SSRF: it refuses loopback and private addresses, and only trusts public CAs. The
 * simulated ecosystem lives on loopback behind its own CA, so in simulator mode requests go
 * through an agent that trusts that CA and may reach loopback; otherwise the provider's guarded
 * dispatcher is kept as it is.
 */
export interface OutboundFetchOptions {
  /** Simulator mode: the simulator CA bundle (PEM). Absent in production. */
  simulatorCa?: string | Buffer | Array<string | Buffer>;
}

type ProviderFetch = (url: string | URL, options: Record<string, unknown>) => Promise<Response>;

export interface OutboundFetch {
  /** The provider's `fetch` configuration hook. */
  fetch: ProviderFetch;
  /** Ponte's own fetches (a client's JWKS at registration), under the same rules as the provider's. */
  guardedFetch: ProviderFetch;
  close(): Promise<void>;
}

export function createOutboundFetch(options: OutboundFetchOptions): OutboundFetch {
  if (options.simulatorCa === undefined) {
    // Production: the provider's own SSRF-guarded dispatcher (options.dispatcher) on global fetch.
    const passThrough: ProviderFetch = (url, init) => globalThis.fetch(url, init);
    return {
      fetch: passThrough,
      guardedFetch: async (url, init) => {
        await assertPublicHttpsUrl(String(url));
        return passThrough(url, init);
      },
      close: async () => {},
    };
  }
  const agent = new Agent({ connect: { ca: options.simulatorCa, rejectUnauthorized: true } });
  // The provider's guarded dispatcher belongs to Node's bundled undici; ours replaces it.
  const simulatorFetch: ProviderFetch = (url, init) => undiciFetch(url, { ...init, dispatcher: agent });
  return { fetch: simulatorFetch, guardedFetch: simulatorFetch, close: () => agent.close() };
}
