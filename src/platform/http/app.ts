import type { TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Registry } from 'prom-client';
import type { Clock } from '../clock/index.ts';
import { INTERACTION_ID_LOG_KEY } from '../logger/index.ts';
import type { Logger } from '../logger/index.ts';
import { frameworkErrorHandler, installErrorMapper } from './error-mapper.ts';
import { interactionIdFrom } from './fapi-headers.ts';
import { registerHealthRoutes } from './health.ts';
import type { ReadinessCheck } from './health.ts';
import { installInteractionId } from './interaction-id.ts';
import { registerMetrics } from './metrics.ts';
import type { PonteApp } from './types.ts';
import { installClientCertificate, proxyList, type ClientCertificateSource } from './client-certificate.ts';

export interface HttpAppOptions {
  /**
   * Proxies whose X-Forwarded-* headers are believed (Fastify `trustProxy`: `request.ip`,
   * `request.protocol`); by default the gateway's `trustedProxies` when client certificates come
   * from a proxy, else none.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Largest accepted body in bytes; 512 KiB by default (a signed 60-payment Pix batch fits). */
  bodyLimit?: number;
  /** Time each readiness check gets; 2 s by default. */
  readinessTimeoutMs?: number;
  /** Collect prom-client's default process metrics into the registry; true by default. */
  defaultMetrics?: boolean;
  /** Generates interaction ids for requests without a valid one; `randomUUID` by default. */
  generateInteractionId?: () => string;
  /**
   * Terminate TLS here (PEM strings). With `ca`, clients are asked for a certificate that is checked
   * against it; the connection is still accepted without one so each route decides (FAPI-BR: the
   * token and resource endpoints refuse, discovery does not).
   */
  tls?: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer | Array<string | Buffer> };
  /** Where client certificates come from; `tls` by default (see client-certificate.ts). */
  clientCertificates?: ClientCertificateSource;
}

export interface HttpAppDeps {
  logger: Logger;
  metrics: Registry;
  readinessChecks: readonly ReadinessCheck[];
  clock: Clock;
  options?: HttpAppOptions;
}

/** consents.yaml: consentId is a URN of up to 256 characters; Fastify's default limit is 100. */
const MAX_PARAM_LENGTH = 256;

/**
 * The HTTP application every module mounts its routes on: one error mapper, the
 * x-fapi-interaction-id, health, metrics. Register module plugins on it, then `listen`.
 *
 * @example
 *   const app = createHttpApp({ logger, metrics: new Registry(), readinessChecks: [db], clock: systemClock });
 *   await app.register(accountRoutes, { accounts });
 *   await app.listen({ port: 8443 });
 */
export function createHttpApp(deps: HttpAppDeps): PonteApp {
  const options = deps.options ?? {};
  const generateId = options.generateInteractionId ?? randomUUID;
  const gateway = options.clientCertificates?.mode === 'proxy' ? options.clientCertificates : undefined;
  // Checked here first, with a message naming the entry (Fastify's own check says less).
  if (gateway) proxyList(gateway.trustedProxies);
  // The cast widens pino's Logger to FastifyBaseLogger, the logger type plugins are written against.
  const app = Fastify({
    loggerInstance: deps.logger,
    // Correlation is the x-fapi-interaction-id, not a generic request-id header.
    requestIdHeader: false,
    genReqId: (raw) => interactionIdFrom(raw.headers) ?? generateId(),
    logController: new LogController({ requestIdLogLabel: INTERACTION_ID_LOG_KEY }),
    frameworkErrors: frameworkErrorHandler(deps.clock),
    // Behind a gateway, `request.ip` is the client's (per-IP limits, logs), not the gateway's.
    trustProxy: options.trustProxy ?? (gateway ? [...gateway.trustedProxies] : false),
    bodyLimit: options.bodyLimit ?? 512 * 1024,
    ...(options.tls && {
      https: {
        key: options.tls.key,
        cert: options.tls.cert,
        ...(options.tls.ca && { ca: options.tls.ca, requestCert: true, rejectUnauthorized: false }),
        minVersion: 'TLSv1.2' as const,
      },
    }),
    return503OnClosing: true,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as PonteApp;

  // A client certificate is read once per connection (client-certificate.ts): refuse TLS 1.2
  // renegotiation, through which a client could present another certificate mid-connection.
  if (options.tls) {
    app.server.on('secureConnection', (socket: TLSSocket) => socket.disableRenegotiation());
  }
  // Regulated APIs take JSON (or JWT, parsed by the payments module); plain text is refused (415).
  app.removeContentTypeParser('text/plain');
  installInteractionId(app);
  installClientCertificate(app, options.clientCertificates ?? { mode: 'tls' });
  installErrorMapper(app, deps.clock);
  registerMetrics(app, deps.metrics, { defaultMetrics: options.defaultMetrics ?? true });
  registerHealthRoutes(app, deps.readinessChecks, options.readinessTimeoutMs ?? 2000);
  app.addHook('onClose', (instance, done) => {
    instance.log.info('http app closed');
    done();
  });
  return app;
}
