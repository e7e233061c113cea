import type {
  CreditCardBillFinanceCharge,
  CreditCardFeeType,
  CreditCardFinanceChargeType,
  CreditCardOtherCreditType,
  CreditCardTransactionType,
  CreditDebitType,
} from '../../connectors/index.ts';
import { brasiliaInstant } from '../generator/calendar.ts';
import type { Random } from '../generator/random.ts';
import { centsToDecimal } from '../credit-operations/money.ts';
import { postPurchases } from './purchases.ts';

/**
 * One billing cycle of a card account: what is posted at the start of the cycle (balance carried
 * from the previous bill, its charges, the next instalment of every instalment plan, fees,
 * cashback), then the month's purchases and refunds (`purchases.ts`). A bill's total is, by construction, the signed sum
 * of its transactions; its finance charges are the subset of those transactions that are charges.
 */

export interface CardTransactionDraft {
  readonly transactionId: string;
  readonly identificationNumber: string;
  readonly transactionName: string;
  readonly creditDebitType: CreditDebitType;
  readonly transactionType: CreditCardTransactionType;
  readonly transactionalAdditionalInfo?: string;
  readonly paymentType?: 'A_VISTA' | 'A_PRAZO';
  readonly feeType?: CreditCardFeeType;
  readonly otherCreditsType?: CreditCardOtherCreditType;
  readonly chargeIdentificator?: number;
  readonly chargeNumber?: number;
  /** In the original currency. */
  readonly amountCents: number;
  readonly currency: string;
  readonly brazilianCents: number;
  /** UTC epoch ms. */
  readonly instant: number;
  /** Day number the transaction entered the bill; null until it has (spec dummy 0001-01-01). */
  readonly billPostDay: number | null;
  readonly payeeMCC?: number;
  /** Charges ("encargos") posted as transactions, with the bill's charge type. */
  readonly financeChargeType?: CreditCardFinanceChargeType;
  /** Index of the closed bill the transaction is on; undefined while its bill is open. */
  readonly billIndex?: number;
}

/** A purchase (or a bill) being paid in instalments across cycles. */
export interface InstalmentPlan {
  readonly name: string;
  readonly mcc?: number;
  readonly card: string;
  readonly instant: number;
  /** Cents of every instalment, in order; they add up to the amount financed. */
  readonly amounts: readonly number[];
  /** Next instalment to post (1-based). */
  next: number;
  readonly billPlan: boolean;
}

export interface PendingCharge {
  readonly type: CreditCardFinanceChargeType;
  readonly name: string;
  readonly cents: number;
}

/** What one cycle inherits from the previous bill. */
export interface CycleCarry {
  /** Unpaid (positive) or overpaid (negative) balance of the previous bill. */
  readonly balanceCents: number;
  readonly charges: readonly PendingCharge[];
  readonly plans: InstalmentPlan[];
  /** Annuity instalment to post this cycle (1..12), 0 for none. */
  readonly annuityInstalment: number;
  readonly previousPurchasesCents: number;
}

export interface CardProfile {
  readonly business: boolean;
  readonly international: boolean;
  readonly cashback: boolean;
  readonly annuityCents: number;
  readonly smsFeeCents: number;
  /** Holder card first, then additional and virtual cards. */
  readonly cards: readonly string[];
  readonly virtualCard?: string;
  /** Spending level: purchases per month and the ticket scale. */
  readonly purchasesPerMonth: number;
  readonly ticketScale: number;
}

export interface CycleResult {
  readonly transactions: CardTransactionDraft[];
  readonly totalCents: number;
  readonly purchasesCents: number;
  readonly financeCharges: CreditCardBillFinanceCharge[];
}

/** Appends one transaction to the cycle (id, BRL amount and bill filled in). */
export type Post = (
  t: Omit<CardTransactionDraft, 'transactionId' | 'brazilianCents' | 'billIndex'> & {
    brazilianCents?: number;
  },
) => void;

/** The billing cycle being generated. */
export interface Cycle {
  readonly startDay: number;
  readonly endDay: number;
  readonly open: boolean;
  /** Where the closed bill will be in the account's list. */
  readonly billIndex: number;
  readonly today: number;
}

