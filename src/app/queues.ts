import { authzQueues } from '../authz/index.ts';
import { consentsQueues } from '../consents/index.ts';
import { paymentsQueues } from '../payments/index.ts';
import { receiverQueues } from '../receiver/index.ts';
import type { JobQueues } from '../platform/jobs/index.ts';

/**
 * Every job queue of Ponte's own modules, gathered for `createJobs` (each module declares its
 * jobs in its `jobs.ts`; the platform knows none). A connector module loaded at run time (the
 * sample bank) creates its own queues through `jobs.declareQueues`.
 */
export const allQueues = {
  ...authzQueues,
  ...consentsQueues,
  ...paymentsQueues,
  ...receiverQueues,
} as const satisfies JobQueues;
