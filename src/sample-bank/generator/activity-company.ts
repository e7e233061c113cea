import { SPENDING_SEASONALITY, dueDate, nthBusinessDay, type MonthInfo } from './calendar.ts';
import type { CounterpartyPool } from './counterparties.ts';
import type { LedgerEvent } from './ledger.ts';
import type { SampleCompany } from './model.ts';
import type { Random } from './random.ts';
import { countAround as count, secondBetween as sec, type AccountRoles } from './activity-person.ts';

const amount = (random: Random, median: number, sigma = 0.6) =>
  Math.max(500, Math.round(random.logNormal(median, sigma)));

/**
 * A company's month: sales received by Pix and boleto (more in November and December), card
 * sales settled weekly, suppliers paid by boleto and TED, payroll on the 5th business day, the
 * Simples Nacional DAS on the 20th, fees.
 */
export function companyMonth(
  random: Random,
  company: SampleCompany,
  roles: AccountRoles,
  m: MonthInfo,
  pool: CounterpartyPool,
): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  const main = roles.checking ?? roles.prepaid;
  if (main === undefined) return events;
  const revenue = company.monthlyIncomeCents * (SPENDING_SEASONALITY[m.month] ?? 1);
  const activity = company.activity;
  const day = () => m.firstDay + random.int(0, m.length - 1);
  const add = (e: Omit<LedgerEvent, 'account'>) => events.push({ account: main, ...e });

  const pixSales = count(random, 3.5 * activity);
  for (let n = pixSales; n > 0; n -= 1) {
    add({
      day: day(),
      second: sec(random, 8, 22),
      flow: 'CREDIT',
      type: 'PIX',
      name: 'PIX RECEBIDO',
      cents: amount(random, (revenue * 0.35) / Math.max(1, pixSales)),
      counterparty: random.pick(pool.persons).id,
    });
  }
  for (let n = count(random, 1.5 * activity); n > 0; n -= 1) {
    const payer = random.pick(pool.merchants);
    add({
      day: day(),
      second: sec(random, 9, 18),
      flow: 'CREDIT',
      type: 'BOLETO',
      name: `LIQUIDACAO BOLETO ${payer.name!.toUpperCase()}`,
      cents: amount(random, revenue * 0.12),
      counterparty: payer.id,
    });
  }
  for (let week = 0; week < 4; week += 2) {
    add({
      day: Math.min(m.firstDay + week * 7 + 2, m.firstDay + m.length - 1),
      second: sec(random, 4, 6),
      flow: 'CREDIT',
      type: 'CARTAO',
      name: 'CREDITO VENDAS CARTAO',
      cents: amount(random, revenue * 0.16, 0.3),
      counterparty: pool.merchants[company.index % pool.merchants.length]!.id,
    });
  }
  add({
    day: nthBusinessDay(m, 5),
    second: sec(random, 6, 9),
    flow: 'DEBIT',
    type: 'FOLHA_PAGAMENTO',
    name: 'PAGAMENTO FOLHA SALARIAL',
    cents: amount(random, company.monthlyIncomeCents * 0.25, 0.1),
    counterparty: null,
  });
  add({
    day: dueDate(m, 20),
    second: sec(random, 8, 18),
    flow: 'DEBIT',
    type: 'CONVENIO_ARRECADACAO',
    name: 'PAGTO DAS SIMPLES NACIONAL',
    cents: amount(random, revenue * 0.06, 0.2),
    counterparty: null,
    scheduled: true,
  });
  for (let n = count(random, 2 * activity); n > 0; n -= 1) {
    const supplier = random.pick(pool.employers);
    const ted = random.chance(0.3);
    add({
      day: day(),
      second: sec(random, 8, 18),
      flow: 'DEBIT',
      type: ted ? 'TED' : 'BOLETO',
      name: `${ted ? 'TED ENVIADA' : 'PAGTO BOLETO'} ${supplier.name!.toUpperCase()}`,
      cents: amount(random, revenue * 0.1),
      counterparty: supplier.id,
    });
  }
  add({
    day: nthBusinessDay(m, 3),
    second: sec(random, 2, 5),
    flow: 'DEBIT',
    type: 'PACOTE_TARIFA_SERVICOS',
    name: 'TARIFA PACOTE EMPRESARIAL',
    cents: 8990,
    counterparty: null,
  });
  add({
    day: nthBusinessDay(m, 1),
    second: sec(random, 1, 4),
    flow: 'DEBIT',
    type: 'ENCARGOS_JUROS_CHEQUE_ESPECIAL',
    name: 'JUROS CHEQUE ESPECIAL',
    cents: 'OVERDRAFT_INTEREST',
    counterparty: null,
  });
  return events;
}
