import type { QueueMap } from '../platform/jobs/index.ts';

/** The payments module's background jobs (the Pix payment steps and the initiator's webhooks). */
export interface PaymentsJobPayloads {
  /** Validate and score a received (RCVD) or released scheduled (SCHD) Pix payment. */
  'payments.process': { brandId: string; paymentId: string };
  /** Submit an accepted (ACCP) payment to the Pix rail of the connector (→ ACPD). */
  'payments.settle': { brandId: string; paymentId: string };
  /** Ask the rail how a submitted (ACPD) payment ended (→ ACSC | RJCT); self-rescheduling. */
  'payments.reconcile': { brandId: string; paymentId: string; attempt: number };
  /** One signed webhook notification (webhook 1.2.0) to the initiator of a consent or payment. */
  'payments.webhook': {
    brandId: string;
    clientId: string;
    resource: 'consent' | 'payment';
    resourceId: string;
    /** When the status changed (RFC 3339 UTC), the body's `data.timestamp`. */
    timestamp: string;
  };
  /** Webhook notifications that exhausted their retries (or got a final 4xx); kept for operators. */
  'payments.webhook.dead': PaymentsJobPayloads['payments.webhook'];
}

declare module '../platform/jobs/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the module's jobs
  interface JobPayloads extends PaymentsJobPayloads {}
}

// Payment steps are idempotent (conditional status updates, rail idempotent by endToEndId): a
// step killed half-way is simply run again, so retries are plentiful and never give up quickly;
// the sweep re-kicks anything left behind.
export const paymentsQueues = {
  'payments.process': {
    description: 'RCVD → ACCP | PDNG | RJCT | SCHD: validations, DICT, fraud score.',
    retryLimit: 20,
    retryDelaySeconds: 2,
    retryBackoff: true,
    retryDelayMaxSeconds: 300,
    expireInSeconds: 60,
    concurrency: 10,
  },
  'payments.settle': {
    description: 'ACCP → ACPD: submit to the Pix rail (idempotent by endToEndId).',
    retryLimit: 50,
    retryDelaySeconds: 2,
    retryBackoff: true,
    retryDelayMaxSeconds: 300,
    expireInSeconds: 60,
    concurrency: 10,
  },
  'payments.reconcile': {
    description: 'ACPD → ACSC | RJCT: poll the rail with backoff until the transfer ends.',
    retryLimit: 50,
    retryDelaySeconds: 2,
    retryBackoff: true,
    retryDelayMaxSeconds: 300,
    expireInSeconds: 60,
    concurrency: 10,
  },
  'payments.webhook': {
    description: 'POST one signed notification to the initiator; 4xx other than 408/429 is final.',
    retryLimit: 8,
    retryDelaySeconds: 5,
    retryBackoff: true,
    retryDelayMaxSeconds: 3_600,
    expireInSeconds: 60,
    deadLetter: 'payments.webhook.dead',
    concurrency: 10,
  },
  'payments.webhook.dead': {
    description: 'Dead-lettered payment webhooks, visible to operators; never worked automatically.',
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 60,
    // Kept until an operator redrives or discards them (pg-boss: 0 = never delete).
    deleteAfterSeconds: 0,
    retentionSeconds: 90 * 24 * 3_600,
  },
} as const satisfies QueueMap<PaymentsJobPayloads>;
