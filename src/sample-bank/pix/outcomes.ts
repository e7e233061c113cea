import type { PixRejectionCode, PixTransferOrder } from '../../connectors/index.ts';

/**
 * How a transfer the sample bank accepted ends, decided when it is submitted:
 * - `SETTLE`: the SPI (or the book, between sample-bank brands) settles it;
 * - `PSP_REJECT`: the receiving PSP refuses it (pacs.002 AC03, unknown creditor account);
 * - `PSP_TIMEOUT`: the receiving PSP never answers; the SPI gives up after `pspTimeoutMs`.
 * Refusals the core makes itself (balance, limit, same account) are not outcomes: the order is
 * rejected at submission and nothing is reserved.
 */
export type TransferOutcome = 'SETTLE' | 'PSP_REJECT' | 'PSP_TIMEOUT';

export interface SamplePixOptions {
  /** Time between acceptance and settlement (the SPI round trip); 300 ms by default. */
  settleDelayMs?: number;
  /** How long a transfer to a PSP that does not answer stays pending; 3 s by default. */
  pspTimeoutMs?: number;
  /** The largest single Pix the bank allows (VALOR_ACIMA_LIMITE above it); '100000.00' by default. */
  perTransferLimit?: string;
  /** Decides the outcome of each accepted order; `outcomeByCreditorAccount` by default. */
  outcomeOf?: (order: PixTransferOrder) => TransferOutcome;
  /**
   * How often a worker process looks for pending transfers whose settle job died with another
   * process (and settles them), and how late they must be; 10 s and 5 s by default. A restarted
   * worker looks once at start.
   */
  recoveryIntervalMs?: number;
  recoveryGraceMs?: number;
  /** Told (after commit) when a transfer ended, so the payment side can reconcile at once. */
  onFinished?: (brandId: string, endToEndId: string) => void;
}

/**
 * The default failure modes, chosen by the creditor account number so a tester can provoke each
 * one from outside (documented in README): numbers ending in `99901` are refused by the
 * receiving PSP, numbers ending in `99902` time out; any other number settles.
 */
export function outcomeByCreditorAccount(order: PixTransferOrder): TransferOutcome {
  if (order.creditor.number.endsWith('99901')) return 'PSP_REJECT';
  if (order.creditor.number.endsWith('99902')) return 'PSP_TIMEOUT';
  return 'SETTLE';
}

/** The rejection a failed outcome ends with (payments.yaml EnumRejectionReasonTypeGetPix). */
export const OUTCOME_REJECTION: Readonly<
  Record<Exclude<TransferOutcome, 'SETTLE'>, { code: PixRejectionCode; detail: string }>
> = {
  PSP_REJECT: {
    code: 'PAGAMENTO_RECUSADO_SPI',
    detail: 'AC03',
  },
  PSP_TIMEOUT: {
    code: 'FALHA_INFRAESTRUTURA_PSP_RECEBEDOR',
    detail: 'O PSP do recebedor não respondeu no prazo do SPI (AB03).',
  },
};

export const ACCOUNT_NOT_FOUND_AT_RECEIVER = {
  code: 'PAGAMENTO_RECUSADO_SPI' as const,
  detail: 'AC03',
};
