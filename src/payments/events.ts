import type { EventCatalog } from '../platform/events/index.ts';

/** The events the payments module records; they drive the initiator's webhooks (DESIGN §3.2). */
export interface PaymentsEventPayloads {
  /** Pix payment status transition (RCVD → ACCP → ACSC | RJCT ...). */
  'payment.status-changed': {
    paymentId: string;
    consentId: string;
    /** The initiator (OAuth client) the payment belongs to: the webhook's addressee. */
    clientId: string;
    status: string;
    previousStatus: string | null;
    /** payments 4.0.0 `rejectionReason.code` when the new status is RJCT. */
    reason?: string;
  };
  /** Payment consent status transition (payments 4.0.0: AWAITING_AUTHORISATION → AUTHORISED → CONSUMED | REJECTED). */
  'payment-consent.status-changed': {
    consentId: string;
    clientId: string;
    status: string;
    previousStatus: string | null;
    /** `rejectionReason.code` when the new status is REJECTED. */
    reason?: string;
  };
}

declare module '../platform/events/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's events
  interface EventPayloads extends PaymentsEventPayloads {}
}

export const paymentsEvents = {
  'payment.status-changed': { aggregateType: 'payment', description: 'A Pix payment changed status.' },
  'payment-consent.status-changed': {
    aggregateType: 'payment-consent',
    description: 'A payment consent changed status.',
  },
} as const satisfies EventCatalog<PaymentsEventPayloads>;
