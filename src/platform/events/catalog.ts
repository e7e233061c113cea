/**
 * Every domain event Ponte records, in one place (like the job queues): the payload of each event
 * (`EventPayloads`) and the aggregate it is about (`eventCatalog`). Names read
 * `<aggregate>.<what happened>`; payloads carry identifiers and the new state, not whole records
 * (subscribers read what else they need, and personal data stays out of the outbox).
 *
 * Owners refine their entries (status unions, extra fields) as their modules land; adding an
 * event means one line in each of the two declarations below.
 */
export interface EventPayloads {
  /** Consents API v3 status transition (AWAITING_AUTHORISATION → AUTHORISED | REJECTED). */
  'consent.status-changed': { consentId: string; status: string; previousStatus: string | null };
  /** consents: the customer authorised a consent (AWAITING_AUTHORISATION → AUTHORISED). */
  'consent.authorised': { consentId: string; clientId: string };
  /** consents: refused before authorisation, or ended for a technical or security reason. */
  'consent.rejected': ConsentEnded;
  /** consents: revoked after authorisation (CUSTOMER_MANUALLY_REVOKED); authz revokes its grants. */
  'consent.revoked': ConsentEnded;
  /** consents: the 60-minute authorisation limit or the fixed term ran out. */
  'consent.expired': ConsentEnded;
  /** Pix payment status transition (RCVD → ACCP → ACSC | RJCT ...); drives webhooks (DESIGN §3.2). */
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
  /**
   * receiver: a consent Ponte holds at another institution changed state (authorised, revoked,
   * rejected, or ACCESS_LOST when the holder refused the refresh token: `invalid_grant`).
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
   * receiver: a Pix payment Ponte initiated at another institution changed status (as the holder
   * answered GET /pix/payments/{paymentId}, after its webhook or a stale read).
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
  /** receiver: a payment consent Ponte holds at another institution changed status at the holder. */
  'receiver-payment-consent.status-changed': {
    id: string;
    consentId: string;
    orgId: string;
    status: string;
    previousStatus: string;
  };
  /** A brand finished seeding its synthetic data (`ponte seed`). */
  'brand.seeded': { brandId: string; customers: number; seed: number };
}

/** Payload of the consent.* events that end a consent (consents 3.3.1 `rejection`). */
export interface ConsentEnded {
  consentId: string;
  clientId: string;
  previousStatus: 'AWAITING_AUTHORISATION' | 'AUTHORISED';
  rejectedBy: 'USER' | 'ASPSP' | 'TPP';
  reason: string;
}

export type EventName = keyof EventPayloads;

export interface EventDefinition {
  /** The kind of thing the event is about; events of one aggregate are published in order. */
  aggregateType: string;
  description: string;
}

export const eventCatalog = {
  'consent.status-changed': {
    aggregateType: 'consent',
    description: 'A data-sharing consent changed status.',
  },
  'consent.authorised': { aggregateType: 'consent', description: 'A data-sharing consent was authorised.' },
  'consent.rejected': { aggregateType: 'consent', description: 'A data-sharing consent was rejected.' },
  'consent.revoked': { aggregateType: 'consent', description: 'A data-sharing consent was revoked.' },
  'consent.expired': { aggregateType: 'consent', description: 'A data-sharing consent expired.' },
  'payment.status-changed': { aggregateType: 'payment', description: 'A Pix payment changed status.' },
  'payment-consent.status-changed': {
    aggregateType: 'payment-consent',
    description: 'A payment consent changed status.',
  },
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
  'brand.seeded': { aggregateType: 'brand', description: 'A brand was seeded with synthetic data.' },
} as const satisfies { readonly [Name in EventName]: EventDefinition };

/** An event as subscribers receive it. The `id` is the deduplication key: delivery is at-least-once. */
export interface EventEnvelope<Name extends EventName = EventName> {
  id: string;
  type: Name;
  brandId: string;
  aggregateType: string;
  aggregateId: string;
  payload: EventPayloads[Name];
  occurredAt: Date;
  /** Publication order (the outbox sequence). */
  seq: number;
  /** 1 on first delivery; higher when an earlier delivery failed and this is a retry. */
  attempt: number;
}

/** Any event, as a union discriminated by `type` (narrow with `if (event.type === ...)`). */
export type AnyEventEnvelope = { [Name in EventName]: EventEnvelope<Name> }[EventName];
