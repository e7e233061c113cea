import type { QueueMap } from '../platform/jobs/index.ts';

/** The consents module's background jobs. */
export interface ConsentsJobPayloads {
  /** End consents whose time ran out (consents 3.3.1: 60 minutes awaiting, fixed term); self-rescheduling. */
  'consents.expire-sweep': { batchSize: number; intervalSeconds: number };
}

declare module '../platform/jobs/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's jobs
  interface JobPayloads extends ConsentsJobPayloads {}
}

export const consentsQueues = {
  'consents.expire-sweep': {
    description: 'Reject consents past their authorisation limit or term (reads also do it lazily).',
    retryLimit: 3,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 300,
    // One queued and one running at most: every process kicks the chain off at start.
    policy: 'stately',
  },
} as const satisfies QueueMap<ConsentsJobPayloads>;
