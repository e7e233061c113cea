import { Type } from 'typebox';
import {
  ACCOUNT_SUBTYPES,
  ACCOUNT_TYPES,
  COMPLETED_AUTHORISED_PAYMENT_TYPES,
  CREDIT_DEBIT_TYPES,
  PERSON_TYPES,
  TRANSACTION_TYPES,
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

// accounts.yaml 2.4.2, one schema per endpoint (components.schemas of the same names).

const AccountType = enumOf(ACCOUNT_TYPES);
const Digits = (min: number, max: number) => Type.String({ pattern: `^\\d{${min},${max}}$`, maxLength: max });
const DateTime = Type.String({ format: 'date-time', maxLength: 20 });

export const AccountIdParams = Type.Object({ accountId: Id });

/** AccountData. */
const AccountData = Type.Object({
  brandName: Type.String({ maxLength: 80 }),
  companyCnpj: Type.String({ pattern: '^\\d{14}$', maxLength: 14 }),
  type: AccountType,
  compeCode: Digits(3, 3),
  branchCode: Type.Optional(Digits(4, 4)),
  number: Digits(8, 20),
  checkDigit: Type.String({ maxLength: 1 }),
  accountId: Id,
});

export const GetAccounts = {
  querystring: Type.Object({ ...PagedQuery.properties, accountType: Type.Optional(AccountType) }),
  response: { 200: Type.Object({ data: Type.Array(AccountData), links: Links, meta: Meta }) },
};

export const GetAccount = {
  params: AccountIdParams,
  response: {
    200: Type.Object({
      data: Type.Object({
        compeCode: Digits(3, 3),
        branchCode: Type.Optional(Digits(4, 4)),
        number: Digits(8, 20),
        checkDigit: Type.String({ maxLength: 1 }),
        type: AccountType,
        subtype: enumOf(ACCOUNT_SUBTYPES),
        currency: Type.String({ pattern: '^(\\w{3}){1}$', maxLength: 3 }),
      }),
      links: Links,
      meta: Meta,
    }),
  },
};

export const GetBalances = {
  params: AccountIdParams,
  response: {
    200: Type.Object({
      data: Type.Object({
        availableAmount: SignedAmount,
        blockedAmount: Amount,
        automaticallyInvestedAmount: SignedAmount,
        updateDateTime: DateTime,
      }),
      links: Links,
      meta: Meta,
    }),
  },
};

export const GetOverdraftLimits = {
  params: AccountIdParams,
  response: {
    200: Type.Object({
      data: Type.Object({
        overdraftContractedLimit: Type.Optional(Amount),
        overdraftUsedLimit: Type.Optional(Amount),
        unarrangedOverdraftAmount: Type.Optional(Amount),
      }),
      links: Links,
      meta: Meta,
    }),
  },
};

/** AccountTransactionsData. */
const Transaction = Type.Object({
  transactionId: Id,
  completedAuthorisedPaymentType: enumOf(COMPLETED_AUTHORISED_PAYMENT_TYPES),
  creditDebitType: enumOf(CREDIT_DEBIT_TYPES),
  transactionName: Type.String({ maxLength: 200 }),
  type: enumOf(TRANSACTION_TYPES),
  transactionAmount: Amount,
  transactionDateTime: Type.String({ maxLength: 24, format: 'date-time' }),
  partieCnpjCpf: Type.Optional(Type.String({ pattern: '^\\d{11}$|^\\d{14}$', maxLength: 14 })),
  partiePersonType: Type.Optional(enumOf(PERSON_TYPES)),
  partieCompeCode: Type.Optional(Digits(3, 3)),
  partieBranchCode: Type.Optional(Digits(4, 4)),
  partieNumber: Type.Optional(Digits(8, 20)),
  partieCheckDigit: Type.Optional(Type.String({ maxLength: 1 })),
});

const TransactionsQuery = Type.Object({
  ...PagedQuery.properties,
  fromBookingDate: Type.Optional(IsoDate),
  toBookingDate: Type.Optional(IsoDate),
  creditDebitIndicator: Type.Optional(enumOf(CREDIT_DEBIT_TYPES)),
});

/** The `data` of the transactions answers. */
export const TransactionList = Type.Array(Transaction);

const TransactionsResponse = Type.Object({
  data: TransactionList,
  links: TransactionsLinks,
  meta: MetaOnlyRequestDateTime,
});

/** `/transactions` and `/transactions-current` share everything but the date rules. */
export const GetTransactions = {
  params: AccountIdParams,
  querystring: TransactionsQuery,
  response: { 200: TransactionsResponse },
};
