import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { DirectoryErrors } from '../errors.ts';
import type { Participant } from '../schemas.ts';
import type { SoftwareStatementClaims } from '../ssa-claims.ts';
import { cachedValue } from './cache.ts';
import type { CachedValue } from './cache.ts';
import { createUndiciHttp } from './http.ts';
import type { DirectoryHttp } from './http.ts';
import { fetchSoftwareStatement } from './software-statement.ts';
import type { TransportIdentity } from './software-statement.ts';
import { ssaKeyId, verificationKeys, verifySoftwareStatementWith } from './verify-ssa.ts';
import type { Jwks } from './verify-ssa.ts';

export interface DirectoryClientOptions {
  /** `GET` participants list (DirectoryUrls.participants, OPEN_FINANCE_DIRECTORY.*.participants). */
  participantsUrl: string;
  /** The directory's SSA keys (`.../openbanking.jwks`). */
  keystoreJwksUrl: string;
  /** The `iss` SSAs must carry (SSA_ISSUERS). */
  ssaIssuer: string;
  /** mTLS token endpoint and API base, needed only by `getSoftwareStatement`. */
  tokenUrl?: string;
  apiBaseUrl?: string;
  clock: Clock;
  /** Outbound HTTP; undici trusting `ca` by default. */
  http?: DirectoryHttp;
  /** Extra trust anchors (the simulator's CA bundle) for the default HTTP client. */
  ca?: string;
  /** How long participants, keystore and JWKS stay cached; 15 minutes by default. */
  cacheTtlMs?: number;
  /** Least time between forced refreshes (unknown `kid`); 30 s by default. */
  minRefreshIntervalMs?: number;
  /** SSA age limit; 300 s (DIGEST §6.2 item 3). */
  ssaMaxAgeSeconds?: number;
  /** Allowed `iat` in the future; 10 s by default. */
  clockToleranceSeconds?: number;
}

/** The directory as the rest of Ponte sees it (trust-core plan, "Directory client"). */
export interface DirectoryClient {
  participants(): Promise<Participant[]>;
  /** Loads the keystore (and participants) so that `verifySoftwareStatementSync` can work. */
  warm(): Promise<void>;
  /** Verifies an SSA, refreshing the keystore once when its `kid` is unknown. */
  verifySoftwareStatement(jwt: string): Promise<SoftwareStatementClaims>;
  /**
   * The same checks without I/O, for oidc-provider's synchronous `extraClientMetadata.validator`
   * (DESIGN §6) against the keys cached by `warm`. An unknown `kid` starts a background refresh
   * and is refused this time.
   */
  verifySoftwareStatementSync(jwt: string): SoftwareStatementClaims;
  /** A JWKS (software, organisation or transport), cached; refreshed when `kid` is not in it. */
  fetchJwks(uri: string, options?: { kid?: string }): Promise<Jwks>;
  /** A receiver's own SSA: directory token over mTLS with its BRCAC, then the assertion. */
  getSoftwareStatement(
    orgId: string,
    softwareStatementId: string,
    identity: TransportIdentity,
  ): Promise<string>;
  /** Closes the connection pools of the default HTTP client. */
  close(): Promise<void>;
}

const MAX_JWKS_ENTRIES = 1000;

function unavailable(message: string, detail: Record<string, unknown>): never {
  throw new AppError(DirectoryErrors.DIRECTORY_UNAVAILABLE, message, { detail });
}

async function getJson<T>(http: DirectoryHttp, url: string, check: (v: unknown) => v is T): Promise<T> {
  let response;
  try {
    response = await http.request(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    return unavailable('Diretório inacessível.', { url, reason: String(error) });
  }
  if (response.status !== 200)
    unavailable('O diretório respondeu com erro.', { url, status: response.status });
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return unavailable('O diretório respondeu algo que não é JSON.', { url });
  }
  if (!check(body)) unavailable('O diretório respondeu num formato inesperado.', { url });
  return body;
}

const isJwks = (v: unknown): v is Jwks =>
  typeof v === 'object' && v !== null && Array.isArray((v as { keys?: unknown }).keys);
const isParticipants = (v: unknown): v is Participant[] => Array.isArray(v);

/**
 * @example
 *   const directory = createDirectoryClient({ ...sandbox, ssaIssuer: SSA_ISSUERS.sandbox, clock: systemClock });
 *   await directory.warm();
 *   const claims = directory.verifySoftwareStatementSync(metadata.software_statement);
 */
export function createDirectoryClient(options: DirectoryClientOptions): DirectoryClient {
  const http = options.http ?? createUndiciHttp({ ca: options.ca });
  const ownsHttp = options.http === undefined;
  const cacheOptions = {
    clock: options.clock,
    ttlMs: options.cacheTtlMs ?? 15 * 60_000,
    minRefreshIntervalMs: options.minRefreshIntervalMs ?? 30_000,
  };
  const checks = () => ({
    issuer: options.ssaIssuer,
    now: options.clock.now(),
    maxAgeSeconds: options.ssaMaxAgeSeconds ?? 300,
    toleranceSeconds: options.clockToleranceSeconds ?? 10,
  });
  const participants = cachedValue(
    () => getJson(http, options.participantsUrl, isParticipants),
    cacheOptions,
  );
  const keystore = cachedValue(
    async () => verificationKeys(await getJson(http, options.keystoreJwksUrl, isJwks)),
    cacheOptions,
  );
  const jwksByUri = new Map<string, CachedValue<Jwks>>();

  const keysFor = async (jwt: string): Promise<ReadonlyMap<string, KeyObject>> => {
    const keys = await keystore.get();
    const kid = ssaKeyId(jwt);
    return kid !== undefined && !keys.has(kid) ? keystore.refresh() : keys;
  };

  return {
    participants: () => participants.get(),
    async warm() {
      await Promise.all([keystore.get(), participants.get()]);
    },
    async verifySoftwareStatement(jwt) {
      return verifySoftwareStatementWith(jwt, await keysFor(jwt), checks());
    },
    verifySoftwareStatementSync(jwt) {
      const keys = keystore.peek() ?? new Map<string, KeyObject>();
      try {
        return verifySoftwareStatementWith(jwt, keys, checks());
      } catch (error) {
        if ((error as AppError).code === 'SOFTWARE_STATEMENT_UNKNOWN_KEY') {
          // The directory may have rotated its key: fetch it for the next attempt.
          keystore.refresh().catch(() => undefined);
        }
        throw error;
      }
    },
    async fetchJwks(uri, { kid } = {}) {
      let entry = jwksByUri.get(uri);
      if (!entry) {
        if (jwksByUri.size >= MAX_JWKS_ENTRIES) jwksByUri.delete(jwksByUri.keys().next().value!);
        entry = cachedValue(() => getJson(http, uri, isJwks), cacheOptions);
        jwksByUri.set(uri, entry);
      }
      const jwks = await entry.get();
      return kid !== undefined && !jwks.keys.some((k) => k.kid === kid) ? entry.refresh() : jwks;
    },
    async getSoftwareStatement(orgId, softwareStatementId, identity) {
      const { tokenUrl, apiBaseUrl } = options;
      if (!tokenUrl || !apiBaseUrl) throw new Error('getSoftwareStatement needs tokenUrl and apiBaseUrl');
      return fetchSoftwareStatement(http, { tokenUrl, apiBaseUrl }, { orgId, softwareStatementId, identity });
    },
    // A caller's own HTTP client is the caller's to close.
    close: () => (ownsHttp ? http.close() : Promise.resolve()),
  };
}
