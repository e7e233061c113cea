import type { QueueMap } from '../platform/jobs/index.ts';
import type { PurgeExpiredPayload } from './adapter/cleanup.ts';

/** The authorization server's background jobs. */
export interface AuthzJobPayloads {
  /** Delete expired authorization-server artefacts; reschedules itself (src/app/jobs.ts). */
  'authz.purge-expired': PurgeExpiredPayload;
}

declare module '../platform/jobs/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's jobs
  interface JobPayloads extends AuthzJobPayloads {}
}

export const authzQueues = {
  'authz.purge-expired': {
    description: 'Delete expired authorization-server artefacts (tokens, codes, sessions) in batches.',
    retryLimit: 3,
    retryDelaySeconds: 60,
    retryBackoff: false,
    expireInSeconds: 300,
    policy: 'stately',
  },
} as const satisfies QueueMap<AuthzJobPayloads>;
