import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  AccessTokenVerifier,
  ConsentResourceAccess,
  ConsentResourceAccessReader,
  VerifiedToken,
} from '../../consents/index.ts';
import type { CoreBankConnector, ResourceType } from '../../connectors/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import { HolderErrors } from '../errors.ts';
import type { TrafficLimits } from '../limits/traffic-limits.ts';
import type { PaginationKeys } from '../paging/pagination-key.ts';
import { pagingScope, pagingState } from '../paging/paging-state.ts';
import {
  assertConsentActive,
  assertPermission,
  assertResourceReadable,
  consentIdOf,
  linkedStatuses,
} from './consent-rules.ts';
import type { HolderRequestContext, HolderRouteConfig, LinkedResourceStatus } from './context.ts';
import { queryValidationError } from './query-errors.ts';
import { createTtlCache, settled, then, type Sync } from './ttl-cache.ts';

export interface ResourceGuardDeps {
  brandId: string;
  verifier: AccessTokenVerifier;
  consents: Pick<ConsentResourceAccessReader, 'getForResourceAccess'>;
  connector: CoreBankConnector;
  limits: TrafficLimits;
  paginationKeys: PaginationKeys;
  clock: Clock;
  /**
   * How long verified tokens and consents are reused (ms); 1 s by default, 0 disables. A token
   * or consent revoked elsewhere stops working here within this time at most.
   */
  cacheTtlMs?: number;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,2048})$/i;

interface ConsentEntry {
  consent: ConsentResourceAccess | undefined;
  statuses: Map<ResourceType, Promise<Map<string, LinkedResourceStatus>>>;
  /** The statuses once known, for the synchronous path. */
  resolved: Map<ResourceType, Map<string, LinkedResourceStatus>>;
}

/**
 * The resource guard of every protected Phase-2 endpoint (issue "Resource guard"): three Fastify
 * hooks, in the order their errors must win.
 *
 * onRequest (before the query is read): global capacity (529); bearer token valid, unexpired,
 * this brand's and bound to the presented certificate (401); the API's scope (403); the consent
 * AUTHORISED and within its term (401); the endpoint's permission (403); per-client TPM (429).
 * preHandler (after validation): query errors (400, 422 for page-size over 1000); the resource
 * linked to the consent and readable (403); the pagination-key; the monthly operational limit
 * (423). onResponse: a 2xx that is not a follow-up page counts towards the month.
 */
