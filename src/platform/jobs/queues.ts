/**
 * The typed job map's machinery (immich's `JobName → Queue` map), with no job of its own: each
 * module declares its jobs, and the composition root hands their queues to `createJobs`.
 *
 * A module declares a job in two places, both in its own `jobs.ts`:
 *
 * @example
 *   // src/orders/jobs.ts (a made-up module)
 *   import type { QueueMap } from '../platform/jobs/index.ts';
 *
 *   // 1. the payload, merged into the platform's JobPayloads (so send/work type-check)
 *   export interface OrdersJobPayloads {
 *     'orders.ship': { brandId: string; orderId: string };
 *   }
 *   declare module '../platform/jobs/index.ts' {
 *     interface JobPayloads extends OrdersJobPayloads {}
 *   }
 *
 *   // 2. the queue: a total map over the module's own jobs
 *   export const ordersQueues = {
 *     'orders.ship': { description: '...', retryLimit: 3, retryDelaySeconds: 10,
 *                      retryBackoff: true, expireInSeconds: 300, concurrency: 5 },
 *   } as const satisfies QueueMap<OrdersJobPayloads>;
 *
 *   // src/app/queues.ts gathers every module's map: createJobs({ ..., queues: allQueues })
 */

/**
 * The payload of every job, by name. Empty here: modules add their jobs by declaration merging
 * (see above), so a name no module declared is a type error in `send` and `work`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in each module
export interface JobPayloads {}

/** A queue's settings. Times are in seconds, as pg-boss stores them (whole seconds). */
export interface QueueDefinition<Name extends string = string> {
  description: string;
  /** Retries after the first attempt before the job fails for good (then dead-letters, if set). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Exponential backoff from `retryDelaySeconds` (pg-boss: delay · 2^retryCount, with jitter). */
  retryBackoff: boolean;
  retryDelayMaxSeconds?: number;
  /** How long one attempt may run before pg-boss takes it back and retries it. */
  expireInSeconds: number;
  /** Queue (declared in the same map) that receives the payload once retries are exhausted. */
  deadLetter?: Name;
  /** pg-boss queue policy; `singleton`/`stately` keep one job active (or queued) per key. */
  policy?: 'standard' | 'singleton' | 'stately' | 'short' | 'exclusive';
  /** How long a queued job may wait before it is dropped; pg-boss default 14 days. */
  retentionSeconds?: number;
  /** How long a finished job stays visible; pg-boss default 7 days. */
  deleteAfterSeconds?: number;
  /** Jobs this process works at once for the queue (pg-boss `localConcurrency`). */
  concurrency?: number;
}

export type JobName<Payloads extends object = JobPayloads> = keyof Payloads & string;

/**
 * A total map over `Payloads`: every job has a queue, and dead letters name queues of the same
 * map. A module's own map satisfies `QueueMap<ItsJobPayloads>`.
 */
export type QueueMap<Payloads extends object = JobPayloads> = {
  readonly [Name in JobName<Payloads>]: QueueDefinition<JobName<Payloads>>;
};

/**
 * The queues a job system creates: any of the declared jobs (the composition root passes every
 * module's map; a test may pass fewer). Sending to or working a queue not given is an error.
 */
export type JobQueues<Payloads extends object = JobPayloads> = {
  readonly [Name in JobName<Payloads>]?: QueueDefinition<JobName<Payloads>>;
};
