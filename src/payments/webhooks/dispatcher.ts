import type { EventBus } from '../../platform/events/index.ts';
import { formatRequestDateTime } from '../../platform/http/index.ts';
import type { Jobs } from '../../platform/jobs/index.ts';

/**
 * The webhook dispatcher (webhook 1.2.0; DESIGN §4 "webhooks are signed and retried"): every
 * status change of a payment or a payment consent, as the outbox relay publishes it, becomes one
 * `payments.webhook` job addressed to the initiator. The job id is the event id, so an event
 * delivered twice (the relay is at-least-once) queues one job. A resource's creation
 * (no previous status) notifies nobody: the initiator made it.
 *
 * @example
 *   const unsubscribe = subscribeWebhookDispatcher(events, jobs);
 */
export function subscribeWebhookDispatcher(bus: EventBus, jobs: Pick<Jobs, 'send'>): () => void {
  const offPayments = bus.subscribe('payment.status-changed', 'payments.webhooks.payment', async (event) => {
    if (event.payload.previousStatus === null) return;
    await jobs.send(
      'payments.webhook',
      {
        brandId: event.brandId,
        clientId: event.payload.clientId,
        resource: 'payment',
        resourceId: event.payload.paymentId,
        timestamp: formatRequestDateTime(event.occurredAt),
      },
      { id: event.id },
    );
  });
  const offConsents = bus.subscribe(
    'payment-consent.status-changed',
    'payments.webhooks.consent',
    async (event) => {
      if (event.payload.previousStatus === null) return;
      await jobs.send(
        'payments.webhook',
        {
          brandId: event.brandId,
          clientId: event.payload.clientId,
          resource: 'consent',
          resourceId: event.payload.consentId,
          timestamp: formatRequestDateTime(event.occurredAt),
        },
        { id: event.id },
      );
    },
  );
  return () => {
    offPayments();
    offConsents();
  };
}
