import type { QueueMap } from '../platform/jobs/index.ts';

/**
 * The sample core bank's background jobs. The sample bank is a connector module, loaded at run
 * time: its Pix rail creates these queues itself (`jobs.declareQueues`), not the composition root.
 */
export interface SampleBankJobPayloads {
  /** End one pending Pix transfer (settle, or reverse on a PSP refusal or timeout). */
  'sample-bank.pix-settle': { brandId: string; endToEndId: string };
}

declare module '../platform/jobs/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's jobs
  interface JobPayloads extends SampleBankJobPayloads {}
}

export const sampleBankQueues = {
  'sample-bank.pix-settle': {
    description: 'Sample core bank: settle or reverse one pending Pix transfer (exactly once).',
    retryLimit: 50,
    retryDelaySeconds: 1,
    retryBackoff: true,
    retryDelayMaxSeconds: 120,
    expireInSeconds: 60,
    concurrency: 10,
  },
} as const satisfies QueueMap<SampleBankJobPayloads>;
