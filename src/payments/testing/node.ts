import { createDatabase, createPool, type Database } from '../../platform/db/index.ts';
import { createSamplePixRail, type SamplePixOptions, type SamplePixRail } from '../../sample-bank/index.ts';
import { systemClock } from '../../platform/clock/index.ts';
import {
  createDataKeyStore,
  createEnvelope,
  createFieldCipher,
  createKeyedHasher,
  kekFromMasterKey,
  type FieldCipher,
} from '../../platform/crypto/index.ts';
import { createJobs, type Jobs, type JobQueues } from '../../platform/jobs/index.ts';
import { createLogger } from '../../platform/logger/index.ts';
import type { PaymentsBrand } from '../brand.ts';
import type { PaymentClients } from '../clients/payment-clients.ts';
import type { PaymentsOptions } from '../context.ts';
import type { JwksSource } from '../jws/directory-keys.ts';
import { createPaymentsModule, type PaymentsModule } from '../module.ts';
import { fastQueues } from './harness.ts';

export interface NodeOptions {
  databaseUrl: string;
  /** 32-byte master key, hex: every process of the installation derives the same keys. */
  masterKeyHex: string;
  brand: PaymentsBrand;
  /** Works the queues (a worker process) or only sends (an HTTP process). */
  workers: boolean;
  payments?: PaymentsOptions;
  pix?: SamplePixOptions;
  queues?: JobQueues;
}

export interface PaymentsNode {
  db: Database;
  jobs: Jobs;
  pix: SamplePixRail;
  payments: PaymentsModule;
  sampleBankCipher: FieldCipher;
  stop(): Promise<void>;
}

/**
 * Test helper: one process of a payments installation, as `ponte start` would wire it: its own
 * pool, the envelope over data keys stored in the database (so processes sharing the master key
 * read each other's ciphertexts), pg-boss, the sample bank's Pix rail and the payments module;
 * with `workers`, the settle and payment queues are worked here. No webhooks are sent.
 */
export async function startPaymentsNode(
  options: NodeOptions,
  extras: { clients?: PaymentClients; keys?: JwksSource } = {},
): Promise<PaymentsNode> {
  const pool = createPool(options.databaseUrl, 20);
  const db = createDatabase(pool);
  const kek = kekFromMasterKey(Buffer.from(options.masterKeyHex, 'hex'));
  const envelope = createEnvelope({
    store: createDataKeyStore(db),
    kek,
    clock: systemClock,
    purpose: 'personal-data',
  });
  await envelope.ready();
  await envelope.loadKeys();
  const hasher = createKeyedHasher(kek);
  const sampleBankCipher = createFieldCipher({ envelope, hasher, hashDomain: 'sample-bank.document' });
  const cipher = createFieldCipher({ envelope, hasher, hashDomain: 'payments' });
  const logger = createLogger({ level: 'silent' });
  const jobs = await createJobs({
    connection: options.databaseUrl,
    logger,
    enabled: options.workers,
    queues: { ...fastQueues(), ...options.queues },
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2_000,
  });
  const late: { payments?: PaymentsModule } = {};
  const pix = createSamplePixRail(
    { db, cipher: sampleBankCipher, jobs },
    { ...options.pix, onFinished: (b, e) => late.payments?.transferFinished(b, e) },
  );
  const payments = createPaymentsModule(
    {
      db,
      clock: systemClock,
      cipher,
      jobs,
      pix,
      clients: extras.clients ?? { find: () => Promise.resolve(undefined) },
      keys: extras.keys ?? { fetchJwks: () => Promise.reject(new Error('no directory in this node')) },
      logger,
      ...(options.payments === undefined ? {} : { options: options.payments }),
    },
    { brands: [options.brand] },
  );
  late.payments = payments;
  let sweeper: { stop(): Promise<void> } | undefined;
  if (options.workers) {
    await pix.startWorker();
    sweeper = await payments.startWorkers({ sender: { post: () => Promise.resolve({ status: 202 }) } });
  }
  return {
    db,
    jobs,
    pix,
    payments,
    sampleBankCipher,
    async stop() {
      pix.stopWorker();
      await sweeper?.stop();
      await jobs.stop();
      await pool.end();
    },
  };
}
