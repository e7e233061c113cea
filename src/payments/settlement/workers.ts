import { paymentsQueues } from '../jobs.ts';
import type { PaymentsContext } from '../context.ts';
import { deliverWebhook } from '../webhooks/deliver.ts';
import type { WebhookSender } from '../webhooks/sender.ts';
import { processPayment } from './process.ts';
import { reconcilePayment } from './reconcile.ts';
import { settlePayment } from './settle.ts';
import { startSweeper } from './sweeper.ts';

export interface WorkerOptions {
  /** Payments per sweep step; 200 by default. */
  sweepBatchSize?: number;
  /** Attempts of a webhook before it is dead-lettered; the queue's retry limit + 1 by default. */
  webhookMaxAttempts?: number;
}

/**
 * Works every payments queue in this process (call once per worker process; HTTP-only
 * processes with jobs disabled register nothing) and starts the sweeper (sweeper.ts). Resolves
 * to a handle that stops the sweeper (the queues stop with the job system).
 */
export async function startPaymentWorkers(
  ctx: PaymentsContext,
  options: WorkerOptions & { sender: WebhookSender },
): Promise<{ stop(): Promise<void> }> {
  const { jobs } = ctx;
  const maxAttempts = options.webhookMaxAttempts ?? paymentsQueues['payments.webhook'].retryLimit + 1;
  await jobs.work('payments.process', ({ brandId, paymentId }) => processPayment(ctx, brandId, paymentId));
  await jobs.work('payments.settle', ({ brandId, paymentId }) => settlePayment(ctx, brandId, paymentId));
  await jobs.work('payments.reconcile', ({ brandId, paymentId, attempt }) =>
    reconcilePayment(ctx, brandId, paymentId, attempt),
  );
  await jobs.work('payments.webhook', (payload, job) =>
    deliverWebhook(ctx, options.sender, payload, job, maxAttempts),
  );
  if (!jobs.enabled) return { stop: () => Promise.resolve() };
  return startSweeper(ctx, { batchSize: options.sweepBatchSize ?? 200 });
}