export function runCycle(random: Random, profile: CardProfile, carry: CycleCarry, cycle: Cycle): CycleResult {
  const txs: CardTransactionDraft[] = [];
  const holder = profile.cards[0]!;
  const postAt = brasiliaInstant(cycle.startDay, 3 * 3600 + random.int(0, 3599));
  const base = {
    identificationNumber: holder,
    currency: 'BRL',
    billPostDay: cycle.startDay,
    instant: postAt,
  } as const;
  const billIndex = cycle.open ? {} : { billIndex: cycle.billIndex };
  const add: Post = (t) =>
    void txs.push({
      ...t,
      transactionId: random.hex(16),
      brazilianCents: t.brazilianCents ?? t.amountCents,
      ...billIndex,
    });

  if (carry.balanceCents > 0) {
    add({
      ...base,
      transactionName: 'SALDO FINANCIADO FATURA ANTERIOR',
      creditDebitType: 'DEBITO',
      transactionType: 'OPERACOES_CREDITO_CONTRATADAS_CARTAO',
      otherCreditsType: 'CREDITO_ROTATIVO',
      amountCents: carry.balanceCents,
    });
  } else if (carry.balanceCents < 0) {
    add({
      ...base,
      transactionName: 'SALDO CREDOR FATURA ANTERIOR',
      creditDebitType: 'CREDITO',
      transactionType: 'OUTROS',
      transactionalAdditionalInfo: 'Valor pago acima do total da fatura anterior',
      amountCents: -carry.balanceCents,
    });
  }
  for (const charge of carry.charges) {
    if (charge.cents <= 0) continue;
    add({
      ...base,
      transactionName: charge.name,
      creditDebitType: 'DEBITO',
      transactionType: 'OUTROS',
      transactionalAdditionalInfo: 'Encargos financeiros da fatura',
      amountCents: charge.cents,
      financeChargeType: charge.type,
    });
  }
  for (const plan of carry.plans) {
    const k = plan.next;
    const cents = plan.amounts[k - 1];
    if (cents === undefined) continue;
    plan.next = k + 1;
    const n = plan.amounts.length;
    const label = `${plan.name} ${String(k).padStart(2, '0')}/${String(n).padStart(2, '0')}`;
    if (plan.billPlan) {
      add({
        ...base,
        transactionName: label,
        creditDebitType: 'DEBITO',
        transactionType: 'OPERACOES_CREDITO_CONTRATADAS_CARTAO',
        otherCreditsType: 'PARCELAMENTO_FATURA',
        chargeIdentificator: k,
        chargeNumber: n,
        amountCents: cents,
      });
    } else {
      // Later instalments keep the purchase's date and time, as bills print them.
      add({
        ...base,
        instant: plan.instant,
        identificationNumber: plan.card,
        transactionName: label,
        creditDebitType: 'DEBITO',
        transactionType: 'PAGAMENTO',
        paymentType: 'A_PRAZO',
        chargeIdentificator: k,
        chargeNumber: n,
        amountCents: cents,
        ...(plan.mcc === undefined ? {} : { payeeMCC: plan.mcc }),
      });
    }
  }
  if (carry.annuityInstalment > 0 && profile.annuityCents > 0) {
    const k = carry.annuityInstalment;
    add({
      ...base,
      transactionName: `ANUIDADE ${String(k).padStart(2, '0')}/12`,
      creditDebitType: 'DEBITO',
      transactionType: 'TARIFA',
      feeType: 'ANUIDADE',
      amountCents: profile.annuityCents,
    });
  }
  if (profile.smsFeeCents > 0) {
    add({
      ...base,
      transactionName: 'AVISO DE COMPRAS POR SMS',
      creditDebitType: 'DEBITO',
      transactionType: 'TARIFA',
      feeType: 'SMS',
      amountCents: profile.smsFeeCents,
    });
  }
  if (profile.cashback && carry.previousPurchasesCents > 0) {
    const cents = Math.round(carry.previousPurchasesCents * 0.005);
    if (cents > 0)
      add({
        ...base,
        transactionName: 'CASHBACK PROGRAMA DE PONTOS',
        creditDebitType: 'CREDITO',
        transactionType: 'CASHBACK',
        amountCents: cents,
      });
  }

  const purchasesCents = postPurchases(random, profile, carry.plans, cycle, add);
  return { transactions: txs, totalCents: signedSum(txs), purchasesCents, financeCharges: chargesOf(txs) };
}

/** `total` in `n` instalments of whole cents; the first absorbs the remainder. */
export function splitEvenly(total: number, n: number): number[] {
  const each = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === 0 ? total - each * (n - 1) : each));
}

/** Debits add to the bill, credits reduce it. */
export function signedSum(txs: readonly CardTransactionDraft[]): number {
  let sum = 0;
  for (const t of txs) sum += t.creditDebitType === 'DEBITO' ? t.brazilianCents : -t.brazilianCents;
  return sum;
}

function chargesOf(txs: readonly CardTransactionDraft[]): CreditCardBillFinanceCharge[] {
  const byType = new Map<CreditCardFinanceChargeType, number>();
  for (const t of txs) {
    if (t.financeChargeType)
      byType.set(t.financeChargeType, (byType.get(t.financeChargeType) ?? 0) + t.brazilianCents);
  }
  return [...byType].map(([type, cents]) => ({ type, amount: centsToDecimal(cents), currency: 'BRL' }));
}
