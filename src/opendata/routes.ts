import type { FastifyInstance, FastifyPluginCallback, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createRouteCollector, registerApiDocs, type TrafficLimits } from '../holder/index.ts';
import { AppError } from '../platform/errors/index.ts';
import { PlatformErrors } from '../platform/http/index.ts';
import { CHANNEL_ENDPOINTS, OPEN_DATA_APIS, PRODUCT_ENDPOINTS } from './apis.ts';
import { checkCatalogue, type OpenDataCatalogue } from './catalogue.ts';
import { GetChannel, GetProduct } from './schemas.ts';

export interface OpenDataDeps {
  /** The brand's id and public origin (`https://api.bank.example`, no trailing slash). */
  brand: { id: string; apiBaseUrl: string };
  catalogue: OpenDataCatalogue;
  /** The brand's traffic limits (holder's `createTrafficLimits`): per-IP TPM and global TPS. */
  limits: Pick<TrafficLimits, 'admitGlobal' | 'admitOpenData'>;
}

const PRODUCTS = OPEN_DATA_APIS['products-services'];
const CHANNELS = OPEN_DATA_APIS.channels;

function notPublished(): AppError {
  return new AppError(PlatformErrors.NOT_FOUND, 'A instituição não publica este recurso.');
}

function pageUrl(base: string, page: number, pageSize: number): string {
  return `${base}?page=${page}&page-size=${pageSize}`;
}

/**
 * Phase-1 open data of one brand, for its public app (no token, no client certificate):
 * products-services `/v2` (12 endpoints) and channels `/v2` (5, paged), served from the brand's
 * catalogue; each request passes the brand's global capacity (529) and the per-IP limit (429,
 * 500 TPM by default: DIGEST §8.6). Documents at `<basePath>/openapi.json` and a page at
 * `/open-banking/docs/open-data`.
 *
 * @example
 *   await publicApp.register(openDataRoutes({ brand, catalogue: sampleOpenDataCatalogue(...), limits }));
 */
export function openDataRoutes(deps: OpenDataDeps): FastifyPluginCallback {
  checkCatalogue(deps.brand.id, deps.catalogue);
  const origin = deps.brand.apiBaseUrl.replace(/\/+$/, '');
  const apis = [
    { name: 'products-services', ...PRODUCTS },
    { name: 'channels', ...CHANNELS },
  ];
  return (untyped: FastifyInstance, _options, done) => {
    const app = untyped.withTypeProvider<TypeBoxTypeProvider>();
    const collector = createRouteCollector(apis);
    app.addHook('onRoute', (options) => collector.onRoute(options));
    app.addHook('onRequest', (request: FastifyRequest, reply, done) => {
      const url = request.routeOptions.url ?? '';
      if (!url.startsWith(PRODUCTS.basePath) && !url.startsWith(CHANNELS.basePath)) return done();
      if (url.endsWith('/openapi.json')) return done();
      reply.header('x-v', url.startsWith(PRODUCTS.basePath) ? PRODUCTS.version : CHANNELS.version);
      try {
        deps.limits.admitGlobal(deps.brand.id);
        deps.limits.admitOpenData(deps.brand.id, request.ip);
        done();
      } catch (error) {
        done(error as Error);
      }
    });

    for (const endpoint of PRODUCT_ENDPOINTS) {
      app.get(`${PRODUCTS.basePath}/${endpoint}`, { schema: GetProduct }, () => {
        const data = deps.catalogue.products[endpoint];
        if (data === undefined) throw notPublished();
        return {
          data: data as { brand: Record<string, unknown> },
          links: { self: `${origin}${PRODUCTS.basePath}/${endpoint}` },
          meta: { totalRecords: 1, totalPages: 1 },
        };
      });
    }

    for (const endpoint of CHANNEL_ENDPOINTS) {
      app.get(`${CHANNELS.basePath}/${endpoint}`, { schema: GetChannel }, (request) => {
        const items = deps.catalogue.channels[endpoint];
        // channels 2.0.1: `data` has at least one item; a brand without any has no such resource.
        if (items === undefined || items.length === 0) throw notPublished();
        const { page, 'page-size': pageSize } = request.query;
        const totalPages = Math.ceil(items.length / pageSize);
        const base = `${origin}${CHANNELS.basePath}/${endpoint}`;
        const data = items.slice((page - 1) * pageSize, page * pageSize);
        if (data.length === 0) throw notPublished();
        return {
          data: data,
          links: {
            self: pageUrl(base, page, pageSize),
            ...(page > 1
              ? { first: pageUrl(base, 1, pageSize), prev: pageUrl(base, page - 1, pageSize) }
              : {}),
            ...(page < totalPages
              ? { next: pageUrl(base, page + 1, pageSize), last: pageUrl(base, totalPages, pageSize) }
              : {}),
          },
          meta: { totalRecords: items.length, totalPages },
        };
      });
    }

    registerApiDocs(untyped, {
      apis,
      routesOf: collector.routesOf,
      origin,
      docsPath: '/open-banking/docs/open-data',
      title: 'Ponte — dados abertos (Open Finance Brasil, fase 1)',
    });
    done();
  };
}
