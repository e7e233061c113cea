import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AccessTokenVerifier, ConsentResourceAccessReader } from '../consents/index.ts';
import type { CoreBankConnector } from '../connectors/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { RoutePlugin } from '../platform/http/index.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { creditCardsRoutes } from './credit-cards/routes.ts';
import { creditOperationRoutes } from './credit-operations/routes.ts';
import { customersRoutes } from './customers/routes.ts';
import { createResourceGuard, type ResourceGuard } from './guard/resource-guard.ts';
import type { Sync } from './guard/ttl-cache.ts';
import type { TrafficLimits } from './limits/traffic-limits.ts';
import type { PaginationKeys } from './paging/pagination-key.ts';
import { HOLDER_APIS, type HolderApiName } from './policy/apis.ts';
import { errorMetaHasTotals } from './policy/endpoints.ts';
import { createRouteCollector } from './openapi/document.ts';
import { registerApiDocs } from './openapi/routes.ts';
import { resourcesRoutes } from './resources/routes.ts';
import { withReadCache } from './shared/read-cache.ts';
import { ProtectedHeaders } from './shared/schemas.ts';
import type { FamilyDeps, HolderBrand } from './shared/respond.ts';

export interface HolderDeps {
  brand: HolderBrand;
  connector: CoreBankConnector;
  /** consents' `createConsentResourceAccess({ db })`. */
  consents: Pick<ConsentResourceAccessReader, 'getForResourceAccess'>;
  /** authz's verifier for this brand (`AuthorizationServer.verifier`). */
  verifier: AccessTokenVerifier;
  /** `createTrafficLimits(...)`, shared by the brand's holder and open-data routes. */
  limits: TrafficLimits;
  /** `createPaginationKeys({ secret, clock })`; the secret is shared by every process. */
  paginationKeys: PaginationKeys;
  clock: Clock;
  /** See ResourceGuardDeps.cacheTtlMs (1 s by default). */
  cacheTtlMs?: number;
  /**
   * How long identical connector reads are shared (ms); 2 s by default, 0 reads the core on every
   * request. See shared/read-cache.ts.
   */
  readCacheTtlMs?: number;
  /** APIs to serve; by default every API the connector's families support. */
  apis?: readonly HolderApiName[];
}

/** Runs a guard step and calls `done` once, with its error if any, sync or async. */
function settle(step: () => Sync<void>, done: (error?: Error) => void): void {
  let result: Sync<void>;
  try {
    result = step();
  } catch (error) {
    done(error as Error);
    return;
  }
  if (result instanceof Promise) result.then(() => done(), done);
  else done();
}

/** Adds `totalRecords`/`totalPages` 0 to an error body's meta (see errorMetaHasTotals). */
function withZeroTotals(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    const body = JSON.parse(payload) as { errors?: unknown; meta?: Record<string, unknown> };
    if (!Array.isArray(body.errors) || body.meta === undefined) return payload;
    body.meta = { totalRecords: 0, totalPages: 0, ...body.meta };
    return JSON.stringify(body);
  } catch {
    return payload;
  }
}

/** The APIs a connector can serve (CoreBankConnector: optional families). */
export function apisOffered(connector: CoreBankConnector): HolderApiName[] {
  const apis: HolderApiName[] = ['resources', 'customers', 'accounts'];
  if (connector.creditCards) apis.push('credit-cards-accounts');
  if (connector.creditOperations) {
    apis.push('loans', 'financings', 'unarranged-accounts-overdraft', 'invoice-financings');
  }
  return apis;
}

function familyPlugins(apis: ReadonlySet<HolderApiName>): Array<RoutePlugin<FamilyDeps>> {
  const plugins: Array<RoutePlugin<FamilyDeps>> = [];
  if (apis.has('resources')) plugins.push(resourcesRoutes);
  if (apis.has('customers')) plugins.push(customersRoutes);
  if (apis.has('accounts')) plugins.push(accountsRoutes);
  if (apis.has('credit-cards-accounts')) plugins.push(creditCardsRoutes);
  for (const api of ['loans', 'financings', 'unarranged-accounts-overdraft', 'invoice-financings'] as const) {
    if (apis.has(api)) plugins.push(creditOperationRoutes(api));
  }
  return plugins;
}

