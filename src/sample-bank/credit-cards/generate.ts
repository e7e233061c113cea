import type {
  CreditCardBillFinanceCharge,
  CreditCardBillPayment,
  CreditCardLimit,
  CreditCardNetwork,
  CreditCardProductType,
} from '../../connectors/index.ts';
import type { SampleCustomer } from '../generator/model.ts';
import type { Random } from '../generator/random.ts';
import { addMonths, isoDate } from '../credit-operations/dates.ts';
import { centsToDecimal, roundTo } from '../credit-operations/money.ts';
import { BUSINESS_TIERS, NETWORK_LABELS, PERSONAL_TIERS } from './catalogue.ts';
import {
  runCycle,
  type CardProfile,
  type CardTransactionDraft,
  type CycleCarry,
  type InstalmentPlan,
} from './cycle.ts';
import { settleBill } from './settle.ts';

/**
 * A customer's card accounts with their bills and transactions up to `today`: about 60 % of
 * natural persons and 45 % of companies hold a card (one in six persons two), the product
 * follows income, spending follows income and activity, and each bill is paid in full, in part,
 * in instalments or late as people do.
 */

export interface CardGenerationEnv {
  /** Day number the data is as of. */
  readonly today: number;
  /** Closed bills kept per account (at most). */
  readonly historyMonths: number;
  /** Give the customer a card whatever the draw (contract-test fixtures). */
  readonly showcase?: boolean;
}

export interface GeneratedBill {
  readonly billId: string;
  readonly dueDay: number;
  readonly closingDay: number;
  readonly totalCents: number;
  readonly minimumCents: number;
  readonly isInstalment: boolean;
  readonly financeCharges: readonly CreditCardBillFinanceCharge[];
  readonly payments: readonly CreditCardBillPayment[];
}

export interface GeneratedCardAccount {
  readonly creditCardAccountId: string;
  readonly name: string;
  readonly productType: CreditCardProductType;
  readonly creditCardNetwork: CreditCardNetwork;
  readonly paymentMethods: readonly { identificationNumber: string; isMultipleCreditCard: boolean }[];
  readonly openedDay: number;
  readonly dueDayOfMonth: number;
  readonly limits: readonly CreditCardLimit[];
  readonly bills: readonly GeneratedBill[];
  /** Every transaction; `billIndex` points into `bills` (undefined on the open bill). */
  readonly transactions: readonly CardTransactionDraft[];
}

export const CARD_SHARE = { PESSOA_NATURAL: 0.6, PESSOA_JURIDICA: 0.45 } as const;
const DUE_DAYS = [1, 5, 7, 10, 12, 15, 20, 25] as const;
/** Days between a bill's closing and its due date. */
export const CLOSING_LEAD_DAYS = 7;

export function generateCardAccounts(
  random: Random,
  customer: SampleCustomer,
  env: CardGenerationEnv,
): GeneratedCardAccount[] {
  if (!random.chance(CARD_SHARE[customer.personType]) && env.showcase !== true) return [];
  const count = customer.personType === 'PESSOA_NATURAL' && random.chance(1 / 6) ? 2 : 1;
  return Array.from({ length: count }, (_, i) => generateAccount(random.fork('card', i), customer, env));
}

