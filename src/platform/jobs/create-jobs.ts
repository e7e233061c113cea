import type pg from 'pg';
import { PgBoss, type ConstructorOptions, type JobOptions, type JobWithMetadata } from 'pg-boss';
import { AppError } from '../errors/index.ts';
import type { Logger } from '../logger/index.ts';
import { poolDb, transactionDb, type JobsTransaction } from './adapters.ts';
import { runJob, type JobHandler } from './handler.ts';
import type { JobName, JobPayloads, JobQueues, QueueDefinition } from './queues.ts';

export interface JobsOptions<Payloads extends object = JobPayloads> {
  /**
   * A connection string (pg-boss opens its own small pool plus one LISTEN connection, so workers
   * wake on NOTIFY) or a pool the process already has (workers then poll).
   */
  connection: string | pg.Pool;
  /** pg-boss's own schema in the same database; pg-boss installs and migrates it on start. */
  schema?: string;
  logger: Logger;
  /** `false` (config `jobs.enabled`): send-only, for processes that only serve HTTP. */
  enabled?: boolean;
  /**
   * The queues to create: every module's map, gathered by the composition root (`allQueues` in
   * src/app/queues.ts); tests pass their own, with fast retries. Exactly these are created, and
   * only these can be sent to, worked or searched.
   */
  queues: JobQueues<Payloads>;
  /** Idle poll of each worker (pg-boss minimum 0.5). NOTIFY wakes workers sooner when available. */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers; unfinished ones go back to the queue. */
  stopTimeoutMs?: number;
  /** Pool size when pg-boss opens its own pool. */
  poolMax?: number;
  /** Shown in pg-boss's instance registry (`pgboss.instance`), e.g. the process role. */
  instanceName?: string;
}

/** Per-send settings; retries, expiry and dead-lettering come from the queue map. */
export type SendJobOptions = Pick<
  JobOptions,
  'id' | 'priority' | 'startAfter' | 'singletonKey' | 'singletonSeconds'
>;

export type JobRecord<Payload> = JobWithMetadata<Payload>;

export interface Jobs<Payloads extends object = JobPayloads> {
  /** False in send-only mode: `work()` registers nothing. */
  readonly enabled: boolean;
  /** Enqueues a job; resolves to its id (null when a singleton/throttle policy dropped it). */
  send<N extends JobName<Payloads>>(
    name: N,
    payload: Payloads[N],
    options?: SendJobOptions,
  ): Promise<string | null>;
  /** Enqueues a job inside the caller's open transaction: it exists only if that transaction commits. */
  send<N extends JobName<Payloads>>(
    tx: JobsTransaction,
    name: N,
    payload: Payloads[N],
    options?: SendJobOptions,
  ): Promise<string | null>;
  /** Starts working a queue (no-op in send-only mode). */
  work<N extends JobName<Payloads>>(
    name: N,
    handler: JobHandler<Payloads[N]>,
    options?: { concurrency?: number },
  ): Promise<void>;
  /** Jobs still stored for a queue (e.g. a dead-letter queue for the portal), oldest first. */
  find<N extends JobName<Payloads>>(
    name: N,
    filter?: { id?: string; data?: Partial<Payloads[N]> },
  ): Promise<JobRecord<Payloads[N]>[]>;
  /**
   * Creates more queues after start, for code loaded at run time that brings its own jobs (a
   * connector module: its payloads still merge into JobPayloads). Idempotent.
   */
  declareQueues(queues: JobQueues<Payloads>): Promise<void>;
  /** Stops fetching, waits for running handlers (up to `stopTimeoutMs`), then closes. */
  stop(): Promise<void>;
}

/**
 * Starts pg-boss and creates the queues given (each module declares its own, see queues.ts).
 *
 * @example
 *   const jobs = await createJobs({ connection: config.database.url, logger, queues: allQueues });
 *   await jobs.work('orders.ship', async ({ brandId, orderId }, job) => ship(brandId, orderId, job.signal));
 *   await db.transaction(async (tx) => {
 *     await acceptOrder(tx, orderId);
 *     await jobs.send(tx, 'orders.ship', { brandId, orderId });
 *   });
 */
