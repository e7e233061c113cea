import { Registry } from 'prom-client';
import { apiKeyAuthenticator, internalConsentRoutes } from '../consents/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import type { Config } from '../platform/config/index.ts';
import { openDatabase, type OpenDatabase } from '../platform/db/bootstrap.ts';
import { createHttpApp, type PonteApp } from '../platform/http/index.ts';
import { createInProcessEventBus, createOutboxRelay, type EventBus } from '../platform/events/index.ts';
import { createJobs, type Jobs } from '../platform/jobs/index.ts';
import { allQueues } from './queues.ts';
import { createLogger, type Logger } from '../platform/logger/index.ts';
import { openCrypto, type PlatformCrypto } from './crypto.ts';
import type { Installation } from './installation/resolve.ts';
import { ROLES, type Role } from './installation/roles.ts';
import type { RunningInstallation } from './installation/start.ts';

export interface RunningServer {
  /** The operator listener's URL (health, metrics, internal consent API), when this process has the role. */
  url: string | undefined;
  logger: Logger;
  database: OpenDatabase;
  crypto: PlatformCrypto;
  jobs: Jobs;
  events: EventBus;
  roles: ReadonlySet<Role>;
  /** The installation's brands, when one was given. */
  installation: RunningInstallation | undefined;
  /** Drains HTTP, stops workers, closes the pool, then stops the embedded PostgreSQL. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The installation to serve (`--config`, or the simulator's); none: the operator listener only. */
  installation?: Installation;
  /** Roles of this process; all by default. */
  roles?: ReadonlySet<Role>;
  /** How long participants lists are cached (the simulator adds holders as it goes). */
  directoryCacheTtlMs?: number;
  /** More routes on the operator listener (the simulator's enrolment endpoint). */
  operatorRoutes?: (app: PonteApp) => Promise<void>;
}

/**
 * A Ponte process (DESIGN §1): the database, crypto, jobs and events every role shares, the
 * installation's brands through the one composition root (installation/start.ts), then the
 * operator listener. Roles choose what this process serves.
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const roles = options.roles ?? new Set(ROLES);
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
    // Workers run only where the jobs role is (and PONTE_JOBS is not off); every process can send.
    const jobsEnabled = config.jobs.enabled && roles.has('jobs');
    // Its own small pool from the URL, so workers are woken by NOTIFY instead of polling.
    const jobs = await createJobs({
      connection: database.url,
      logger,
      enabled: jobsEnabled,
      queues: allQueues,
    });
    closers.push(() => jobs.stop());
    const events = createInProcessEventBus({ logger });
    let installation: RunningInstallation | undefined;
    if (options.installation) {
      const { startInstallation } = await import('./installation/start.ts');
      installation = await startInstallation({
        installation: options.installation,
        roles,
        database,
        crypto,
        jobs,
        events,
        clock: systemClock,
        logger,
        ...(options.directoryCacheTtlMs !== undefined && {
          directoryCacheTtlMs: options.directoryCacheTtlMs,
        }),
      });
      closers.push(() => installation!.close());
      const [first] = installation.brands;
      if (first && jobsEnabled) {
        const { startHousekeeping } = await import('./jobs.ts');
        await startHousekeeping({
          jobs,
          pool: database.pool,
          consents: first.consents.service,
          clock: systemClock,
          logger,
        });
      }
    }
    // After every module has subscribed: events waiting in the outbox since the last run reach
    // all of their subscribers.
    if (jobsEnabled) {
      const relay = createOutboxRelay({ db: database.db, bus: events, logger });
      await relay.start();
      closers.push(() => relay.stop());
    }

    let url: string | undefined;
    if (roles.has('operator')) {
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
      // The institution's own channels manage their customers' consents here (never on the
      // participants' listeners): one API key per channel and brand (installation file).
      if (installation && installation.internalApiKeys.length > 0) {
        await app.register(internalConsentRoutes, {
          management: installation.management,
          authenticator: apiKeyAuthenticator(installation.internalApiKeys),
        });
      }
      await options.operatorRoutes?.(app);
      // The installation file's operator listener, unless the environment says otherwise.
      const operator = options.installation?.listeners.operator;
      url = await app.listen({
        host: config.http.fromEnvironment.host ? config.http.host : (operator?.host ?? config.http.host),
        port: config.http.fromEnvironment.port ? config.http.port : (operator?.port ?? config.http.port),
      });
      logger.info({ url, roles: [...roles] }, 'Ponte is listening');
    }
    return { url, logger, database, crypto, jobs, events, roles, installation, close };
  } catch (error) {
    await close();
    throw error;
  }
}
