import { and, eq } from 'drizzle-orm';
import { systemClock, type Clock } from '../../platform/clock/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { PixConnector, PixKeyEntry } from '../../connectors/index.ts';
import { getDebtorAccount, listDebtorAccounts } from './accounts.ts';
import { registerPixKey, resolvePixKey } from './dict.ts';
import { outcomeByCreditorAccount, type SamplePixOptions } from './outcomes.ts';
import { sampleBankPixTransfers } from './schema.ts';
import { overdueTransfers, settleTransfer } from './settle.ts';
import { submitTransfer } from './submit.ts';
import { toTransfer } from './transfer.ts';

export { outcomeByCreditorAccount, type SamplePixOptions, type TransferOutcome } from './outcomes.ts';
export { pixFamily } from './family.ts';
export { sampleBankPixKeys, sampleBankPixTransfers } from './schema.ts';

export interface SamplePixDeps {
  db: Database;
  cipher: FieldCipher;
  jobs: Pick<Jobs, 'send' | 'work'> & { readonly enabled?: boolean };
  clock?: Clock;
  logger?: Logger;
}

/** The sample bank's Pix rail: the contract plus what the simulator and tests drive. */
export interface SamplePixRail extends PixConnector {
  /**
   * Works `sample-bank.pix-settle` in this process (once per worker process) and recovers
   * transfers whose job died with another process: at once, then every `recoveryIntervalMs`.
   */
  startWorker(options?: { concurrency?: number }): Promise<void>;
  /** Stops the recovery timer (the queue stops with the job system). */
  stopWorker(): void;
  /** Settles pending transfers overdue by more than the grace; returns how many it ended. */
  recoverOverdue(): Promise<number>;
  /** The simulated DICT: points a Pix key at an account. */
  registerKey(entry: PixKeyEntry): Promise<void>;
}

/**
 * The sample core bank's Pix rail over `sample_bank.*`: debits with balance checks, idempotent
 * by endToEndId, settled asynchronously by pg-boss jobs after configurable delays, with the
 * failure modes of `SamplePixOptions` (PSP refusal, PSP timeout) besides the core's own refusals
 * (insufficient funds, limit, same account, blocked account).
 *
 * @example
 *   const pix = createSamplePixRail({ db, cipher, jobs }, { settleDelayMs: 200 });
 *   await pix.startWorker();
 */
export function createSamplePixRail(deps: SamplePixDeps, options: SamplePixOptions = {}): SamplePixRail {
  const clock = deps.clock ?? systemClock;
  const submitDeps = {
    db: deps.db,
    clock,
    jobs: deps.jobs,
    options: {
      settleDelayMs: options.settleDelayMs ?? 300,
      pspTimeoutMs: options.pspTimeoutMs ?? 3_000,
      perTransferLimit: options.perTransferLimit ?? '100000.00',
      outcomeOf: options.outcomeOf ?? outcomeByCreditorAccount,
    },
  };
  const settleDeps = { db: deps.db, clock };
  const finish = (brandId: string, endToEndId: string, result: string) => {
    deps.logger?.debug({ brandId, endToEndId, result }, 'sample bank pix transfer finished');
    options.onFinished?.(brandId, endToEndId);
  };
  const recoverOverdue = async (): Promise<number> => {
    const delays = {
      settleDelayMs: submitDeps.options.settleDelayMs,
      pspTimeoutMs: submitDeps.options.pspTimeoutMs,
      graceMs: options.recoveryGraceMs ?? 5_000,
    };
    let ended = 0;
    for (const { brandId, endToEndId } of await overdueTransfers(settleDeps, delays, 500)) {
      const result = await settleTransfer(settleDeps, brandId, endToEndId);
      if (result === 'ALREADY_FINISHED') continue;
      ended += 1;
      finish(brandId, endToEndId, result);
    }
    if (ended > 0) deps.logger?.warn({ ended }, 'sample bank settled overdue pix transfers');
    return ended;
  };
  let recovery: NodeJS.Timeout | undefined;
  return {
    listDebtorAccounts: (brandId, customer) => listDebtorAccounts(deps.db, brandId, customer),
    getDebtorAccount: (brandId, customer, accountId) =>
      getDebtorAccount(deps.db, brandId, customer, accountId),
    resolveKey: (_brandId, key) => resolvePixKey(deps.db, deps.cipher, key),
    registerKey: (entry) => registerPixKey(deps.db, deps.cipher, entry),
    submitTransfer: (brandId, order) => submitTransfer(submitDeps, brandId, order),
    async getTransfer(brandId, endToEndId) {
      const [row] = await deps.db
        .select()
        .from(sampleBankPixTransfers)
        .where(
          and(eq(sampleBankPixTransfers.brandId, brandId), eq(sampleBankPixTransfers.endToEndId, endToEndId)),
        );
      return row && toTransfer(row);
    },
    recoverOverdue,
    async startWorker(workerOptions = {}) {
      await deps.jobs.work(
        'sample-bank.pix-settle',
        async ({ brandId, endToEndId }) => {
          const result = await settleTransfer(settleDeps, brandId, endToEndId);
          if (result === 'ALREADY_FINISHED') return 'skipped';
          finish(brandId, endToEndId, result);
          return 'completed';
        },
        workerOptions.concurrency === undefined ? {} : { concurrency: workerOptions.concurrency },
      );
      if (deps.jobs.enabled === false) return;
      await recoverOverdue();
      const every = options.recoveryIntervalMs ?? 10_000;
      recovery = setInterval(() => {
        recoverOverdue().catch((error: unknown) => deps.logger?.error({ err: error }, 'pix recovery failed'));
      }, every);
      recovery.unref();
    },
    stopWorker() {
      clearInterval(recovery);
    },
  };
}
