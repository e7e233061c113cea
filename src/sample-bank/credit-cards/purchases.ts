import type { Random } from '../generator/random.ts';
import { brasiliaInstant } from '../generator/calendar.ts';
import { BUSINESS_MERCHANTS, CARD_RATES, FOREIGN_MERCHANTS, MERCHANTS, type Merchant } from './catalogue.ts';
import { splitEvenly, type CardProfile, type Cycle, type InstalmentPlan, type Post } from './cycle.ts';

/**
 * A cycle's purchases: their number follows the customer's spending level and the days the cycle
 * has had so far; merchants by weight (abroad for international cards, in dollars with IOF); big
 * tickets at shops that sell in instalments are often split ("parcelado sem juros"), starting a
 * plan whose later instalments post on the next bills; a few purchases are refunded.
 * Returns the reais spent (cashback is computed on them).
 */

const pickWeighted = (random: Random, list: readonly Merchant[]) =>
  random.weighted(list.map((m) => [m, m.weight] as const));

/** Transactions of the last day of an open cycle are not on the bill yet (spec dummy date). */
const postDayOf = (cycle: Cycle, day: number) => (cycle.open && day >= cycle.today - 1 ? null : day);

export function postPurchases(
  random: Random,
  profile: CardProfile,
  plans: InstalmentPlan[],
  cycle: Cycle,
  add: Post,
): number {
  const holder = profile.cards[0]!;
  const lastDay = Math.min(cycle.endDay, cycle.today);
  const days = lastDay - cycle.startDay + 1;
  const expected = (profile.purchasesPerMonth * days) / 30;
  const count = Math.max(0, Math.round(expected + random.normal() * Math.sqrt(expected)));
  let purchasesCents = 0;
  for (let i = 0; i < count; i++) {
    const day = cycle.startDay + random.int(0, days - 1);
    const instant = brasiliaInstant(day, random.int(8 * 3600, 22 * 3600));
    const postDay = postDayOf(cycle, day);
    const abroad = profile.international && random.chance(0.05);
    const merchant = pickWeighted(
      random,
      abroad ? FOREIGN_MERCHANTS : profile.business ? BUSINESS_MERCHANTS : MERCHANTS,
    );
    const name = random.pick(merchant.names);
    const card =
      merchant.online && profile.virtualCard !== undefined && random.chance(0.7)
        ? profile.virtualCard
        : random.chance(0.8)
          ? holder
          : random.pick(profile.cards);
    const ticket = Math.max(
      500,
      Math.round(random.logNormal(merchant.median * 100 * (abroad ? 1 : profile.ticketScale), 0.6)),
    );
    if (abroad) {
      // Priced in dollars; the bill shows the reais at the day's rate, plus IOF on purchases abroad.
      const rate = 5 + random.next();
      const brl = Math.round(ticket * rate);
      add({
        identificationNumber: card,
        transactionName: name,
        creditDebitType: 'DEBITO',
        transactionType: 'PAGAMENTO',
        paymentType: 'A_VISTA',
        amountCents: ticket,
        currency: 'USD',
        brazilianCents: brl,
        instant,
        billPostDay: postDay,
        payeeMCC: merchant.mcc,
      });
      add({
        identificationNumber: card,
        transactionName: 'IOF TRANSACAO NO EXTERIOR',
        creditDebitType: 'DEBITO',
        transactionType: 'OUTROS',
        transactionalAdditionalInfo: 'IOF sobre compra internacional',
        amountCents: Math.round(brl * CARD_RATES.iofAbroad),
        currency: 'BRL',
        instant,
        billPostDay: postDay,
        financeChargeType: 'IOF',
      });
      purchasesCents += brl;
      continue;
    }
    const instalments =
      merchant.instalments && ticket >= 20_000 && random.chance(0.35)
        ? random.int(2, ticket >= 100_000 ? 12 : 6)
        : 1;
    if (instalments > 1) {
      const amounts = splitEvenly(ticket, instalments);
      const plan: InstalmentPlan = {
        name,
        mcc: merchant.mcc,
        card,
        instant,
        amounts,
        next: 2,
        billPlan: false,
      };
      plans.push(plan);
      add({
        identificationNumber: card,
        transactionName: `${name} 01/${String(instalments).padStart(2, '0')}`,
        creditDebitType: 'DEBITO',
        transactionType: 'PAGAMENTO',
        paymentType: 'A_PRAZO',
        chargeIdentificator: 1,
        chargeNumber: instalments,
        amountCents: amounts[0]!,
        currency: 'BRL',
        instant,
        billPostDay: postDay,
        payeeMCC: merchant.mcc,
      });
      purchasesCents += amounts[0]!;
    } else {
      add({
        identificationNumber: card,
        transactionName: name,
        creditDebitType: 'DEBITO',
        transactionType: 'PAGAMENTO',
        paymentType: 'A_VISTA',
        amountCents: ticket,
        currency: 'BRL',
        instant,
        billPostDay: postDay,
        payeeMCC: merchant.mcc,
      });
      purchasesCents += ticket;
      // Now and then a purchase is returned and refunded a few days later, within the cycle.
      const refundDay = day + random.int(2, 10);
      if (random.chance(0.02) && refundDay <= lastDay) {
        add({
          identificationNumber: card,
          transactionName: `ESTORNO ${name}`,
          creditDebitType: 'CREDITO',
          transactionType: 'ESTORNO',
          amountCents: ticket,
          currency: 'BRL',
          instant: brasiliaInstant(refundDay, random.int(8 * 3600, 20 * 3600)),
          billPostDay: postDayOf(cycle, refundDay),
          payeeMCC: merchant.mcc,
        });
      }
    }
  }
  return purchasesCents;
}
