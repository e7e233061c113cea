/**
 * The consent status machine of consents 3.3.1 (DIGEST §2.5), as one policy: which transitions
 * exist, which rejection reason may end a consent in which status, when time alone ends one,
 * and which outbox event each ending announces.
 */

export const CONSENT_STATUSES = ['AWAITING_AUTHORISATION', 'AUTHORISED', 'REJECTED'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** consents.yaml EnumRejectedBy: the customer, the transmitter (us), the receiver. */
export const REJECTED_BY = ['USER', 'ASPSP', 'TPP'] as const;
export type RejectedBy = (typeof REJECTED_BY)[number];

/** consents.yaml ResponseConsentRead.data.rejection.reason.code. */
export const REJECTION_REASON_CODES = [
  'CONSENT_EXPIRED',
  'CUSTOMER_MANUALLY_REJECTED',
  'CUSTOMER_MANUALLY_REVOKED',
  'CONSENT_MAX_DATE_REACHED',
  'CONSENT_TECHNICAL_ISSUE',
  'INTERNAL_SECURITY_REASON',
] as const;
export type RejectionReasonCode = (typeof REJECTION_REASON_CODES)[number];

/** consents.yaml: "o status do consentimento deve ser alterado ... para REJECTED após 60 minutos". */
export const AUTHORISATION_TIMEOUT_MS = 60 * 60 * 1000;

const TRANSITIONS: Readonly<Record<ConsentStatus, readonly ConsentStatus[]>> = {
  AWAITING_AUTHORISATION: ['AUTHORISED', 'REJECTED'],
  AUTHORISED: ['REJECTED'],
  REJECTED: [],
};

/**
 * The statuses each reason can end (consents.yaml reason.code descriptions): CONSENT_EXPIRED is
 * the authorisation time limit; CUSTOMER_MANUALLY_REJECTED is a refusal before authorisation and
 * CUSTOMER_MANUALLY_REVOKED a revocation after it; the sharing period (CONSENT_MAX_DATE_REACHED),
 * technical and security reasons can end either.
 */
const REASON_ENDS: Readonly<Record<RejectionReasonCode, readonly ConsentStatus[]>> = {
  CONSENT_EXPIRED: ['AWAITING_AUTHORISATION'],
  CUSTOMER_MANUALLY_REJECTED: ['AWAITING_AUTHORISATION'],
  CUSTOMER_MANUALLY_REVOKED: ['AUTHORISED'],
  CONSENT_MAX_DATE_REACHED: ['AWAITING_AUTHORISATION', 'AUTHORISED'],
  CONSENT_TECHNICAL_ISSUE: ['AWAITING_AUTHORISATION', 'AUTHORISED'],
  INTERNAL_SECURITY_REASON: ['AWAITING_AUTHORISATION', 'AUTHORISED'],
};

export function canTransition(from: ConsentStatus, to: ConsentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function canEndWith(from: ConsentStatus, reason: RejectionReasonCode): boolean {
  return canTransition(from, 'REJECTED') && REASON_ENDS[reason].includes(from);
}

/**
 * What a revocation asked by the customer (DELETE from the receiver, or the institution's own
 * channels) records: REVOKED once authorised, REJECTED while still awaiting; nothing once ended.
 */
export function revocationReason(status: ConsentStatus): RejectionReasonCode | undefined {
  if (status === 'AUTHORISED') return 'CUSTOMER_MANUALLY_REVOKED';
  if (status === 'AWAITING_AUTHORISATION') return 'CUSTOMER_MANUALLY_REJECTED';
  return undefined;
}

/**
 * DELETE /consents/{id} ends the consent on the customer's behalf: the receiver only relays the
 * customer's decision, and the reason codes name the customer ("CUSTOMER_MANUALLY_*"); the
 * Open Finance reference mock bank records `rejectedBy: USER` for it as well.
 */
export const RECEIVER_REVOCATION_BY: RejectedBy = 'USER';

export interface TimedConsent {
  status: ConsentStatus;
  creationDateTime: Date;
  expirationDateTime: Date | null;
}

export interface DueEnding {
  reason: 'CONSENT_EXPIRED' | 'CONSENT_MAX_DATE_REACHED';
  rejectedBy: 'ASPSP';
  /** When the limit passed: the consent's statusUpdateDateTime once ended. */
  at: Date;
}

/**
 * The ending time alone imposes, if one is due at `now`: 60 minutes without authorisation
 * (CONSENT_EXPIRED), or a fixed-term consent past its `expirationDateTime`
 * (CONSENT_MAX_DATE_REACHED). When both have passed, the earlier one is what happened.
 */
export function dueEnding(consent: TimedConsent, now: Date): DueEnding | undefined {
  if (consent.status === 'REJECTED') return undefined;
  const candidates: DueEnding[] = [];
  if (consent.status === 'AWAITING_AUTHORISATION') {
    const deadline = new Date(consent.creationDateTime.getTime() + AUTHORISATION_TIMEOUT_MS);
    candidates.push({ reason: 'CONSENT_EXPIRED', rejectedBy: 'ASPSP', at: deadline });
  }
  if (consent.expirationDateTime !== null) {
    candidates.push({
      reason: 'CONSENT_MAX_DATE_REACHED',
      rejectedBy: 'ASPSP',
      at: consent.expirationDateTime,
    });
  }
  const due = candidates.filter((c) => c.at.getTime() <= now.getTime());
  due.sort((a, b) => a.at.getTime() - b.at.getTime());
  return due[0];
}

/** The outbox events that end a consent; whoever caches or grants on a consent listens to all. */
export const CONSENT_ENDED_EVENTS = ['consent.revoked', 'consent.rejected', 'consent.expired'] as const;
export type ConsentEndedEvent = (typeof CONSENT_ENDED_EVENTS)[number];

/** The outbox event announcing an ending; authz revokes the consent's grants on any of them. */
export function endedEventFor(reason: RejectionReasonCode): ConsentEndedEvent {
  if (reason === 'CUSTOMER_MANUALLY_REVOKED') return 'consent.revoked';
  if (reason === 'CONSENT_EXPIRED' || reason === 'CONSENT_MAX_DATE_REACHED') return 'consent.expired';
  return 'consent.rejected';
}
