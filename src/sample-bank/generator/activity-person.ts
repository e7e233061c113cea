import { SPENDING_SEASONALITY, dueDate, nthBusinessDay, type MonthInfo } from './calendar.ts';
import type { CounterpartyPool } from './counterparties.ts';
import type { LedgerEvent } from './ledger.ts';
import type { SamplePerson } from './model.ts';
import type { Random } from './random.ts';

/** Which of the customer's accounts (index into their account list) plays which role. */
export interface AccountRoles {
  readonly checking?: number;
  readonly savings?: number;
  readonly prepaid?: number;
  /** Checking accounts with a package of services pay a monthly fee. */
  readonly feePackage: boolean;
}

type Draft = Omit<LedgerEvent, 'account'> & { readonly account?: number };

export const secondBetween = (random: Random, fromHour: number, toHour: number) =>
  random.int(fromHour * 3600, toHour * 3600 - 1);
/** A count around `mean` (normal approximation of a Poisson draw, never negative). */
export const countAround = (random: Random, mean: number) =>
  Math.max(0, Math.round(mean + random.normal() * Math.sqrt(mean)));
const amount = (random: Random, median: number, sigma = 0.6) =>
  Math.max(100, Math.round(random.logNormal(median, sigma)));

/** Salary on the 5th business day (13th salary in November and December), or the INSS pension. */
function income(random: Random, person: SamplePerson, m: MonthInfo, pool: CounterpartyPool): Draft[] {
  const pay = person.monthlyIncomeCents;
  if (person.employer === undefined) {
    return [
      {
        day: nthBusinessDay(m, random.int(1, 5)),
        second: secondBetween(random, 5, 8),
        flow: 'CREDIT',
        type: 'OUTROS',
        name: 'CREDITO BENEFICIO INSS',
        cents: pay,
        counterparty: null,
      },
    ];
  }
  const employer = pool.employers[person.employer]!;
  const credit = (day: number, name: string, cents: number): Draft => ({
    day,
    second: secondBetween(random, 5, 8),
    flow: 'CREDIT',
    type: 'FOLHA_PAGAMENTO',
    name,
    cents,
    counterparty: employer.id,
  });
  const drafts = [
    credit(
      nthBusinessDay(m, 5),
      `SALARIO ${employer.name!.toUpperCase()}`,
      Math.round(pay * (0.97 + random.next() * 0.06)),
    ),
  ];
  // 13th salary: first half by 30 November, second by 20 December (Lei 4.749/1965, art. 1 and 2).
  if (m.month === 11) drafts.push(credit(m.firstDay + 27, '13 SALARIO 1 PARCELA', Math.round(pay * 0.5)));
  if (m.month === 12) drafts.push(credit(m.firstDay + 18, '13 SALARIO 2 PARCELA', Math.round(pay * 0.5)));
  return drafts;
}

/** The household's bills, each on its due date (moved past weekends), scheduled ahead of time. */
function bills(
  random: Random,
  person: SamplePerson,
  m: MonthInfo,
  pool: CounterpartyPool,
  billers: readonly number[],
): Draft[] {
  return billers.flatMap((index): Draft[] => {
    const biller = pool.utilities[index]!;
    const bill = biller.bill;
    if (!bill || (bill.months !== undefined && !bill.months.includes(m.month))) return [];
    return [
      {
        day: dueDate(m, bill.dueDay),
        second: secondBetween(random, 7, 20),
        flow: 'DEBIT',
        type: bill.type,
        name: `PAGTO ${bill.type === 'BOLETO' ? 'BOLETO' : 'CONTA'} ${biller.name!.toUpperCase()}`,
        cents: amount(random, person.monthlyIncomeCents * bill.incomeShare, 0.25),
        counterparty: biller.id,
        scheduled: true,
      },
    ];
  });
}

/** Pix received and sent, debit-card purchases: scaled by activity and by the month's season. */
function everyday(
  random: Random,
  person: SamplePerson,
  roles: AccountRoles,
  m: MonthInfo,
  pool: CounterpartyPool,
): Draft[] {
  const pay = person.monthlyIncomeCents;
  const season = SPENDING_SEASONALITY[m.month] ?? 1;
  const a = person.activity;
  const day = () => m.firstDay + random.int(0, m.length - 1);
  const drafts: Draft[] = [];
  for (let n = countAround(random, 0.7 * a); n > 0; n -= 1) {
    const from = random.pick(pool.persons);
    drafts.push({
      day: day(),
      second: secondBetween(random, 7, 23),
      flow: 'CREDIT',
      type: 'PIX',
      name: 'PIX RECEBIDO',
      cents: amount(random, pay * 0.04),
      counterparty: from.id,
    });
  }
  for (let n = countAround(random, 1.1 * a * season); n > 0; n -= 1) {
    const toPerson = random.chance(0.6);
    const to = toPerson ? random.pick(pool.persons) : random.pick(pool.merchants);
    const name = toPerson ? 'PIX ENVIADO' : `PIX ENVIADO ${to.name!.toUpperCase()}`;
    drafts.push({
      day: day(),
      second: secondBetween(random, 7, 23),
      flow: 'DEBIT',
      type: 'PIX',
      name,
      cents: amount(random, pay * 0.05 * season),
      counterparty: to.id,
    });
  }
  for (let n = countAround(random, 1.4 * a * season); n > 0; n -= 1) {
    const merchant = random.pick(pool.merchants);
    const name = `COMPRA CARTAO DEBITO ${merchant.name!.toUpperCase()}`;
    drafts.push({
      day: day(),
      second: secondBetween(random, 8, 22),
      flow: 'DEBIT',
      type: 'CARTAO',
      name,
      cents: amount(random, pay * 0.03 * season, 0.8),
      counterparty: merchant.id,
    });
  }
  if (roles.checking !== undefined) {
    for (let n = countAround(random, 0.3 * a); n > 0; n -= 1) {
      drafts.push({
        day: day(),
        second: secondBetween(random, 8, 22),
        flow: 'DEBIT',
        type: 'SAQUE',
        name: 'SAQUE TERMINAL 24H',
        cents: random.int(1, 30) * 2000,
        counterparty: null,
      });
    }
  }
  return drafts;
}

