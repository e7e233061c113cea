/**
 * Background jobs on pg-boss (DESIGN §4 "Events and jobs"): one typed queue map, typed send and
 * work, sending inside the caller's transaction, graceful stop, send-only mode.
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
export { queues, type JobName, type JobPayloads, type QueueDefinition, type QueueMap } from './queues.ts';
