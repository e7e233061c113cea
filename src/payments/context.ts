import type { PixConnector } from '../connectors/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import type { FieldCipher } from '../platform/crypto/index.ts';
import type { Database } from '../platform/db/index.ts';
import { AppError } from '../platform/errors/index.ts';
import { PlatformErrors } from '../platform/http/index.ts';
import type { Jobs } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger/index.ts';
import { createRulesScorer, type RiskScorer } from '../risk/index.ts';
import { brandRuntime, type BrandRuntime, type PaymentsBrand } from './brand.ts';
import type { PaymentClients } from './clients/payment-clients.ts';
import type { LocalInstrument } from './domain/local-instrument.ts';
import { createConsentStore, type ConsentStore } from './consents/consent-store.ts';
import type { JwksSource } from './jws/directory-keys.ts';
import { payerHistory } from './pix-payments/history.ts';
import { createPaymentStore, type PaymentStore } from './pix-payments/payment-store.ts';

export interface PaymentsOptions {
  /** Risk score at or above which a payment is rejected (NAO_INFORMADO); 80 by default. */
  riskRejectAt?: number;
  /** Risk score at or above which a payment is held for analysis (PDNG); off by default. */
  riskReviewAt?: number;
  /** Local instruments the brand accepts (others: FORMA_PAGAMENTO_INVALIDA); all five by default. */
  localInstruments?: readonly LocalInstrument[];
  /** First wait before asking the rail how a submitted payment ended; 1 s by default, doubling to `reconcileMaxDelayMs` (60 s). */
  reconcileDelayMs?: number;
  reconcileMaxDelayMs?: number;
  /** When a scheduled payment of `date` is released for settlement; Brasília midnight of the date by default. */
  releaseAt?: (date: string) => Date;
  /** Seconds between sweeps (consent expiry, scheduled releases, recovery, purges); 30 by default. */
  sweepIntervalSeconds?: number;
  /** Open payments untouched for this long are re-kicked by the sweep; 120 s by default. */
  stuckAfterMs?: number;
  /** How long an answer is kept for a repeated x-idempotency-key; 24 h (DIGEST §4.3). */
  idempotencyTtlMs?: number;
}

export interface PaymentsDeps {
  db: Database;
  clock: Clock;
  /** Envelope cipher for personal data (hash domain e.g. `payments`); keyed hashes for the risk refs. */
  cipher: FieldCipher;
  jobs: Jobs;
  /** The connector's Pix rail (src/connectors `PixConnector`). */
  pix: PixConnector;
  clients: PaymentClients;
  /** The directory client: the initiators' JWKS (`DirectoryClient.fetchJwks`). */
  keys: JwksSource;
  logger: Logger;
  /** The fraud engine; the rules-based scorer over this module's own history by default. */
  risk?: RiskScorer;
  options?: PaymentsOptions;
}

export interface PaymentsContext {
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  jobs: Jobs;
  pix: PixConnector;
  clients: PaymentClients;
  keys: JwksSource;
  logger: Logger;
  risk: RiskScorer;
  brands: ReadonlyMap<string, BrandRuntime>;
  consents: ConsentStore;
  payments: PaymentStore;
  options: Required<Omit<PaymentsOptions, 'riskReviewAt'>> & { riskReviewAt: number | undefined };
}

export function createContext(deps: PaymentsDeps, brands: readonly PaymentsBrand[]): PaymentsContext {
  const options = deps.options ?? {};
  const ctx: PaymentsContext = {
    db: deps.db,
    clock: deps.clock,
    cipher: deps.cipher,
    jobs: deps.jobs,
    pix: deps.pix,
    clients: deps.clients,
    keys: deps.keys,
    logger: deps.logger.child({ module: 'payments' }),
    risk: deps.risk ?? createRulesScorer({ history: payerHistory(deps.db) }),
    brands: new Map(brands.map((b) => [b.id, brandRuntime(b)])),
    consents: createConsentStore(deps.cipher),
    payments: createPaymentStore(deps.cipher),
    options: {
      riskRejectAt: options.riskRejectAt ?? 80,
      riskReviewAt: options.riskReviewAt,
      localInstruments: options.localInstruments ?? ['MANU', 'DICT', 'QRDN', 'QRES', 'INIC'],
      reconcileDelayMs: options.reconcileDelayMs ?? 1_000,
      reconcileMaxDelayMs: options.reconcileMaxDelayMs ?? 60_000,
      releaseAt: options.releaseAt ?? ((date) => new Date(`${date}T03:00:00Z`)),
      sweepIntervalSeconds: options.sweepIntervalSeconds ?? 30,
      stuckAfterMs: options.stuckAfterMs ?? 120_000,
      idempotencyTtlMs: options.idempotencyTtlMs ?? 86_400_000,
    },
  };
  return ctx;
}

export function brandOf(ctx: PaymentsContext, brandId: string): BrandRuntime {
  const brand = ctx.brands.get(brandId);
  if (brand === undefined)
    throw new AppError(PlatformErrors.NOT_FOUND, 'Instituição não atendida neste endereço.');
  return brand;
}
