import type { AccountSubtype, AccountType, CoreResourceStatus, IsoDate } from '../../connectors/index.ts';
import { personMonth, type AccountRoles } from './activity-person.ts';
import { companyMonth } from './activity-company.ts';
import { dayNumber, isoDateOfDay, monthsBetween } from './calendar.ts';
import { digitCheck, type CounterpartyPool } from './counterparties.ts';
import type { CustomerGeneration } from './customers.ts';
import { bookEvents, type LedgerEvent, type SampleTransaction } from './ledger.ts';
import type { SampleCustomer } from './model.ts';
import { createRandom, type Random } from './random.ts';

export interface AccountGeneration extends CustomerGeneration {
  /** Months of transaction history before the as-of day. */
  readonly historyMonths: number;
}

export interface SampleAccount {
  readonly accountId: string;
  readonly customerId: string;
  readonly type: AccountType;
  readonly subtype: AccountSubtype;
  readonly branchCode: string;
  readonly number: string;
  readonly checkDigit: string;
  readonly status: CoreResourceStatus;
  readonly openedOn: IsoDate;
  /** Balance before the first generated transaction, at the start of `historyStart`. */
  readonly openingCents: number;
  readonly historyStart: IsoDate;
  readonly overdraftLimitCents: number | null;
  readonly availableCents: number;
  readonly blockedCents: number;
  readonly investedCents: number;
}

export interface GeneratedAccounts {
  readonly accounts: readonly SampleAccount[];
  /** Per account (same order), oldest first. */
  readonly transactions: readonly (readonly SampleTransaction[])[];
}

/** Blocked or closed accounts exist, so consent pages and `GET /resources` have statuses to show. */
const ACCOUNT_STATUSES: readonly (readonly [CoreResourceStatus, number])[] = [
  ['AVAILABLE', 97],
  ['UNAVAILABLE', 2],
  ['TEMPORARILY_UNAVAILABLE', 1],
];

/** An affine bijection on 8-digit numbers: unique per (customer, slot), random-looking. */
function accountNumber(index: number, slot: number): string {
  return String(((index * 4 + slot) * 48_271 + 7_654_321) % 100_000_000).padStart(8, '0');
}

function pickTypes(random: Random, customer: SampleCustomer): AccountType[] {
  const business = customer.personType === 'PESSOA_JURIDICA';
  const types: AccountType[] = [];
  if (business || random.chance(0.85)) types.push('CONTA_DEPOSITO_A_VISTA');
  if (random.chance(business ? 0.1 : 0.3)) types.push('CONTA_POUPANCA');
  if (random.chance(business ? 0.1 : 0.2) || types.length === 0) types.push('CONTA_PAGAMENTO_PRE_PAGA');
  return types;
}

/**
 * The customer's accounts with their transaction history and final balances. Deterministic in
 * (seed, brandId, customer index).
 */
export function generateAccounts(
  g: AccountGeneration,
  customer: SampleCustomer,
  pool: CounterpartyPool,
): GeneratedAccounts {
  const random = createRandom(g.seed, g.brandId, 'customer', customer.index, 'accounts');
  const asOf = dayNumber(g.asOf);
  const historyStartDay = asOf - Math.round(g.historyMonths * 30.44);
  const relationDay = dayNumber(customer.relationshipStart.slice(0, 10));
  const income = customer.monthlyIncomeCents;
  const business = customer.personType === 'PESSOA_JURIDICA';
  const types = pickTypes(random, customer);
  const drafts = types.map((type, slot) => {
    const number = accountNumber(customer.index, slot);
    const openedDay = Math.min(asOf - 30, relationDay + random.int(0, 400));
    const overdraft = type === 'CONTA_DEPOSITO_A_VISTA' && random.chance(business ? 0.6 : 0.5);
    return {
      accountId: random.uuid(),
      customerId: customer.customerId,
      type,
      subtype: 'INDIVIDUAL' as const,
      branchCode: String(random.int(1, 150)).padStart(4, '0'),
      number,
      checkDigit: digitCheck(number),
      status: random.weighted(ACCOUNT_STATUSES),
      openedOn: isoDateOfDay(openedDay),
      historyStart: isoDateOfDay(Math.max(openedDay, historyStartDay)),
      openingCents:
        type === 'CONTA_POUPANCA'
          ? Math.round(income * random.next() * 4)
          : Math.round(income * (0.1 + random.next())),
      overdraftLimitCents: overdraft
        ? Math.max(20_000, Math.round((income * random.int(3, 15)) / 1000) * 100)
        : null,
      investedCents:
        type === 'CONTA_DEPOSITO_A_VISTA' && random.chance(0.1) ? Math.round(income * random.next() * 2) : 0,
    };
  });
  const roles: AccountRoles = {
    checking: idx(types, 'CONTA_DEPOSITO_A_VISTA'),
    savings: idx(types, 'CONTA_POUPANCA'),
    prepaid: idx(types, 'CONTA_PAGAMENTO_PRE_PAGA'),
    feePackage: random.chance(0.6),
  };
  const startDays = drafts.map((d) => dayNumber(d.historyStart));
  const bills = customer.personType === 'PESSOA_NATURAL' ? billsOf(random, pool) : [];
  const events: LedgerEvent[] = [];
  for (const m of monthsBetween(historyStartDay, asOf + 31)) {
    const month =
      customer.personType === 'PESSOA_NATURAL'
        ? personMonth(random, customer, roles, m, pool, bills)
        : companyMonth(random, customer, roles, m, pool);
    for (const e of month) {
      const opened = e.day >= startDays[e.account]! && (e.to === undefined || e.day >= startDays[e.to]!);
      if (opened && e.day <= asOf + 31) events.push(e);
    }
  }
  const ledger = bookEvents(
    random,
    drafts.map((d) => ({ openingCents: d.openingCents, limitCents: d.overdraftLimitCents ?? 0 })),
    events,
    asOf,
  );
  return {
    accounts: drafts.map((d, i) => ({
      ...d,
      availableCents: ledger.availableCents[i]!,
      blockedCents: ledger.blockedCents[i]!,
    })),
    transactions: ledger.transactions,
  };
}

function idx(types: readonly AccountType[], type: AccountType): number | undefined {
  const i = types.indexOf(type);
  return i < 0 ? undefined : i;
}

/** The utilities a household pays every month (energy, water, phone … and sometimes more). */
function billsOf(random: Random, pool: CounterpartyPool): number[] {
  const chosen = new Set<number>([0, 2]);
  for (let i = 1; i < pool.utilities.length; i += 1) if (random.chance(0.1)) chosen.add(i);
  return [...chosen];
}
