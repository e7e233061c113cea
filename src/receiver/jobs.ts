import type { QueueMap } from '../platform/jobs/index.ts';

/** The receiver's background jobs. */
export interface ReceiverJobPayloads {
  /** Refresh tokens of consents about to expire at the holders; reschedules itself. */
  'receiver.refresh-tokens': { brandId: string };
}

declare module '../platform/jobs/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's jobs
  interface JobPayloads extends ReceiverJobPayloads {}
}

export const receiverQueues = {
  'receiver.refresh-tokens': {
    description: 'Refresh the receiver’s access tokens before they expire at the holders.',
    retryLimit: 3,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 300,
    policy: 'stately',
  },
} as const satisfies QueueMap<ReceiverJobPayloads>;
