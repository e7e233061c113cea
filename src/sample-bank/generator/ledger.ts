import type {
  CompletedAuthorisedPaymentType,
  CreditDebitType,
  TransactionType,
} from '../../connectors/index.ts';
import { brasiliaInstant } from './calendar.ts';
import type { Random } from './random.ts';

/**
 * Something that happens to a customer's accounts: a credit, a debit, or a transfer between two of
 * their accounts. `amount` is in cents, or computed when the event is reached for the
 * balance-dependent ones (savings yield, overdraft interest).
 */
export interface LedgerEvent {
  readonly day: number;
  readonly second: number;
  readonly account: number;
  readonly flow: 'CREDIT' | 'DEBIT' | 'TRANSFER';
  /** Destination account of a transfer, and the name the credit shows there. */
  readonly to?: number;
  readonly toName?: string;
  readonly type: TransactionType;
  readonly name: string;
  readonly cents: number | 'SAVINGS_YIELD' | 'OVERDRAFT_INTEREST';
  readonly counterparty: number | null;
  /** A bill booked for a future date (shown as `LANCAMENTO_FUTURO` when after the as-of day). */
  readonly scheduled?: boolean;
}

export interface SampleTransaction {
  readonly transactionId: string;
  /** UTC epoch milliseconds. */
  readonly instant: number;
  readonly status: CompletedAuthorisedPaymentType;
  readonly creditDebit: CreditDebitType;
  readonly type: TransactionType;
  readonly name: string;
  readonly cents: number;
  readonly counterparty: number | null;
}

export interface LedgerAccount {
  readonly openingCents: number;
  /** Debits may take the balance down to −limit (0 for accounts without overdraft). */
  readonly limitCents: number;
}

export interface LedgerResult {
  /** Per account, oldest first. */
  readonly transactions: SampleTransaction[][];
  /** opening + settled credits − settled debits − processing debits. */
  readonly availableCents: number[];
  /** Debits still processing (funds reserved). */
  readonly blockedCents: number[];
}

/**
 * Books events in time order against running balances, so that balances always equal the
 * opening balance plus the transactions: a debit that the balance (plus overdraft) cannot cover
 * is dropped, as the bank would refuse it. Events after `asOf` survive only when scheduled
 * (future bills); debits on the as-of day itself are sometimes still processing.
 */
export function bookEvents(
  random: Random,
  accounts: readonly LedgerAccount[],
  events: LedgerEvent[],
  asOf: number,
): LedgerResult {
  events.sort((a, b) => a.day - b.day || a.second - b.second);
  const balance = accounts.map((a) => a.openingCents);
  const blocked = accounts.map(() => 0);
  const transactions: SampleTransaction[][] = accounts.map(() => []);
  const book = (
    account: number,
    e: LedgerEvent,
    creditDebit: CreditDebitType,
    cents: number,
    status: CompletedAuthorisedPaymentType,
    name = e.name,
  ) => {
    transactions[account]!.push({
      transactionId: random.hex(16),
      instant: brasiliaInstant(e.day, e.second),
      status,
      creditDebit,
      type: e.type,
      name,
      cents,
      counterparty: e.counterparty,
    });
  };
  for (const e of events) {
    if (e.day > asOf) {
      if (e.scheduled === true && typeof e.cents === 'number')
        book(e.account, e, e.flow === 'CREDIT' ? 'CREDITO' : 'DEBITO', e.cents, 'LANCAMENTO_FUTURO');
      continue;
    }
    const current = balance[e.account]!;
    let cents: number;
    if (e.cents === 'SAVINGS_YIELD') cents = Math.floor(Math.max(0, current) * 0.0055);
    else if (e.cents === 'OVERDRAFT_INTEREST') cents = current < 0 ? Math.ceil(-current * 0.08) : 0;
    else cents = e.cents;
    if (cents <= 0) continue;
    if (e.flow === 'CREDIT') {
      balance[e.account] = current + cents;
      book(e.account, e, 'CREDITO', cents, 'TRANSACAO_EFETIVADA');
      continue;
    }
    const isCharge = e.cents === 'OVERDRAFT_INTEREST';
    if (!isCharge && current - cents < -accounts[e.account]!.limitCents) continue;
    const processing = e.day === asOf && e.flow === 'DEBIT' && random.chance(0.35);
    balance[e.account] = current - cents;
    if (processing) blocked[e.account]! += cents;
    book(e.account, e, 'DEBITO', cents, processing ? 'TRANSACAO_PROCESSANDO' : 'TRANSACAO_EFETIVADA');
    if (e.flow === 'TRANSFER' && e.to !== undefined) {
      balance[e.to] = balance[e.to]! + cents;
      book(e.to, e, 'CREDITO', cents, 'TRANSACAO_EFETIVADA', e.toName);
    }
  }
  return { transactions, availableCents: balance, blockedCents: blocked };
}