function generateAccount(
  random: Random,
  customer: SampleCustomer,
  env: CardGenerationEnv,
): GeneratedCardAccount {
  const business = customer.personType === 'PESSOA_JURIDICA';
  const incomeReais = customer.monthlyIncomeCents / 100;
  const tiers = business ? BUSINESS_TIERS : PERSONAL_TIERS;
  const products = (tiers.find(([upTo]) => incomeReais < upTo) ?? tiers[tiers.length - 1]!)[1];
  const product = random.pick(products);
  const network = random.weighted(product.networks);
  const cardNumber = () => (business ? random.hex(16) : String(random.int(0, 9999)).padStart(4, '0'));
  const holder = cardNumber();
  const additional = !business && random.chance(0.25) ? cardNumber() : undefined;
  const virtualCard = random.chance(0.5) ? cardNumber() : undefined;
  const paymentMethods = [holder, additional, virtualCard]
    .filter((c): c is string => c !== undefined)
    .map((identificationNumber, i) => ({
      identificationNumber,
      isMultipleCreditCard: i === 0 && !business && random.chance(0.4),
    }));
  const limitCents = roundTo(
    Math.round(
      customer.monthlyIncomeCents *
        (product.limitFactor[0] + (product.limitFactor[1] - product.limitFactor[0]) * random.next()),
    ),
    5_000,
  );
  const dueDayOfMonth = random.pick(DUE_DAYS);
  const openedDay = env.today - random.int(40, 10 * 365);

  const profile: CardProfile = {
    business,
    international: product.international,
    cashback: product.cashback,
    annuityCents: random.chance(business ? 0 : 0.3) ? product.annuityCents : 0,
    smsFeeCents: random.chance(0.08) ? random.pick([299, 499, 699]) : 0,
    cards: paymentMethods.map((p) => p.identificationNumber),
    ...(virtualCard === undefined ? {} : { virtualCard }),
    // Kept modest: card transactions are the largest table this family writes (seed budget).
    purchasesPerMonth: Math.min(
      12,
      Math.max(1, 2 * customer.activity * Math.sqrt(Math.min(incomeReais, 20_000) / 3_000)),
    ),
    ticketScale: Math.min(6, Math.max(0.5, Math.sqrt(incomeReais / 3_000))),
  };

  // Bill cycles: each closes CLOSING_LEAD_DAYS before its due date; the last one is still open.
  const dueOf = (monthsBack: number) => addMonths(env.today, -monthsBack, dueDayOfMonth);
  let firstBack = env.historyMonths;
  while (firstBack > 0 && dueOf(firstBack) - CLOSING_LEAD_DAYS - 30 < openedDay) firstBack--;
  const cycles: { dueDay: number; closingDay: number; startDay: number }[] = [];
  for (let back = firstBack; back >= -2; back--) {
    const dueDay = dueOf(back);
    const closingDay = dueDay - CLOSING_LEAD_DAYS;
    const startDay = dueOf(back + 1) - CLOSING_LEAD_DAYS + 1;
    cycles.push({ dueDay, closingDay, startDay });
    if (closingDay >= env.today) break;
  }

  const plans: InstalmentPlan[] = [];
  let carry: CycleCarry = {
    balanceCents: 0,
    charges: [],
    plans,
    annuityInstalment: profile.annuityCents > 0 ? random.int(1, 12) : 0,
    previousPurchasesCents: 0,
  };
  const bills: GeneratedBill[] = [];
  const transactions: CardTransactionDraft[] = [];
  let unpaidClosedCents = 0;
  for (const c of cycles) {
    const open = c.closingDay >= env.today;
    const result = runCycle(random, profile, carry, {
      startDay: c.startDay,
      endDay: c.closingDay,
      open,
      today: env.today,
      billIndex: bills.length,
    });
    if (open) {
      transactions.push(...result.transactions);
      const future = plans.reduce(
        (sum, p) => sum + p.amounts.slice(p.next - 1).reduce((a, b) => a + b, 0),
        0,
      );
      // The limit is taken by the unpaid closed bill, the open bill and every instalment still to come.
      const used = unpaidClosedCents + result.totalCents + future;
      return {
        creditCardAccountId: random.uuid(),
        name: `Cartão ${product.label} ${NETWORK_LABELS[network]}`,
        productType: product.productType,
        creditCardNetwork: network,
        paymentMethods,
        openedDay,
        dueDayOfMonth,
        limits: limitsOf(random, limitCents, used, holder, business, product.productType),
        bills,
        transactions,
      };
    }
    transactions.push(...result.transactions);
    const outcome = settleBill(random, {
      totalCents: result.totalCents,
      dueDay: c.dueDay,
      today: env.today,
      business,
    });
    bills.push({
      billId: random.hex(20),
      dueDay: c.dueDay,
      closingDay: c.closingDay,
      totalCents: result.totalCents,
      minimumCents: outcome.minimumCents,
      isInstalment: outcome.isInstalment,
      financeCharges: result.financeCharges,
      payments: outcome.payments,
    });
    if (outcome.plan) plans.push(outcome.plan);
    for (let i = plans.length - 1; i >= 0; i--)
      if (plans[i]!.next > plans[i]!.amounts.length) plans.splice(i, 1);
    unpaidClosedCents = outcome.openCents;
    carry = {
      balanceCents: outcome.carryCents,
      charges: outcome.charges,
      plans,
      annuityInstalment: carry.annuityInstalment === 0 ? 0 : (carry.annuityInstalment % 12) + 1,
      previousPurchasesCents: result.purchasesCents,
    };
  }
  throw new Error('unreachable: the last cycle is always open');
}

function limitsOf(
  random: Random,
  limitCents: number,
  usedCents: number,
  holder: string,
  business: boolean,
  product: CreditCardProductType,
): CreditCardLimit[] {
  const amount = (cents: number) => ({ amount: centsToDecimal(cents), currency: 'BRL' });
  const flexible = (product === 'BLACK' || product === 'INFINITE') && random.chance(0.2);
  const zeroed = !flexible && random.chance(0.01);
  const limit = zeroed ? 0 : limitCents;
  const total: CreditCardLimit = {
    creditLineLimitType: 'LIMITE_CREDITO_TOTAL',
    consolidationType: 'CONSOLIDADO',
    identificationNumber: holder,
    isLimitFlexible: flexible,
    ...(flexible
      ? {}
      : {
          limitAmount: zeroed
            ? {
                ...amount(0),
                limitAmountReason:
                  'O perfil do cliente passou por uma análise e o limite precisou ser zerado',
              }
            : amount(limit),
        }),
    usedAmount: amount(usedCents),
    ...(flexible ? {} : { availableAmount: amount(limit - usedCents) }),
    ...(!flexible && !zeroed && !business && random.chance(0.3)
      ? { customizedLimitAmount: amount(roundTo(Math.round(limit * (0.5 + 0.4 * random.next())), 5_000)) }
      : {}),
  };
  if (flexible || zeroed || !random.chance(0.4)) return [total];
  const cash = roundTo(Math.round(limit * 0.3), 5_000);
  return [
    total,
    {
      creditLineLimitType: 'LIMITE_CREDITO_MODALIDADE_OPERACAO',
      consolidationType: 'CONSOLIDADO',
      identificationNumber: holder,
      lineName: 'SAQUE_CREDITO_BRASIL',
      isLimitFlexible: false,
      limitAmount: amount(cash),
      usedAmount: amount(0),
      availableAmount: amount(cash),
    },
  ];
}

export function dummyOrDate(day: number | null): string {
  return day === null ? '0001-01-01' : isoDate(day);
}
