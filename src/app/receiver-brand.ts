import { Registry } from 'prom-client';
import { createDirectoryClient, type DirectoryUrls } from '../directory/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import { createFieldCipher } from '../platform/crypto/index.ts';
import type { OpenDatabase } from '../platform/db/bootstrap.ts';
import { createHttpApp } from '../platform/http/index.ts';
import type { Jobs } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import {
  createReceiver,
  receiverRoutes,
  type Receiver,
  type ReceiverCredentials,
} from '../receiver/index.ts';
import type { PlatformCrypto } from './crypto.ts';

/** Refresh tokens expiring within this window, every REFRESH_EVERY_SECONDS. */
const REFRESH_WINDOW_MS = 10 * 60_000;
const REFRESH_EVERY_SECONDS = 120;

export interface ReceiverBrandConfig {
  id: string;
  name: string;
  host: string;
  port: number;
  /** Origin as holders and browsers reach it (callback, webhooks, return page). */
  baseUrl: string;
  /** Server certificate of the receiver's own origin; `ca` makes it ask holders for theirs (webhooks). */
  tls: { key: string; cert: string; ca?: string };
  credentials: ReceiverCredentials;
  directory: { urls: DirectoryUrls; ssaIssuer: string; ca?: string };
  /** How long the participants list is cached (new holders seen within it); 5 s by default. */
  directoryCacheTtlMs?: number;
}

export interface ReceiverBrand {
  config: ReceiverBrandConfig;
  baseUrl: string;
  receiver: Receiver;
  close(): Promise<void>;
}

const donePage = (name: string, query: URLSearchParams) => {
  const status = query.get('status') ?? query.get('error') ?? 'desconhecido';
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>${escape(name)}</title></head><body><main><h1>${escape(name)}</h1><p>Consentimento <code>${escape(query.get('consent') ?? '')}</code>: <strong id="status">${escape(status)}</strong></p></main></body></html>`;
};

/**
 * The installation as a data receiver and payment initiator (src/receiver/README.md, "Wiring"):
 * its REST API for the institution's apps, the callback and the holders' webhooks on one origin
 * over TLS, registered at every holder of the directory at start, tokens refreshed by a job.
 */
export async function startReceiverBrand(deps: {
  config: ReceiverBrandConfig;
  database: OpenDatabase;
  crypto: PlatformCrypto;
  jobs: Jobs;
  clock: Clock;
  logger: Logger;
}): Promise<ReceiverBrand> {
  const { config, clock } = deps;
  const logger = deps.logger.child({ receiverBrandId: config.id });
  const { baseUrl } = config;
  // Its own directory client: it must see holders the moment they join (no shared cache).
  const directory = createDirectoryClient({
    participantsUrl: config.directory.urls.participants,
    keystoreJwksUrl: config.directory.urls.keystoreJwks,
    tokenUrl: config.directory.urls.token,
    apiBaseUrl: config.directory.urls.api,
    ssaIssuer: config.directory.ssaIssuer,
    ...(config.directory.ca !== undefined && { ca: config.directory.ca }),
    clock,
    cacheTtlMs: config.directoryCacheTtlMs ?? 5_000,
  });
  const receiver = await createReceiver({
    db: deps.database.db,
    clock,
    logger,
    cipher: createFieldCipher({
      envelope: deps.crypto.personalData,
      hasher: deps.crypto.hasher,
      hashDomain: 'receiver',
    }),
    directory,
    credentials: config.credentials,
    brandId: config.id,
    returnUrl: `${baseUrl}/receiver/v1/done`,
  });
  const app = createHttpApp({
    logger,
    metrics: new Registry(),
    clock,
    readinessChecks: [],
    options: { defaultMetrics: false, tls: config.tls },
  });
  await app.register(receiverRoutes, { receiver, clock });
  // Where the callback sends the customer: a demo app's "done" page.
  app.get('/receiver/v1/done', (request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(donePage(config.name, new URLSearchParams(request.url.split('?')[1] ?? ''))),
  );
  await app.listen({ host: config.host, port: config.port });
  const registrations = await receiver.registerEverywhere();
  logger.info(
    { baseUrl, registered: registrations.filter((r) => r.status === 'REGISTERED').length },
    'receiver listening and registered',
  );
  if (deps.jobs.enabled) {
    await deps.jobs.work('receiver.refresh-tokens', async ({ brandId }) => {
      if (brandId !== config.id) return;
      await deps.jobs.send('receiver.refresh-tokens', { brandId }, { startAfter: REFRESH_EVERY_SECONDS });
      const { refreshed, lost } = await receiver.refreshExpiring(REFRESH_WINDOW_MS);
      if (refreshed + lost > 0) logger.info({ refreshed, lost }, 'receiver tokens refreshed');
      // Registrations follow the directory (new holders, changed keys/URIs, holders that left);
      // a failure here (directory down) must not stop token refreshes, so it is only logged.
      await receiver
        .syncRegistrations()
        .catch((error: unknown) => logger.warn({ err: error }, 'receiver registration sync failed'));
    });
    await deps.jobs.send('receiver.refresh-tokens', { brandId: config.id });
  }
  return {
    config,
    baseUrl,
    receiver,
    async close() {
      await app.close();
      await receiver.close();
      await directory.close();
    },
  };
}
