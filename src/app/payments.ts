import { Agent } from 'undici';
import type { AuthorizationServer } from '../authz/index.ts';
import { createSamplePixRail, type SamplePixRail } from '../sample-bank/index.ts';
import type { DirectoryClient } from '../directory/index.ts';
import {
  createPaymentsModule,
  paymentClientsFromProviders,
  undiciWebhookSender,
  type PaymentsBrand,
  type PaymentsModule,
} from '../payments/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import { createFieldCipher } from '../platform/crypto/index.ts';
import type { OpenDatabase } from '../platform/db/bootstrap.ts';
import type { EventBus } from '../platform/events/index.ts';
import type { Jobs } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import type { PlatformCrypto } from './crypto.ts';
import { sampleBankCipher } from './demo-data.ts';

/** A brand as payments needs it, plus the client certificate it calls initiators' webhooks with. */
export interface PaymentsBrandConfig extends PaymentsBrand {
  /** The brand's transport certificate (BRCAC) and key: webhooks go over mTLS with it. */
  transport: { key: string; cert: string; ca: string };
}

export interface PaymentsRuntime {
  payments: PaymentsModule;
  pix: SamplePixRail;
  /** Tells payments which authorization server holds a brand's client registrations. */
  attachAuthz(brandId: string, authz: AuthorizationServer): void;
  /** Starts the settlement and webhook workers (when this process runs jobs) and the dispatcher. */
  start(events: EventBus): Promise<void>;
  close(): Promise<void>;
}

/**
 * Pix payment initiation for every holder brand of the installation (src/payments/README.md,
 * "What the composer wires"): one payments module and one sample-bank Pix rail shared by the
 * brands, each brand answering on its own apps. Initiators are the clients registered at the
 * brand's authorization server; their signing keys come from the directory.
 */
export function createPaymentsRuntime(deps: {
  database: OpenDatabase;
  crypto: PlatformCrypto;
  jobs: Jobs;
  clock: Clock;
  logger: Logger;
  directory: DirectoryClient;
  /** The directory's organisation JWKS URL (`<keystore>/<orgId>/application.jwks`). */
  orgJwksUri: (orgId: string) => string;
  brands: PaymentsBrandConfig[];
}): PaymentsRuntime {
  const { database, clock, jobs } = deps;
  const logger = deps.logger.child({ module: 'payments' });
  const authzByBrand = new Map<string, AuthorizationServer>();
  const late: { payments?: PaymentsModule } = {};
  const pix = createSamplePixRail(
    { db: database.db, cipher: sampleBankCipher(deps.crypto), jobs, logger, clock },
    { onFinished: (brandId, endToEndId) => late.payments?.transferFinished(brandId, endToEndId) },
  );
  const payments = createPaymentsModule(
    {
      db: database.db,
      clock,
      jobs,
      pix,
      logger,
      cipher: createFieldCipher({
        envelope: deps.crypto.personalData,
        hasher: deps.crypto.hasher,
        hashDomain: 'payments',
      }),
      clients: paymentClientsFromProviders((brandId) => authzByBrand.get(brandId)?.provider, {
        clock,
        orgJwksUri: deps.orgJwksUri,
      }),
      keys: deps.directory,
    },
    { brands: deps.brands.map(({ transport: _transport, ...brand }) => brand) },
  );
  late.payments = payments;
  // One keep-alive pool per brand, presenting the brand's transport certificate (webhooks are
  // authenticated by mTLS only: "Convenção de Webhook", DIGEST §4.6).
  const agents = new Map(
    deps.brands.map((b) => [
      b.id,
      new Agent({ connect: { key: b.transport.key, cert: b.transport.cert, ca: b.transport.ca } }),
    ]),
  );
  const stops: Array<() => Promise<void> | void> = [];
  return {
    payments,
    pix,
    attachAuthz: (brandId, authz) => void authzByBrand.set(brandId, authz),
    async start(events) {
      stops.push(payments.subscribeWebhooks(events));
      if (!jobs.enabled) return;
      await pix.startWorker();
      const workers = await payments.startWorkers({
        sender: undiciWebhookSender((brandId) => agents.get(brandId)),
      });
      stops.push(() => workers.stop());
    },
    async close() {
      for (const stop of stops.splice(0).reverse()) await stop();
      await Promise.all([...agents.values()].map((a) => a.close()));
    },
  };
}