export async function createJobs<Payloads extends object = JobPayloads>(
  options: JobsOptions<Payloads>,
): Promise<Jobs<Payloads>> {
  const enabled = options.enabled ?? true;
  // Own copy: the queues this job system knows, grown by declareQueues.
  const queueMap = new Map<string, QueueDefinition>(definitionsOf(options.queues));
  const logger = options.logger.child({ module: 'jobs' });
  const ownPool = typeof options.connection === 'string';
  const bossOptions: ConstructorOptions = {
    schema: options.schema ?? 'pgboss',
    ...(typeof options.connection === 'string'
      ? { connectionString: options.connection, max: options.poolMax ?? 5 }
      : { db: poolDb(options.connection) }),
    useListenNotify: ownPool,
    migrate: true,
    // Maintenance (expiring, retrying, archiving) and cron belong to worker processes.
    supervise: enabled,
    schedule: enabled,
    ...(options.instanceName === undefined ? {} : { instanceName: options.instanceName }),
  };
  const boss = new PgBoss(bossOptions);
  // An unhandled 'error' event would crash the process; pg-boss reports and carries on.
  boss.on('error', (err) => logger.error({ err }, 'pg-boss error'));
  boss.on('warning', (warning) => logger.warn({ warning: warning.data }, warning.message));
  await boss.start();
  try {
    await declareQueues(boss, [...queueMap], ownPool);
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;

  function assertRunning(): void {
    if (stopping) throw new AppError('JOBS_STOPPED', 'The job system has been stopped');
  }

  /** A queue this job system created; a clear error rather than pg-boss's for a missing queue. */
  function definitionOf(name: string): QueueDefinition {
    const definition = queueMap.get(name);
    if (definition === undefined) {
      throw new AppError(
        'JOB_QUEUE_UNDECLARED',
        `Job queue ${name} was not given to createJobs: add its module's queue map to the composition root (src/app/queues.ts)`,
      );
    }
    return definition;
  }

  async function send(...args: unknown[]): Promise<string | null> {
    assertRunning();
    const [tx, name, payload, sendOptions] =
      typeof args[0] === 'string' ? [undefined, ...args] : (args as [JobsTransaction, ...unknown[]]);
    definitionOf(name as string);
    const db = tx === undefined ? {} : { db: transactionDb(tx) };
    return boss.send(name as string, payload as object, { ...(sendOptions as SendJobOptions), ...db });
  }

  return {
    enabled,
    send,
    async work(name, handler, workOptions = {}) {
      assertRunning();
      const definition = definitionOf(name);
      if (!enabled) {
        logger.debug({ queue: name }, 'jobs disabled in this process: worker not started');
        return;
      }
      await boss.work<Payloads[typeof name]>(
        name,
        {
          batchSize: 1,
          perJobResults: true,
          localConcurrency: workOptions.concurrency ?? definition.concurrency ?? 1,
          // NOTIFY wakes workers for new jobs only; retries become due silently, so the poll
          // stays at the base interval rather than pg-boss's relaxed 30 s notify backstop.
          pollingIntervalSeconds,
          notifyPollingIntervalSeconds: pollingIntervalSeconds,
        },
        async (batch) => Promise.all(batch.map((job) => runJob(job, handler, logger))),
      );
    },
    async find(name, filter = {}) {
      definitionOf(name);
      return boss.findJobs<Payloads[typeof name]>(name, filter);
    },
    async declareQueues(queues) {
      assertRunning();
      const added = definitionsOf(queues);
      await declareQueues(boss, added, ownPool);
      for (const [name, definition] of added) queueMap.set(name, definition);
    },
    stop() {
      stopping ??= boss.stop({ graceful: true, close: true, timeout: options.stopTimeoutMs ?? 30_000 });
      return stopping;
    },
  };
}

/**
 * Creates every queue, then applies the map's settings (createQueue leaves an existing queue as
 * it is, so updateQueue is what makes a changed retry policy take effect). Dead-letter targets
 * must exist before a queue names them, hence the two passes.
 */
async function declareQueues(
  boss: PgBoss,
  entries: readonly (readonly [string, QueueDefinition])[],
  notify: boolean,
): Promise<void> {
  for (const [name, definition] of entries) {
    await boss.createQueue(name, { policy: definition.policy ?? 'standard' });
  }
  for (const [name, definition] of entries) {
    await boss.updateQueue(name, {
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: definition.retryBackoff,
      retryDelayMax: definition.retryDelayMaxSeconds ?? null,
      expireInSeconds: definition.expireInSeconds,
      deadLetter: definition.deadLetter ?? null,
      notify,
      ...(definition.retentionSeconds === undefined ? {} : { retentionSeconds: definition.retentionSeconds }),
      ...(definition.deleteAfterSeconds === undefined
        ? {}
        : { deleteAfterSeconds: definition.deleteAfterSeconds }),
    });
  }
}

function definitionsOf<Payloads extends object>(queues: JobQueues<Payloads>): [string, QueueDefinition][] {
  return Object.entries(queues).filter((entry): entry is [string, QueueDefinition] => entry[1] !== undefined);
}
