import type { EventCatalog } from '../platform/events/index.ts';

/** The events the receiver records about what Ponte holds at other institutions. */
export interface ReceiverEventPayloads {
  /**
   * A consent Ponte holds at another institution changed state (authorised, revoked, rejected,
   * or ACCESS_LOST when the holder refused the refresh token: `invalid_grant`).
   */
  'receiver-consent.status-changed': {
    id: string;
    consentId: string;
    orgId: string;
    status: string;
    previousStatus: string;
    reason?: string;
  };
  /**
   * A Pix payment Ponte initiated at another institution changed status (as the holder answered
   * GET /pix/payments/{paymentId}, after its webhook or a stale read).
   */
  'receiver-payment.status-changed': {
    id: string;
    paymentId: string;
    consentId: string;
    orgId: string;
    status: string;
    previousStatus: string;
    /** payments 4.0.0 `rejectionReason.code` when the new status is RJCT. */
    reason?: string;
  };
  /** A payment consent Ponte holds at another institution changed status at the holder. */
  'receiver-payment-consent.status-changed': {
    id: string;
    consentId: string;
    orgId: string;
    status: string;
    previousStatus: string;
  };
}

declare module '../platform/events/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's events
  interface EventPayloads extends ReceiverEventPayloads {}
}

export const receiverEvents = {
  'receiver-consent.status-changed': {
    aggregateType: 'receiver-consent',
    description: 'A consent held at another institution changed state.',
  },
  'receiver-payment.status-changed': {
    aggregateType: 'receiver-payment',
    description: 'A Pix payment initiated at another institution changed status.',
  },
  'receiver-payment-consent.status-changed': {
    aggregateType: 'receiver-payment-consent',
    description: 'A payment consent held at another institution changed status at the holder.',
  },
} as const satisfies EventCatalog<ReceiverEventPayloads>;
