import { sampleBankAccounts, sampleBankCounterparties, sampleBankTransactions } from '../schema/accounts.ts';
import { brasiliaInstant, dayNumber } from '../generator/calendar.ts';
import { rowsFor, type DataFamily } from './family.ts';

export const COUNTERPARTIES_TABLE = 'sample_bank.counterparties';

/** Cents as a decimal string with two places: -1234 → "-12.34". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** Deposit, savings and prepaid accounts with their transactions; the counterparty pool per brand. */
export const accountsFamily: DataFamily = {
  name: 'accounts',
  tables: [sampleBankCounterparties, sampleBankAccounts, sampleBankTransactions],
  bulkTables: [sampleBankTransactions],
  generateBrand(_random, ctx) {
    const rows = ctx.counterparties.all.map((c) => ({
      brandId: ctx.brandId,
      id: c.id,
      kind: c.kind,
      personType: c.personType,
      name: c.name,
      partieEnc: ctx.cipher.encrypt(
        JSON.stringify({
          document: c.document,
          compeCode: c.compeCode,
          branchCode: c.branchCode,
          number: c.number,
          checkDigit: c.checkDigit,
        }),
        ctx.aad(COUNTERPARTIES_TABLE, 'partie_enc', `${ctx.brandId}:${c.id}`),
      ),
    }));
    return [rowsFor(sampleBankCounterparties, rows)];
  },
  generate(_random, customer, ctx) {
    const { accounts, transactions } = ctx.accountsOf(customer);
    const balanceUpdatedAt = new Date(brasiliaInstant(dayNumber(ctx.asOf), 23 * 3600));
    const accountRows = accounts.map((a) => ({
      id: a.accountId,
      brandId: ctx.brandId,
      customerId: a.customerId,
      type: a.type,
      subtype: a.subtype,
      branchCode: a.branchCode,
      number: a.number,
      checkDigit: a.checkDigit,
      currency: 'BRL',
      status: a.status,
      openedOn: a.openedOn,
      historyStart: a.historyStart,
      openingBalance: centsToDecimal(a.openingCents),
      availableAmount: centsToDecimal(a.availableCents),
      blockedAmount: centsToDecimal(a.blockedCents),
      automaticallyInvestedAmount: centsToDecimal(a.investedCents),
      overdraftContractedLimit: a.overdraftLimitCents === null ? null : centsToDecimal(a.overdraftLimitCents),
      balanceUpdatedAt,
    }));
    const transactionRows = accounts.flatMap((a, i) =>
      transactions[i]!.map((t) => ({
        brandId: ctx.brandId,
        accountId: a.accountId,
        transactionId: t.transactionId,
        transactionDateTime: new Date(t.instant),
        completedAuthorisedPaymentType: t.status,
        creditDebitType: t.creditDebit,
        type: t.type,
        transactionName: t.name,
        amount: centsToDecimal(t.cents),
        counterpartyId: t.counterparty,
      })),
    );
    return [rowsFor(sampleBankAccounts, accountRows), rowsFor(sampleBankTransactions, transactionRows)];
  },
};
