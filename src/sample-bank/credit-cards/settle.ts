import type { CreditCardBillPayment, CreditCardPaymentMode } from '../../connectors/index.ts';
import type { Random } from '../generator/random.ts';
import { buildSchedule } from '../credit-operations/amortization.ts';
import { isoDate } from '../credit-operations/dates.ts';
import { centsToDecimal } from '../credit-operations/money.ts';
import { CARD_RATES } from './catalogue.ts';
import type { InstalmentPlan, PendingCharge } from './cycle.ts';

/**
 * How a closed bill is paid and what it leaves to the next one. Most customers pay in full by
 * the due date; some pay part of it (the rest goes to revolving credit, with interest and IOF
 * on the next bill), some take an instalment plan after an entry payment, some pay late (fine,
 * default interest and remuneratory interest on the next bill). Payments after `today` have not
 * happened yet.
 */

export interface BillOutcome {
  readonly minimumCents: number;
  readonly isInstalment: boolean;
  readonly payments: CreditCardBillPayment[];
  /** Balance carried to the next bill (negative: credit in the customer's favour). */
  readonly carryCents: number;
  readonly charges: PendingCharge[];
  readonly plan?: InstalmentPlan;
  /** What is still owed on this bill today (payments not yet made), for the used limit. */
  readonly openCents: number;
}

type Behaviour = 'FULL' | 'PARTIAL' | 'PLAN' | 'LATE';

const MODES: readonly (readonly [CreditCardPaymentMode, number])[] = [
  ['DEBITO_CONTA_CORRENTE', 45],
  ['PIX', 30],
  ['BOLETO_BANCARIO', 25],
];
const uniform = (r: Random, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * r.next();

/** Minimum payment: 15 % of the bill, at least R$ 50, never more than the bill. */
export function minimumPayment(totalCents: number): number {
  if (totalCents <= 0) return 0;
  return Math.min(
    totalCents,
    Math.max(CARD_RATES.minimumFloorCents, Math.round(totalCents * CARD_RATES.minimumShare)),
  );
}

export function settleBill(
  random: Random,
  bill: {
    readonly totalCents: number;
    readonly dueDay: number;
    readonly today: number;
    readonly business: boolean;
  },
): BillOutcome {
  const { totalCents: total, dueDay, today } = bill;
  const minimumCents = minimumPayment(total);
  const isInstalment = total >= 10_000;
  const base = { minimumCents, isInstalment, charges: [] as PendingCharge[] };
  if (total <= 0) return { ...base, payments: [], carryCents: total, openCents: 0 };
  const iofDaily = bill.business ? CARD_RATES.iofDailyCompany : CARD_RATES.iofDailyPerson;
  const mode = random.weighted(MODES);
  const pay = (
    valueType: CreditCardBillPayment['valueType'],
    day: number,
    cents: number,
  ): CreditCardBillPayment => ({
    valueType,
    paymentDate: isoDate(day),
    paymentMode: mode,
    amount: centsToDecimal(cents),
    currency: 'BRL',
  });
  const behaviour = random.weighted<Behaviour>([
    ['FULL', 80],
    ['PARTIAL', 9],
    ['PLAN', isInstalment ? 4 : 0],
    ['LATE', 7],
  ]);
  const onTime = dueDay - random.int(0, 5);

  if (behaviour === 'LATE') {
    const days = random.int(2, 15);
    const payDay = dueDay + days;
    if (payDay > today) return { ...base, payments: [], carryCents: 0, openCents: total };
    const revolving = uniform(random, CARD_RATES.revolving);
    return {
      ...base,
      payments: [pay('VALOR_PAGAMENTO_FATURA_REALIZADO', payDay, total)],
      carryCents: 0,
      openCents: 0,
      charges: [
        {
          type: 'MULTA_ATRASO_PAGAMENTO_FATURA',
          name: 'MULTA POR ATRASO',
          cents: Math.round(total * CARD_RATES.lateFine),
        },
        {
          type: 'JUROS_MORA_ATRASO_PAGAMENTO_FATURA',
          name: 'JUROS DE MORA',
          cents: Math.round((total * CARD_RATES.lateInterest * days) / 30),
        },
        {
          type: 'JUROS_REMUNERATORIOS_ATRASO_PAGAMENTO_FATURA',
          name: 'JUROS DO ROTATIVO',
          cents: Math.round((total * revolving * days) / 30),
        },
        { type: 'IOF', name: 'IOF SOBRE ATRASO', cents: Math.round(total * iofDaily * days) },
      ],
    };
  }
  if (onTime > today) return { ...base, payments: [], carryCents: 0, openCents: total };

  if (behaviour === 'PARTIAL' && total > minimumCents) {
    const paid = Math.round(minimumCents + (total - minimumCents) * random.next() * 0.7);
    const rest = total - paid;
    const revolving = uniform(random, CARD_RATES.revolving);
    return {
      ...base,
      payments: [pay('OUTRO_VALOR_PAGO_FATURA', onTime, paid)],
      carryCents: rest,
      openCents: 0,
      charges: [
        {
          type: 'JUROS_REMUNERATORIOS_ATRASO_PAGAMENTO_FATURA',
          name: 'JUROS DO ROTATIVO',
          cents: Math.round(rest * revolving),
        },
        {
          type: 'IOF',
          name: 'IOF DO ROTATIVO',
          cents: Math.round(rest * (CARD_RATES.iofFlat + iofDaily * 30)),
        },
      ],
    };
  }
  if (behaviour === 'PLAN' && total > minimumCents) {
    const entry = Math.max(minimumCents, Math.round(total * uniform(random, [0.1, 0.2])));
    const financed = total - entry;
    const n = random.int(3, 12);
    const rate = uniform(random, CARD_RATES.billInstalment);
    const schedule = buildSchedule({
      principalCents: financed,
      periodRate: rate,
      instalments: n,
      system: 'PRICE',
    });
    return {
      ...base,
      payments: [pay('VALOR_PAGAMENTO_FATURA_PARCELADO', onTime, entry)],
      carryCents: 0,
      openCents: 0,
      charges: [
        {
          type: 'IOF',
          name: 'IOF PARCELAMENTO DE FATURA',
          cents: Math.round(financed * (CARD_RATES.iofFlat + iofDaily * Math.min(365, 30 * n))),
        },
      ],
      plan: {
        name: 'PARCELAMENTO DE FATURA',
        card: '',
        instant: 0,
        amounts: schedule.map((s) => s.amountCents),
        next: 1,
        billPlan: true,
      },
    };
  }
  return {
    ...base,
    payments: [pay('VALOR_PAGAMENTO_FATURA_REALIZADO', onTime, total)],
    carryCents: 0,
    openCents: 0,
  };
}
