import { dayNumber } from '../generator/calendar.ts';
import { isoDate } from '../credit-operations/dates.ts';
import { jsonArray } from '../credit-operations/json-column.ts';
import { centsToDecimal } from '../credit-operations/money.ts';
import { rowsFor, type DataFamily } from '../seed/family.ts';
import { createCreditCardsReader, listCreditCardResources } from './connector.ts';
import { generateCardAccounts } from './generate.ts';
import {
  sampleBankCreditCardAccounts,
  sampleBankCreditCardBills,
  sampleBankCreditCardLimits,
  sampleBankCreditCardTransactions,
} from './schema.ts';

/** Closed bills kept per card account: four months of bills and their transactions (seed budget). */
export const CARD_HISTORY_MONTHS = 4;
/** The first customers of every brand hold every product, so contract tests find them. */
export const SHOWCASE_CUSTOMERS = 8;

/** Credit card accounts, limits, bills and card transactions (credit-cards-accounts 2.3.1). */
export const creditCardsFamily: DataFamily = {
  name: 'credit-cards',
  tables: [
    sampleBankCreditCardAccounts,
    sampleBankCreditCardLimits,
    sampleBankCreditCardBills,
    sampleBankCreditCardTransactions,
  ],
  bulkTables: [sampleBankCreditCardTransactions],
  generate(random, customer, ctx) {
    const accounts = generateCardAccounts(random, customer, {
      today: dayNumber(ctx.asOf),
      historyMonths: Math.min(ctx.historyMonths, CARD_HISTORY_MONTHS),
      showcase: customer.index < SHOWCASE_CUSTOMERS,
    });
    if (accounts.length === 0) return [];
    const { brandId } = ctx;
    const accountRows = accounts.map((a) => ({
      id: a.creditCardAccountId,
      brandId,
      customerId: customer.customerId,
      name: a.name,
      productType: a.productType,
      creditCardNetwork: a.creditCardNetwork,
      paymentMethods: jsonArray(a.paymentMethods),
      status: 'AVAILABLE' as const,
      openedOn: isoDate(a.openedDay),
      dueDay: a.dueDayOfMonth,
    }));
    const limitRows = accounts.flatMap((a) =>
      a.limits.map((l, position) => ({
        accountId: a.creditCardAccountId,
        position,
        brandId,
        creditLineLimitType: l.creditLineLimitType,
        consolidationType: l.consolidationType,
        identificationNumber: l.identificationNumber,
        lineName: l.lineName ?? null,
        isLimitFlexible: l.isLimitFlexible,
        limitAmount: l.limitAmount?.amount ?? null,
        limitAmountReason: l.limitAmount?.limitAmountReason ?? null,
        usedAmount: l.usedAmount.amount,
        availableAmount: l.availableAmount?.amount ?? null,
        customizedLimitAmount: l.customizedLimitAmount?.amount ?? null,
        currency: 'BRL',
      })),
    );
    const billRows = accounts.flatMap((a) =>
      a.bills.map((b) => ({
        id: b.billId,
        brandId,
        accountId: a.creditCardAccountId,
        closingDate: isoDate(b.closingDay),
        dueDate: isoDate(b.dueDay),
        billTotalAmount: centsToDecimal(b.totalCents),
        billMinimumAmount: centsToDecimal(b.minimumCents),
        isInstalment: b.isInstalment,
        currency: 'BRL',
        financeCharges: jsonArray(b.financeCharges),
        payments: jsonArray(b.payments),
      })),
    );
    const transactionRows = accounts.flatMap((a) =>
      a.transactions.map((t) => ({
        brandId,
        accountId: a.creditCardAccountId,
        transactionId: t.transactionId,
        transactionDateTime: new Date(t.instant),
        billId: t.billIndex === undefined ? null : a.bills[t.billIndex]!.billId,
        identificationNumber: t.identificationNumber,
        transactionName: t.transactionName,
        creditDebitType: t.creditDebitType,
        transactionType: t.transactionType,
        transactionalAdditionalInfo: t.transactionalAdditionalInfo ?? null,
        paymentType: t.paymentType ?? null,
        feeType: t.feeType ?? null,
        otherCreditsType: t.otherCreditsType ?? null,
        chargeIdentificator: t.chargeIdentificator ?? null,
        chargeNumber: t.chargeNumber ?? null,
        amount: centsToDecimal(t.amountCents),
        currency: t.currency,
        brazilianAmount: centsToDecimal(t.brazilianCents),
        billPostDate: t.billPostDay === null ? null : isoDate(t.billPostDay),
        payeeMcc: t.payeeMCC ?? null,
      })),
    );
    return [
      rowsFor(sampleBankCreditCardAccounts, accountRows),
      rowsFor(sampleBankCreditCardLimits, limitRows),
      rowsFor(sampleBankCreditCardBills, billRows),
      rowsFor(sampleBankCreditCardTransactions, transactionRows),
    ];
  },
  connect: (deps) => ({
    creditCards: createCreditCardsReader(deps),
    listResources: (brandId, customer) => listCreditCardResources(deps, brandId, customer),
  }),
};