export function createResourceGuard(deps: ResourceGuardDeps) {
  const ttlMs = deps.cacheTtlMs ?? 1000;
  const now = () => deps.clock.now().getTime();
  const tokens = createTtlCache<VerifiedToken>({ ttlMs, now });
  const consents = createTtlCache<ConsentEntry>({ ttlMs, now });

  function authenticate(request: FastifyRequest, at: Date): Sync<VerifiedToken> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) {
      throw new AppError(HolderErrors.ACCESS_TOKEN_MISSING, 'Cabeçalho Authorization sem token Bearer.');
    }
    // Only a certificate whose chain was verified can prove possession of a bound token. The
    // verifier checks the binding (cnf.x5t#S256); the cache keys on the certificate's SHA-256
    // thumbprint (computed once per connection), so a cached answer is only ever reused for the
    // very same certificate.
    const presented = request.clientCertificate();
    const bound = presented?.verified === true ? presented : undefined;
    const certificate = bound?.certificate;
    const key = `${bound?.thumbprint ?? ''}\u0000${token}`;
    const verified = settled(
      tokens.get(key, () => deps.verifier.verify({ brandId: deps.brandId, token, certificate })),
    );
    return then(verified, (found) => {
      if (found.expiresAt.getTime() <= at.getTime()) {
        tokens.delete(key);
        throw new AppError(HolderErrors.ACCESS_TOKEN_EXPIRED, 'O token de acesso expirou.');
      }
      return found;
    });
  }

  // Scopes of recent query strings: a receiver polling or paging repeats the same URL.
  const scopes = new Map<string, string>();
  function scopeOf(
    request: FastifyRequest,
    consentId: string,
    endpointId: string,
    resourceId: string | undefined,
    query: Record<string, unknown>,
  ): string {
    const memo = request.holder.requestKey;
    let scope = scopes.get(memo);
    if (scope === undefined) {
      scope = pagingScope({
        consentId,
        endpointId,
        ...(resourceId === undefined ? {} : { resourceId }),
        query,
      });
      if (scopes.size >= 10_000) scopes.clear();
      scopes.set(memo, scope);
    }
    return scope;
  }

  function consentEntry(consentId: string): Sync<ConsentEntry> {
    return settled(
      consents.get(consentId, async () => ({
        consent: await deps.consents.getForResourceAccess(deps.brandId, consentId),
        statuses: new Map(),
        resolved: new Map(),
      })),
    );
  }

  /** Current status of the consent's resources of `type` (core lookups cached with the consent). */
  function statusesOf(
    entry: ConsentEntry,
    consent: ConsentResourceAccess,
    type: ResourceType,
  ): Sync<Map<string, LinkedResourceStatus>> {
    let statuses = entry.statuses.get(type);
    if (statuses === undefined) {
      const customer = consent.customer;
      const created = (
        customer === null
          ? Promise.resolve([])
          : deps.connector.resources.listResources(deps.brandId, customer, { types: [type] })
      ).then((core) => {
        const linked = linkedStatuses(consent, type, core);
        entry.resolved.set(type, linked);
        return linked;
      });
      created.catch(() => entry.statuses.delete(type));
      entry.statuses.set(type, created);
      statuses = created;
    }
    return entry.resolved.get(type) ?? statuses;
  }

  const entries = new WeakMap<HolderRequestContext, ConsentEntry>();

  /** The onRequest checks; synchronous when the token and consent are cached. */
  function onRequest(request: FastifyRequest): Sync<void> {
    const { endpoint } = request.routeOptions.config.holder as HolderRouteConfig;
    const at = deps.clock.now();
    // The data APIs cap x-customer-user-agent at 100 (accounts.yaml xCustomerUserAgent); the
    // platform's own check allows the 255 of consents 3.3.1, the widest spec.
    const agent = request.headers['x-customer-user-agent'];
    if (typeof agent === 'string' && agent.length > 100) {
      throw new AppError(
        PlatformErrors.PARAMETRO_INVALIDO,
        'Cabeçalho x-customer-user-agent acima de 100 caracteres.',
      );
    }
    deps.limits.admitGlobal(deps.brandId, at);
    return then(authenticate(request, at), (token) => {
      if (!token.scopes.has(endpoint.api)) {
        throw new AppError(HolderErrors.INSUFFICIENT_SCOPE, `O token não tem o escopo ${endpoint.api}.`);
      }
      const consentId = consentIdOf(token);
      if (consentId === undefined || !token.scopes.has(`consent:${consentId}`)) {
        throw new AppError(HolderErrors.CONSENT_MISSING, 'O token não está vinculado a um consentimento.');
      }
      return then(consentEntry(consentId), (entry) => {
        const consent = entry.consent;
        if (consent === undefined || consent.clientId !== token.clientId) {
          throw new AppError(HolderErrors.CONSENT_MISSING, 'Consentimento não encontrado para este cliente.');
        }
        assertConsentActive(consent, at);
        const customer = consent.customer;
        if (customer === null) {
          throw new AppError(
            HolderErrors.CONSENT_NOT_AUTHORISED,
            'O consentimento não tem cliente autorizador.',
          );
        }
        assertPermission(consent, endpoint.permission);
        return then(deps.limits.admitClient(deps.brandId, token.clientId, endpoint, at), () => {
          const context: HolderRequestContext = {
            at,
            requestKey: `${consent.consentId}\u0000${request.url}`,
            token,
            consent,
            customer,
            resourceStatuses: (type) => Promise.resolve(statusesOf(entry, consent, type)),
          };
          entries.set(context, entry);
          request.holder = context;
        });
      });
    });
  }

  /** The preHandler checks; synchronous when the resource statuses and monthly count are known. */
  function preHandler(request: FastifyRequest): Sync<void> {
    if (request.validationError) throw queryValidationError(request.validationError);
    const { endpoint, paging } = request.routeOptions.config.holder as HolderRouteConfig;
    const context = request.holder;
    const { consent } = context;
    const resource = endpoint.resource;
    const checked =
      resource === undefined
        ? undefined
        : then(statusesOf(entries.get(context) as ConsentEntry, consent, resource.type), (statuses) => {
            const id = (request.params as Record<string, string>)[resource.param] ?? '';
            assertResourceReadable(statuses.get(id));
            context.resourceId = id;
          });
    return then(checked, () => {
      if (paging !== undefined) {
        const query = request.query as Record<string, unknown>;
        context.paging = pagingState({
          keys: endpoint.monthlyLimit === null ? undefined : deps.paginationKeys,
          scope: scopeOf(request, consent.consentId, endpoint.id, context.resourceId, query),
          now: context.at.getTime(),
          page: query.page as number,
          pageSize: query['page-size'] as number,
          presentedKey: query['pagination-key'] as string | undefined,
        });
        if (context.paging.followUp) return;
      }
      return deps.limits.checkOperational(
        deps.brandId,
        {
          endpoint,
          consentId: consent.consentId,
          ...(context.resourceId === undefined ? {} : { resourceId: context.resourceId }),
        },
        context.at,
      );
    });
  }

  function onResponse(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const context = request.holder as HolderRequestContext | null;
    const route = request.routeOptions.config.holder;
    if (context && route && reply.statusCode >= 200 && reply.statusCode < 300 && !context.paging?.followUp) {
      deps.limits.recordOperational(
        deps.brandId,
        {
          endpoint: route.endpoint,
          consentId: context.consent.consentId,
          ...(context.resourceId === undefined ? {} : { resourceId: context.resourceId }),
        },
        context.at,
      );
    }
    done();
  }

  return {
    onRequest,
    preHandler,
    onResponse,
    /** Forgets a consent at once (wire to consent.revoked / rejected / expired events). */
    forgetConsent: (consentId: string) => consents.delete(consentId),
  };
}

export type ResourceGuard = ReturnType<typeof createResourceGuard>;
