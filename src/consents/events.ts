import type { EventCatalog } from '../platform/events/index.ts';

/** The events the consents module records (consents 3.3.1 status transitions). */
export interface ConsentsEventPayloads {
  /** Consents API v3 status transition (AWAITING_AUTHORISATION → AUTHORISED | REJECTED). */
  'consent.status-changed': { consentId: string; status: string; previousStatus: string | null };
  /** The customer authorised a consent (AWAITING_AUTHORISATION → AUTHORISED). */
  'consent.authorised': { consentId: string; clientId: string };
  /** Refused before authorisation, or ended for a technical or security reason. */
  'consent.rejected': ConsentEnded;
  /** Revoked after authorisation (CUSTOMER_MANUALLY_REVOKED); authz revokes its grants. */
  'consent.revoked': ConsentEnded;
  /** The 60-minute authorisation limit or the fixed term ran out. */
  'consent.expired': ConsentEnded;
}

/** Payload of the consent.* events that end a consent (consents 3.3.1 `rejection`). */
export interface ConsentEnded {
  consentId: string;
  clientId: string;
  previousStatus: 'AWAITING_AUTHORISATION' | 'AUTHORISED';
  rejectedBy: 'USER' | 'ASPSP' | 'TPP';
  reason: string;
}

declare module '../platform/events/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's events
  interface EventPayloads extends ConsentsEventPayloads {}
}

export const consentsEvents = {
  'consent.status-changed': {
    aggregateType: 'consent',
    description: 'A data-sharing consent changed status.',
  },
  'consent.authorised': { aggregateType: 'consent', description: 'A data-sharing consent was authorised.' },
  'consent.rejected': { aggregateType: 'consent', description: 'A data-sharing consent was rejected.' },
  'consent.revoked': { aggregateType: 'consent', description: 'A data-sharing consent was revoked.' },
  'consent.expired': { aggregateType: 'consent', description: 'A data-sharing consent expired.' },
} as const satisfies EventCatalog<ConsentsEventPayloads>;
