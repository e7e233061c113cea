import type { Job, JobResult } from 'pg-boss';
import { isAppError } from '../errors/index.ts';
import type { Logger } from '../logger/index.ts';
import { inJobSpan } from '../telemetry/index.ts';

/**
 * What a handler reports (immich's JobStatus). Throwing is the same as returning `'retry'`, with
 * the error recorded as the attempt's output.
 * - `completed`: done.
 * - `skipped`: nothing to do (already done, no longer relevant); completes the job.
 * - `retry`: failed this time; pg-boss retries per the queue's policy, then dead-letters.
 * - `deadletter`: failed for good (a permanent error, e.g. a 4xx from a webhook): no more
 *   retries, straight to the queue's dead-letter queue.
 */
export type JobStatus = 'completed' | 'skipped' | 'retry' | 'deadletter';

export interface JobContext {
  id: string;
  name: string;
  /** 1 for the first attempt, 2 for the first retry ... */
  attempt: number;
  /** Aborted when the attempt expires (queue `expireInSeconds`) or the process stops for good. */
  signal: AbortSignal;
}

/**
 * Handles one job. Handlers must be idempotent: delivery is at-least-once (a crash after the work
 * but before completion runs it again). The job id is a stable key for that.
 */
export type JobHandler<Payload> = (
  payload: Payload,
  job: JobContext,
) => Promise<JobStatus | void> | JobStatus | void;

/**
 * Runs a handler for one pg-boss job and turns its outcome into a pg-boss per-job result, inside
 * a `job <queue>` span when tracing is on.
 */
export function runJob<Payload>(
  job: Job<Payload>,
  handler: JobHandler<Payload>,
  logger: Logger,
): Promise<JobResult> {
  return inJobSpan({ queue: job.name, id: job.id, attempt: job.retryCount + 1 }, async () => {
    const { result, error } = await handleJob(job, handler, logger);
    return { result, outcome: result.status === 'completed' ? 'ok' : 'error', error };
  });
}

async function handleJob<Payload>(
  job: Job<Payload>,
  handler: JobHandler<Payload>,
  logger: Logger,
): Promise<{ result: JobResult; error?: unknown }> {
  const context: JobContext = {
    id: job.id,
    name: job.name,
    attempt: job.retryCount + 1,
    signal: job.signal,
  };
  const started = performance.now();
  try {
    const status = (await handler(job.data, context)) ?? 'completed';
    const ms = Math.round(performance.now() - started);
    logger.debug({ jobId: job.id, queue: job.name, attempt: context.attempt, status, ms }, 'job handled');
    switch (status) {
      case 'completed':
      case 'skipped':
        return { result: { id: job.id, status: 'completed', output: { status } } };
      case 'retry':
        return { result: { id: job.id, status: 'failed', output: { status } } };
      case 'deadletter':
        return { result: { id: job.id, status: 'deadletter', output: { status } } };
    }
  } catch (error) {
    logger.warn(
      { jobId: job.id, queue: job.name, attempt: context.attempt, err: error },
      'job failed; retried per queue policy',
    );
    return {
      result: { id: job.id, status: 'failed', output: { status: 'retry', error: describeError(error) } },
      error,
    };
  }
}

/** What is stored on the job for an error: enough to diagnose, no stack (it is shown in the portal). */
export function describeError(error: unknown): { name: string; message: string; code?: string } {
  if (isAppError(error)) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: error.name, message: error.message, code }
      : { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}
