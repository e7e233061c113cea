import { Type } from 'typebox';
import {
  CREDIT_CARD_BILL_VALUE_TYPES,
  CREDIT_CARD_FEE_TYPES,
  CREDIT_CARD_FINANCE_CHARGE_TYPES,
  CREDIT_CARD_LINE_NAMES,
  CREDIT_CARD_NETWORKS,
  CREDIT_CARD_OTHER_CREDIT_TYPES,
  CREDIT_CARD_PAYMENT_MODES,
  CREDIT_CARD_PRODUCT_TYPES,
  CREDIT_CARD_TRANSACTION_TYPES,
  CREDIT_DEBIT_TYPES,
} from '../../connectors/index.ts';
import {
  Amount,
  Id,
  IsoDate,
  Links,
  Meta,
  MetaOnlyRequestDateTime,
  PagedQuery,
  SignedAmount,
  TransactionsLinks,
  enumOf,
} from '../shared/schemas.ts';

// credit-cards-accounts.yaml 2.3.1, one schema per endpoint.

const Opt = Type.Optional;
const Text = (maxLength: number) => Type.String({ maxLength });
const Decimal = Type.String({ pattern: '^\\d{1,15}\\.\\d{2,4}$', maxLength: 20 });
const Currency = Type.String({ pattern: '^(\\w{3}){1}$', maxLength: 3 });

export const CardParams = Type.Object({ creditCardAccountId: Id });
export const BillParams = Type.Object({ creditCardAccountId: Id, billId: Id });

const Product = {
  name: Text(50),
  productType: enumOf(CREDIT_CARD_PRODUCT_TYPES),
  productAdditionalInfo: Opt(Text(50)),
  creditCardNetwork: enumOf(CREDIT_CARD_NETWORKS),
  networkAdditionalInfo: Opt(Text(50)),
};

export const GetCardAccounts = {
  querystring: PagedQuery,
  response: {
    200: Type.Object({
      data: Type.Array(
        Type.Object({
          creditCardAccountId: Id,
          brandName: Text(80),
          companyCnpj: Type.String({ pattern: '^\\d{14}$', maxLength: 14 }),
          ...Product,
        }),
      ),
      links: Links,
      meta: Meta,
    }),
  },
};

export const GetCardAccount = {
  params: CardParams,
  response: {
    200: Type.Object({
      data: Type.Object({
        ...Product,
        paymentMethod: Type.Array(
          Type.Object({ identificationNumber: Id, isMultipleCreditCard: Type.Boolean() }),
          {
            minItems: 1,
          },
        ),
      }),
      links: Links,
      meta: Meta,
    }),
  },
};

export const GetCardLimits = {
  params: CardParams,
  response: {
    200: Type.Object({
      data: Type.Array(
        Type.Object({
          creditLineLimitType: enumOf([
            'LIMITE_CREDITO_TOTAL',
            'LIMITE_CREDITO_MODALIDADE_OPERACAO',
          ] as const),
          consolidationType: enumOf(['CONSOLIDADO', 'INDIVIDUAL'] as const),
          identificationNumber: Id,
          lineName: Opt(enumOf(CREDIT_CARD_LINE_NAMES)),
          lineNameAdditionalInfo: Opt(Text(50)),
          isLimitFlexible: Type.Boolean(),
          limitAmount: Opt(Type.Object({ ...Amount.properties, limitAmountReason: Opt(Text(200)) })),
          usedAmount: SignedAmount,
          availableAmount: Opt(SignedAmount),
          customizedLimitAmount: Opt(Amount),
        }),
      ),
      links: Links,
      meta: Meta,
    }),
  },
};

export const GetBills = {
  params: CardParams,
  querystring: Type.Object({
    ...PagedQuery.properties,
    fromDueDate: Opt(IsoDate),
    toDueDate: Opt(IsoDate),
  }),
  response: {
    200: Type.Object({
      data: Type.Array(
        Type.Object({
          billId: Id,
          dueDate: IsoDate,
          billTotalAmount: SignedAmount,
          billMinimumAmount: Amount,
          isInstalment: Type.Boolean(),
          financeCharges: Opt(
            Type.Array(
              Type.Object({
                type: enumOf(CREDIT_CARD_FINANCE_CHARGE_TYPES),
                additionalInfo: Opt(Text(140)),
                amount: Decimal,
                currency: Currency,
              }),
              { minItems: 1 },
            ),
          ),
          payments: Type.Array(
            Type.Object({
              valueType: enumOf(CREDIT_CARD_BILL_VALUE_TYPES),
              paymentDate: IsoDate,
              paymentMode: enumOf(CREDIT_CARD_PAYMENT_MODES),
              amount: Decimal,
              currency: Currency,
            }),
          ),
        }),
      ),
      links: Links,
      meta: Meta,
    }),
  },
};

/** CreditCardAccountsTransaction (and CreditCardAccountsBillsTransactions, the same fields). */
const Transaction = Type.Object({
  transactionId: Id,
  identificationNumber: Id,
  transactionName: Text(200),
  billId: Opt(Id),
  creditDebitType: enumOf(CREDIT_DEBIT_TYPES),
  transactionType: enumOf(CREDIT_CARD_TRANSACTION_TYPES),
  transactionalAdditionalInfo: Opt(Text(140)),
  paymentType: Opt(enumOf(['A_VISTA', 'A_PRAZO'] as const)),
  feeType: Opt(enumOf(CREDIT_CARD_FEE_TYPES)),
  feeTypeAdditionalInfo: Opt(Text(140)),
  otherCreditsType: Opt(enumOf(CREDIT_CARD_OTHER_CREDIT_TYPES)),
  otherCreditsAdditionalInfo: Opt(Text(50)),
  chargeIdentificator: Opt(Type.Integer({ minimum: 1, maximum: 999 })),
  chargeNumber: Opt(Type.Integer({ maximum: 999 })),
  brazilianAmount: Amount,
  amount: Amount,
  transactionDateTime: Type.String({ format: 'date-time', maxLength: 24 }),
  billPostDate: IsoDate,
  payeeMCC: Opt(Type.Integer({ maximum: 2147483647 })),
});

/** The `data` of the transactions answers. */
export const CardTransactionList = Type.Array(Transaction);

const TransactionFilters = {
  transactionType: Opt(enumOf(CREDIT_CARD_TRANSACTION_TYPES)),
  payeeMCC: Opt(Type.Integer({ maximum: 9999, minimum: 0 })),
};

export const GetBillTransactions = {
  params: BillParams,
  querystring: Type.Object({
    ...PagedQuery.properties,
    fromTransactionDate: Opt(IsoDate),
    toTransactionDate: Opt(IsoDate),
    ...TransactionFilters,
  }),
  response: { 200: Type.Object({ data: Type.Array(Transaction), links: Links, meta: Meta }) },
};

export const GetCardTransactions = {
  params: CardParams,
  querystring: Type.Object({
    ...PagedQuery.properties,
    fromTransactionDate: Opt(IsoDate),
    toTransactionDate: Opt(IsoDate),
    ...TransactionFilters,
  }),
  response: {
    200: Type.Object({
      data: Type.Array(Transaction),
      links: TransactionsLinks,
      meta: MetaOnlyRequestDateTime,
    }),
  },
};
