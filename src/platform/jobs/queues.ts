/**
 * Every background job Ponte runs, declared in one place (immich's `JobName → Queue` map): the
 * payload each queue carries (`JobPayloads`) and how pg-boss treats it (`queues`). Adding a job
 * means adding one entry to each; `createJobs` creates every declared queue at start, and the
 * types make `send('webhook.deliver', payload)` and `work('webhook.deliver', handler)` agree.
 *
 * @example
 *   // 1. the payload
 *   interface JobPayloads { 'consent.expire': { brandId: string; consentId: string } }
 *   // 2. the queue
 *   'consent.expire': { description: '...', retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true,
 *                       expireInSeconds: 60 },
 */
export interface JobPayloads {
  /** Deliver one event to one webhook subscriber (signed, retried with backoff: DESIGN §4). */
  'webhook.deliver': { brandId: string; eventId: string; subscriptionId: string };
  /** Webhook deliveries that exhausted their retries; kept for the portal and for redrive. */
  'webhook.deliver.dead': JobPayloads['webhook.deliver'];
  /** Generate a brand's synthetic customers and products (`ponte seed`); idempotent per brand. */
  'seed.brand': { brandId: string; customers: number; seed: number };
  /** End consents whose time ran out (consents 3.3.1: 60 minutes awaiting, fixed term); self-rescheduling. */
  'consents.expire-sweep': { batchSize: number; intervalSeconds: number };
  /** payments: validate and score a received (RCVD) or released scheduled (SCHD) Pix payment. */
  'payments.process': { brandId: string; paymentId: string };
  /** payments: submit an accepted (ACCP) payment to the Pix rail of the connector (→ ACPD). */
  'payments.settle': { brandId: string; paymentId: string };
  /** payments: ask the rail how a submitted (ACPD) payment ended (→ ACSC | RJCT); self-rescheduling. */
  'payments.reconcile': { brandId: string; paymentId: string; attempt: number };
  /** payments: one signed webhook notification (webhook 1.2.0) to the initiator of a consent or payment. */
  'payments.webhook': {
    brandId: string;
    clientId: string;
    resource: 'consent' | 'payment';
    resourceId: string;
    /** When the status changed (RFC 3339 UTC), the body's `data.timestamp`. */
    timestamp: string;
  };
  /** Webhook notifications that exhausted their retries (or got a final 4xx); kept for operators. */
  'payments.webhook.dead': JobPayloads['payments.webhook'];
  /** sample bank: end one pending Pix transfer (settle, or reverse on a PSP refusal or timeout). */
  'sample-bank.pix-settle': { brandId: string; endToEndId: string };
  /** authz: delete expired authorization-server artefacts; reschedules itself (src/app/jobs.ts). */
  'authz.purge-expired': Record<string, never>;
  /** receiver: refresh tokens of consents about to expire at the holders; reschedules itself. */
  'receiver.refresh-tokens': { brandId: string };
}

/** A queue's settings. Times are in seconds, as pg-boss stores them (whole seconds). */
export interface QueueDefinition<Name extends string = string> {
  description: string;
  /** Retries after the first attempt before the job fails for good (then dead-letters, if set). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Exponential backoff from `retryDelaySeconds` (pg-boss: delay · 2^retryCount, with jitter). */
  retryBackoff: boolean;
  retryDelayMaxSeconds?: number;
  /** How long one attempt may run before pg-boss takes it back and retries it. */
  expireInSeconds: number;
  /** Queue (declared in the same map) that receives the payload once retries are exhausted. */
  deadLetter?: Name;
  /** pg-boss queue policy; `singleton`/`stately` keep one job active (or queued) per key. */
  policy?: 'standard' | 'singleton' | 'stately' | 'short' | 'exclusive';
  /** How long a queued job may wait before it is dropped; pg-boss default 14 days. */
  retentionSeconds?: number;
  /** How long a finished job stays visible; pg-boss default 7 days. */
  deleteAfterSeconds?: number;
  /** Jobs this process works at once for the queue (pg-boss `localConcurrency`). */
  concurrency?: number;
}

/** A total map: every job name in `Payloads` has a queue, and dead letters name declared queues. */
export type QueueMap<Payloads extends object = JobPayloads> = {
  readonly [Name in keyof Payloads & string]: QueueDefinition<keyof Payloads & string>;
};

export type JobName<Payloads extends object = JobPayloads> = keyof Payloads & string;

export const queues = {
  'webhook.deliver': {
    description: 'POST one signed event to a subscriber; 4xx other than 408/429 is final.',
    retryLimit: 10,
    retryDelaySeconds: 10,
    retryBackoff: true,
    retryDelayMaxSeconds: 3_600,
    expireInSeconds: 60,
    deadLetter: 'webhook.deliver.dead',
    concurrency: 10,
  },
  'webhook.deliver.dead': {
    description: 'Dead-lettered webhook deliveries, shown in the portal; never worked automatically.',
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 60,
    // Kept until an operator redrives or discards them (pg-boss: 0 = never delete).
    deleteAfterSeconds: 0,
    retentionSeconds: 90 * 24 * 3_600,
  },
  'seed.brand': {
    description: 'Seed one brand with synthetic data (long-running, one at a time per brand).',
    retryLimit: 2,
    retryDelaySeconds: 30,
    retryBackoff: false,
    expireInSeconds: 3_600,
    policy: 'stately',
  },
  'receiver.refresh-tokens': {
    description: 'Refresh the receiver’s access tokens before they expire at the holders.',
    retryLimit: 3,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 300,
    policy: 'stately',
  },
  'authz.purge-expired': {
    description: 'Delete expired authorization-server artefacts (tokens, codes, sessions) in batches.',
    retryLimit: 3,
    retryDelaySeconds: 60,
    retryBackoff: false,
    expireInSeconds: 300,
    policy: 'stately',
  },
  'consents.expire-sweep': {
    description: 'Reject consents past their authorisation limit or term (reads also do it lazily).',
    retryLimit: 3,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 300,
    // One queued and one running at most: every process kicks the chain off at start.
    policy: 'stately',
  },
  // Payment steps are idempotent (conditional status updates, rail idempotent by endToEndId):
  // a step killed half-way is simply run again, so retries are plentiful and never give up
  // quickly; the sweep re-kicks anything left behind.
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
    deleteAfterSeconds: 0,
    retentionSeconds: 90 * 24 * 3_600,
  },
  'sample-bank.pix-settle': {
    description: 'Sample core bank: settle or reverse one pending Pix transfer (exactly once).',
    retryLimit: 50,
    retryDelaySeconds: 1,
    retryBackoff: true,
    retryDelayMaxSeconds: 120,
    expireInSeconds: 60,
    concurrency: 10,
  },
} as const satisfies QueueMap;
