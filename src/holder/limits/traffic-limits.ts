import type pg from 'pg';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import { HolderErrors } from '../errors.ts';
import type { EndpointPolicy } from '../policy/endpoints.ts';
import {
  highFrequencyTpm,
  monthlyLimit,
  trafficPolicy,
  type TrafficLimitsOverrides,
  type TrafficLimitsPolicy,
} from './policy.ts';
import { createSharedCounters } from './shared-counters.ts';
import { brasiliaMonthStart, minuteStart, secondStart } from './windows.ts';
import { then, type Sync } from '../guard/ttl-cache.ts';

/** What one monthly operational count is about: endpoint × consent × resource (DIGEST §8.5). */
export interface OperationalKey {
  endpoint: EndpointPolicy;
  consentId: string;
  /** The resource the endpoint reads; absent for lists and customer data (the consent is the object). */
  resourceId?: string;
}

export interface TrafficLimitsDeps {
  pool: pg.Pool;
  clock: Clock;
  /** Brand → its limits (merged over the regulatory minimums); the same for every brand if absent. */
  brands?: Readonly<Record<string, TrafficLimitsOverrides>>;
  defaults?: TrafficLimitsOverrides;
  /** Active consents of a client (QCA, for high-frequency TPM); consents' `countActiveForClient`. */
  activeConsents: (brandId: string, clientId: string) => Promise<number>;
  logger?: Logger;
  flushIntervalMs?: number;
}

/**
 * Traffic limits of the regulated APIs (DIGEST §8.4–8.5), counted across processes in PostgreSQL
 * with an in-process fast path (shared-counters.ts):
 * - `admitGlobal`: the brand's global requests per second → 529 SITE_IS_OVERLOADED;
 * - `admitClient`: per client, per endpoint, per calendar minute, by frequency class → 429;
 * - `checkOperational` / `recordOperational`: successful calls per month per endpoint × consent ×
 *   resource → 423; follow-up pages with a valid pagination-key are neither checked nor counted;
 * - `admitOpenData`: per IP per minute on the public open-data APIs → 429.
 */
export function createTrafficLimits(deps: TrafficLimitsDeps) {
  const counters = createSharedCounters({
    pool: deps.pool,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.flushIntervalMs === undefined ? {} : { flushIntervalMs: deps.flushIntervalMs }),
  });
  const policies = new Map<string, TrafficLimitsPolicy>();
  const policyOf = (brandId: string): TrafficLimitsPolicy => {
    let policy = policies.get(brandId);
    if (policy === undefined) {
      policy = trafficPolicy({ ...deps.defaults, ...deps.brands?.[brandId] });
      policies.set(brandId, policy);
    }
    return policy;
  };

  // QCA per client, refreshed in the background every 5 minutes once known.
  const qca = new Map<string, { count: number; at: number; refreshing?: Promise<number> }>();
  function activeConsents(brandId: string, clientId: string): Sync<number> {
    const key = `${brandId}|${clientId}`;
    const now = deps.clock.now().getTime();
    const known = qca.get(key);
    const load = () => deps.activeConsents(brandId, clientId);
    if (known === undefined) {
      return load().then((count) => {
        qca.set(key, { count, at: now });
        return count;
      });
    }
    if (now - known.at > 5 * 60_000 && known.refreshing === undefined) {
      known.refreshing = load()
        .then((count) => Object.assign(known, { count, at: deps.clock.now().getTime() }).count)
        .finally(() => (known.refreshing = undefined));
      known.refreshing.catch(() => undefined);
    }
    return known.count;
  }

  const tooMany = (message: string) => new AppError(PlatformErrors.TOO_MANY_REQUESTS, message);

  /** Throws 423 when the month's successful calls reached the limit. */
  function checkOperational(
    brandId: string,
    subject: OperationalKey,
    now: Date = deps.clock.now(),
  ): Sync<void> {
    const limit = monthlyLimit(policyOf(brandId), subject.endpoint);
    if (limit === null) return;
    const key = operationalKey(subject);
    const window = brasiliaMonthStart(now);
    const loading = counters.load(brandId, 'month', key, window);
    if (loading !== undefined) {
      return loading.then(() => checkOperational(brandId, subject, now));
    }
    if (counters.value(brandId, 'month', key, window) >= limit) {
      throw new AppError(
        HolderErrors.OPERATIONAL_LIMIT_EXCEEDED,
        `Limite operacional de ${limit} chamadas no mês atingido para este endpoint e recurso.`,
      );
    }
  }

  return {
    policyOf,

    admitGlobal(brandId: string, now: Date = deps.clock.now()): void {
      const limit = policyOf(brandId).globalTps;
      if (limit === null) return;
      if (!counters.admit(brandId, 'tps', '', secondStart(now), limit)) {
        throw new AppError(
          HolderErrors.SITE_IS_OVERLOADED,
          'Limite global de requisições por segundo atingido.',
        );
      }
    },

    /** Throws 429 past the client's TPM for the endpoint; synchronous once the QCA is known. */
    admitClient(
      brandId: string,
      clientId: string,
      endpoint: EndpointPolicy,
      now: Date = deps.clock.now(),
    ): Sync<void> {
      const policy = policyOf(brandId);
      const tpm = policy.tpm;
      const frequency = endpoint.frequency;
      if (tpm === null || frequency === null) return;
      const admit = (limit: number) => {
        if (!counters.admit(brandId, 'tpm', `${clientId}|${endpoint.id}`, minuteStart(now), limit)) {
          throw tooMany(`Limite de ${limit} requisições por minuto para este endpoint atingido.`);
        }
      };
      if (frequency !== 'HIGH') return admit(tpm[frequency]);
      return then(activeConsents(brandId, clientId), (count) => admit(highFrequencyTpm(policy, count)));
    },

    /** Throws 423 when the month's successful calls reached the limit. */
    checkOperational,

    /** Counts one successful call (2xx) against the month's limit. */
    recordOperational(brandId: string, subject: OperationalKey, now: Date = deps.clock.now()): void {
      if (monthlyLimit(policyOf(brandId), subject.endpoint) === null) return;
      counters.add(brandId, 'month', operationalKey(subject), brasiliaMonthStart(now));
    },

    admitOpenData(brandId: string, ip: string, now: Date = deps.clock.now()): void {
      const limit = policyOf(brandId).openDataTpmPerIp;
      if (limit === null) return;
      if (!counters.admit(brandId, 'ip', ip, minuteStart(now), limit)) {
        throw tooMany(`Limite de ${limit} requisições por minuto por endereço IP atingido.`);
      }
    },

    /** Adds pending counts to PostgreSQL now (tests; shutdown). */
    flush: () => counters.flush(),
    close: () => counters.close(),
  };
}

function operationalKey(subject: OperationalKey): string {
  return `${subject.endpoint.id}|${subject.consentId}|${subject.resourceId ?? ''}`;
}

export type TrafficLimits = ReturnType<typeof createTrafficLimits>;
