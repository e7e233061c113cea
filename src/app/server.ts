import { Registry } from 'prom-client';
import { systemClock } from '../platform/clock/index.ts';
import type { Config } from '../platform/config/index.ts';
import { openDatabase, type OpenDatabase } from '../platform/db/bootstrap.ts';
import { createHttpApp } from '../platform/http/index.ts';
import { createInProcessEventBus, createOutboxRelay, type EventBus } from '../platform/events/index.ts';
import { createJobs, type Jobs } from '../platform/jobs/index.ts';
import { createLogger, type Logger } from '../platform/logger/index.ts';
import { openCrypto, type PlatformCrypto } from './crypto.ts';
import { seedDemoOnFirstStart } from './demo-data.ts';
import type { Ecosystem } from '../sim/ecosystem.ts';

export interface RunningServer {
  url: string;
  logger: Logger;
  database: OpenDatabase;
  crypto: PlatformCrypto;
  jobs: Jobs;
  events: EventBus;
  /** The simulated ecosystem, when PONTE_SIM is on. */
  ecosystem: Ecosystem | undefined;
  /** Drains HTTP, stops workers, closes the pool, then stops the embedded PostgreSQL. */
  close(): Promise<void>;
}

export interface ServerHooks {
  /** Runs after the database and crypto are ready, before HTTP listens (e.g. seeding the demo). */
  beforeListen?: (ctx: {
    config: Config;
    database: OpenDatabase;
    crypto: PlatformCrypto;
    logger: Logger;
  }) => Promise<void>;
}

/**
 * The composition root (DESIGN §2: wiring by hand in one place). Modules get their
 * dependencies here and register their routes on the HTTP app.
 */
export async function startServer(config: Config, hooks: ServerHooks = {}): Promise<RunningServer> {
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty, name: 'ponte' });
  const database = await openDatabase(config.database, config.home, (m) => logger.info(m));
  const closers: Array<() => Promise<void>> = [() => database.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) {
      await closer().catch((error: unknown) => logger.error({ err: error }, 'error during shutdown'));
    }
  };
  try {
    const crypto = await openCrypto(config, database.db);
    // Its own small pool from the URL, so workers are woken by NOTIFY instead of polling.
    const jobs = await createJobs({ connection: database.url, logger, enabled: config.jobs.enabled });
    closers.push(() => jobs.stop());
    const events = createInProcessEventBus({ logger });
    let ecosystem: Ecosystem | undefined;
    if (config.sim.enabled) {
      // Imported only when used: production processes never load the simulator.
      const { startEcosystem } = await import('../sim/ecosystem.ts');
      ecosystem = await startEcosystem({
        config,
        database,
        crypto,
        events,
        jobs,
        clock: systemClock,
        logger,
      });
      closers.push(() => ecosystem!.close());
      const [first] = ecosystem.brands;
      if (first) {
        const { startHousekeeping } = await import('./jobs.ts');
        await startHousekeeping({
          jobs,
          pool: database.pool,
          consents: first.consents.service,
          clock: systemClock,
          logger,
        });
      }
    } else {
      await seedDemoOnFirstStart({ config, pool: database.pool, crypto, logger });
    }
    // After every module has subscribed: events waiting in the outbox since the last run reach
    // all of their subscribers.
    if (config.jobs.enabled) {
      const relay = createOutboxRelay({ db: database.db, bus: events, logger });
      await relay.start();
      closers.push(() => relay.stop());
    }
    await hooks.beforeListen?.({ config, database, crypto, logger });

    const app = createHttpApp({
      logger,
      metrics: new Registry(),
      clock: systemClock,
      readinessChecks: [
        { name: 'database', check: async () => void (await database.pool.query('SELECT 1')) },
      ],
      options: { trustProxy: config.http.trustProxy },
    });
    closers.push(() => app.close());
    const url = await app.listen({ host: config.http.host, port: config.http.port });
    logger.info({ url }, 'Ponte is listening');
    if (ecosystem) {
      const { ecosystemBanner } = await import('../sim/banner.ts');
      process.stderr.write(ecosystemBanner(ecosystem, url));
    }
    return { url, logger, database, crypto, jobs, events, ecosystem, close };
  } catch (error) {
    await close();
    throw error;
  }
}