/**
 * The Phase-2 data APIs of one brand, as a Fastify plugin for the brand's mTLS app: every
 * endpoint of resources v3, customers v2, accounts v2, credit-cards-accounts v2, loans v2,
 * financings v2, unarranged-accounts-overdraft v2 and invoice-financings v2, behind the resource
 * guard (guard/resource-guard.ts). Each response carries `x-v` (the implemented spec version).
 *
 * @example
 *   const limits = createTrafficLimits({ pool, clock, activeConsents: access.countActiveForClient, brands });
 *   await app.register(holderRoutes({
 *     brand: { id: 'bank-a', apiBaseUrl: 'https://api.bank-a.example' },
 *     connector, consents: access, verifier: authz.verifier, limits,
 *     paginationKeys: createPaginationKeys({ secret, clock }), clock,
 *   }));
 */
export function holderRoutes(deps: HolderDeps): FastifyPluginAsync & { guard: ResourceGuard } {
  const connector = withReadCache(deps.connector, {
    ttlMs: deps.readCacheTtlMs ?? 2000,
    now: () => deps.clock.now().getTime(),
  });
  const guard = createResourceGuard({
    brandId: deps.brand.id,
    verifier: deps.verifier,
    consents: deps.consents,
    connector,
    limits: deps.limits,
    paginationKeys: deps.paginationKeys,
    clock: deps.clock,
    ...(deps.cacheTtlMs === undefined ? {} : { cacheTtlMs: deps.cacheTtlMs }),
  });
  const apis = new Set(deps.apis ?? apisOffered(deps.connector));
  const plugin = async (app: FastifyInstance) => {
    app.decorateRequest('holder', null as never);
    // Callback hooks: the guard answers synchronously when its caches are warm (most requests).
    app.addHook('onRequest', (request, reply, done) => {
      const route = request.routeOptions.config.holder;
      if (route === undefined) return done();
      reply.header('x-v', HOLDER_APIS[route.endpoint.api].version);
      settle(() => guard.onRequest(request), done);
    });
    app.addHook('preHandler', (request, _reply, done) => {
      if (request.routeOptions.config.holder === undefined) return done();
      settle(() => guard.preHandler(request), done);
    });
    app.addHook('onResponse', (request, reply, done) => guard.onResponse(request, reply, done));
    app.addHook('onSend', (request, reply, payload, done) => {
      const endpoint = request.routeOptions.config.holder?.endpoint;
      if (reply.statusCode < 400 || endpoint === undefined || !errorMetaHasTotals(endpoint)) {
        done(null, payload);
        return;
      }
      done(null, withZeroTotals(payload));
    });
    const described = [...apis].map((name) => ({
      name,
      ...HOLDER_APIS[name],
      scope: name,
      headers: ProtectedHeaders,
    }));
    const collector = createRouteCollector(described);
    app.addHook('onRoute', (options) =>
      collector.onRoute(options, (route) => {
        const endpoint = route.config?.holder?.endpoint;
        return endpoint ? { operationId: endpoint.id, 'x-permission': endpoint.permission } : {};
      }),
    );
    const family: FamilyDeps = { brand: deps.brand, connector, clock: deps.clock };
    for (const routes of familyPlugins(apis)) await app.register(routes, family);
    registerApiDocs(app, {
      apis: described,
      routesOf: collector.routesOf,
      origin: deps.brand.apiBaseUrl,
      docsPath: '/open-banking/docs',
      title: 'Ponte — APIs de dados (Open Finance Brasil, fase 2)',
    });
  };
  return Object.assign(plugin, { guard });
}