/** A prepaid account beside a checking one: topped up by Pix, spent by card. */
function prepaid(
  random: Random,
  person: SamplePerson,
  account: number,
  m: MonthInfo,
  pool: CounterpartyPool,
): Draft[] {
  const pay = person.monthlyIncomeCents;
  const season = SPENDING_SEASONALITY[m.month] ?? 1;
  const day = () => m.firstDay + random.int(0, m.length - 1);
  const drafts: Draft[] = [
    {
      account,
      day: day(),
      second: secondBetween(random, 7, 23),
      flow: 'CREDIT',
      type: 'PIX',
      name: 'PIX RECEBIDO RECARGA',
      cents: amount(random, pay * 0.08, 0.4),
      counterparty: random.pick(pool.persons).id,
    },
  ];
  for (let n = countAround(random, 1.2 * person.activity * season); n > 0; n -= 1) {
    const merchant = random.pick(pool.merchants);
    const name = `COMPRA CARTAO PRE-PAGO ${merchant.name!.toUpperCase()}`;
    drafts.push({
      account,
      day: day(),
      second: secondBetween(random, 8, 22),
      flow: 'DEBIT',
      type: 'CARTAO',
      name,
      cents: amount(random, pay * 0.02, 0.7),
      counterparty: merchant.id,
    });
  }
  return drafts;
}

/**
 * A natural person's month: income, bills on their due dates, everyday Pix and card spending
 * (December highest, see `SPENDING_SEASONALITY`), ATM withdrawals, the service package fee,
 * overdraft interest, a transfer to savings and its monthly yield. Spending totals roughly the
 * income, so balances wander without running away.
 */
export function personMonth(
  random: Random,
  person: SamplePerson,
  roles: AccountRoles,
  m: MonthInfo,
  pool: CounterpartyPool,
  billers: readonly number[],
): LedgerEvent[] {
  const main = roles.checking ?? roles.prepaid ?? roles.savings;
  if (main === undefined) return [];
  const drafts: Draft[] = [];
  if (roles.checking !== undefined) {
    drafts.push(...income(random, person, m, pool), ...bills(random, person, m, pool, billers));
    if (roles.feePackage) {
      drafts.push({
        day: nthBusinessDay(m, 3),
        second: secondBetween(random, 2, 5),
        flow: 'DEBIT',
        type: 'PACOTE_TARIFA_SERVICOS',
        name: 'TARIFA PACOTE DE SERVICOS',
        cents: 3490,
        counterparty: null,
      });
    }
    // Interest on last month's negative balance, computed when the ledger reaches it.
    drafts.push({
      day: nthBusinessDay(m, 1),
      second: secondBetween(random, 1, 4),
      flow: 'DEBIT',
      type: 'ENCARGOS_JUROS_CHEQUE_ESPECIAL',
      name: 'JUROS CHEQUE ESPECIAL',
      cents: 'OVERDRAFT_INTEREST',
      counterparty: null,
    });
    if (roles.savings !== undefined && random.chance(0.6)) {
      drafts.push({
        day: nthBusinessDay(m, 5) + 1,
        second: secondBetween(random, 8, 20),
        flow: 'TRANSFER',
        to: roles.savings,
        type: 'TRANSFERENCIA_MESMA_INSTITUICAO',
        name: 'TRANSF PARA POUPANCA',
        toName: 'TRANSF DA CONTA CORRENTE',
        cents: amount(random, person.monthlyIncomeCents * 0.08, 0.4),
        counterparty: null,
      });
    }
  }
  drafts.push(...everyday(random, person, roles, m, pool));
  if (roles.prepaid !== undefined && roles.prepaid !== main)
    drafts.push(...prepaid(random, person, roles.prepaid, m, pool));
  if (roles.savings !== undefined) {
    // Poupança pays monthly on the deposit's anniversary day (Lei 8.177/1991, art. 12).
    drafts.push({
      account: roles.savings,
      day: m.firstDay + (person.index % 28),
      second: 3600,
      flow: 'CREDIT',
      type: 'RENDIMENTO_APLIC_FINANCEIRA',
      name: 'RENDIMENTO POUPANCA',
      cents: 'SAVINGS_YIELD',
      counterparty: null,
    });
  }
  return drafts.map((d) => ({ account: main, ...d }));
}
