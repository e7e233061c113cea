/**
 * Background jobs on pg-boss (DESIGN §4 "Events and jobs"): typed send and work over the jobs the
 * modules declare (queues.ts), sending inside the caller's transaction, graceful stop, send-only
 * mode. Modules extend `JobPayloads` by declaration merging on this file.
 */
export {
  createJobs,
  type Jobs,
  type JobsOptions,
  type JobRecord,
  type SendJobOptions,
} from './create-jobs.ts';
export type { JobsTransaction } from './adapters.ts';
export type { JobContext, JobHandler, JobStatus } from './handler.ts';
export type { JobName, JobPayloads, JobQueues, QueueDefinition, QueueMap } from './queues.ts';
