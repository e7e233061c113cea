import type {
  Amount,
  BrandId,
  CustomerRef,
  IsoDate,
  IsoDateTime,
  IsoDateTimeMillis,
  Page,
  PageRequest,
} from './common.ts';

export const ACCOUNT_TYPES = [
  'CONTA_DEPOSITO_A_VISTA',
  'CONTA_POUPANCA',
  'CONTA_PAGAMENTO_PRE_PAGA',
] as const;
/** `EnumAccountType` (accounts 2.4.2): checking (CACC), savings (SVGS), prepaid payment (TRAN). */
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_SUBTYPES = ['INDIVIDUAL', 'CONJUNTA_SIMPLES', 'CONJUNTA_SOLIDARIA'] as const;
export type AccountSubtype = (typeof ACCOUNT_SUBTYPES)[number];

export const CREDIT_DEBIT_TYPES = ['CREDITO', 'DEBITO'] as const;
export type CreditDebitType = (typeof CREDIT_DEBIT_TYPES)[number];

export const COMPLETED_AUTHORISED_PAYMENT_TYPES = [
  'TRANSACAO_EFETIVADA',
  'LANCAMENTO_FUTURO',
  'TRANSACAO_PROCESSANDO',
] as const;
/** Settled (id immutable), future-dated, or still processing (id may change). */
export type CompletedAuthorisedPaymentType = (typeof COMPLETED_AUTHORISED_PAYMENT_TYPES)[number];

export const TRANSACTION_TYPES = [
  'TED', 'DOC', 'PIX', 'TRANSFERENCIA_MESMA_INSTITUICAO', 'BOLETO', 'CONVENIO_ARRECADACAO',
  'PACOTE_TARIFA_SERVICOS', 'TARIFA_SERVICOS_AVULSOS', 'FOLHA_PAGAMENTO', 'DEPOSITO', 'SAQUE', 'CARTAO',
  'ENCARGOS_JUROS_CHEQUE_ESPECIAL', 'RENDIMENTO_APLIC_FINANCEIRA', 'PORTABILIDADE_SALARIO',
  'RESGATE_APLIC_FINANCEIRA', 'OPERACAO_CREDITO', 'OUTROS',
] as const; // prettier-ignore
/** `EnumTransactionTypes`. */
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** `AccountData`: an account as listed by `GET /accounts`. */
export interface Account {
  readonly accountId: string;
  readonly brandName: string;
  /** CNPJ of the institution that holds the account. */
  readonly companyCnpj: string;
  readonly type: AccountType;
  /** STR participant code, 3 digits. */
  readonly compeCode: string;
  readonly branchCode?: string;
  readonly number: string;
  readonly checkDigit: string;
}

/** `AccountIdentificationData` (`GET /accounts/{accountId}`). */
export interface AccountIdentification {
  readonly compeCode: string;
  readonly branchCode?: string;
  readonly number: string;
  readonly checkDigit: string;
  readonly type: AccountType;
  readonly subtype: AccountSubtype;
  readonly currency: string;
}

/**
 * `AccountBalancesData` (`GET /accounts/{accountId}/balances`). `availableAmount` may be negative
 * (overdraft in use); `blockedAmount` is never negative.
 */
export interface AccountBalances {
  readonly availableAmount: Amount;
  readonly blockedAmount: Amount;
  readonly automaticallyInvestedAmount: Amount;
  readonly updateDateTime: IsoDateTime;
}

/** `AccountOverdraftLimitsData` (`GET /accounts/{accountId}/overdraft-limits`); all optional in the spec. */
export interface AccountOverdraftLimits {
  readonly overdraftContractedLimit?: Amount;
  readonly overdraftUsedLimit?: Amount;
  readonly unarrangedOverdraftAmount?: Amount;
}

/**
 * `AccountTransactionsData`. `transactionAmount` is unsigned; `creditDebitType` gives the sign.
 * The `partie*` fields identify the counterparty (mandatory for payments since IN BCB 371).
 */
export interface AccountTransaction {
  readonly transactionId: string;
  readonly completedAuthorisedPaymentType: CompletedAuthorisedPaymentType;
  readonly creditDebitType: CreditDebitType;
  readonly transactionName: string;
  readonly type: TransactionType;
  readonly transactionAmount: Amount;
  readonly transactionDateTime: IsoDateTimeMillis;
  readonly partieCnpjCpf?: string;
  readonly partiePersonType?: 'PESSOA_NATURAL' | 'PESSOA_JURIDICA';
  readonly partieCompeCode?: string;
  readonly partieBranchCode?: string;
  readonly partieNumber?: string;
  readonly partieCheckDigit?: string;
}

/** Filters of `GET /accounts`. */
export interface AccountListQuery {
  readonly accountType?: AccountType;
  readonly page: PageRequest;
}

/**
 * How to page transactions. Either a 1-based `page` (offset; what a client asking `page=N` means)
 * or the opaque `cursor` a previous page returned as `nextCursor` (keyset: constant cost however
 * deep the client goes, and stable while new transactions arrive). `pageSize` is 1..1000.
 */
export type TransactionPaging =
  | { readonly pageSize: number; readonly page: number; readonly cursor?: undefined }
  | { readonly pageSize: number; readonly cursor: string; readonly page?: undefined };

/**
 * Filters of `GET /accounts/{accountId}/transactions`. Dates are booking dates, both inclusive,
 * in Brasília time; the data API applies the spec's defaults (today) and limits (12 months back,
 * 12 forward; 7 days for `transactions-current`) before calling.
 */
export interface TransactionQuery {
  readonly fromBookingDate: IsoDate;
  readonly toBookingDate: IsoDate;
  readonly creditDebitIndicator?: CreditDebitType;
  readonly paging: TransactionPaging;
}

/**
 * A page of transactions, newest first (`transactionDateTime` descending, then `transactionId`
 * descending). `nextCursor` is `null` on the last page; transactions pages carry no totals
 * (accounts 2.4.2 `MetaOnlyRequestDateTime`).
 */
export interface TransactionPage {
  readonly items: readonly AccountTransaction[];
  readonly nextCursor: string | null;
}

/**
 * Deposit, savings and prepaid payment accounts (accounts API 2.4.2). Methods that take an
 * `accountId` throw `CONNECTOR_RESOURCE_NOT_FOUND` when the account does not exist, belongs to
 * another customer, or to another brand: the three cases are indistinguishable on purpose.
 *
 * @example
 *   const page = await connector.accounts.listTransactions('bank-a', ref, accountId, {
 *     fromBookingDate: '2025-01-01',
 *     toBookingDate: '2025-01-31',
 *     paging: { page: 1, pageSize: 25 },
 *   });
 *   // next page: { paging: { cursor: page.nextCursor!, pageSize: 25 } }
 */
export interface AccountsConnector {
  listAccounts(brandId: BrandId, customer: CustomerRef, query: AccountListQuery): Promise<Page<Account>>;
  getAccount(brandId: BrandId, customer: CustomerRef, accountId: string): Promise<AccountIdentification>;
  getBalances(brandId: BrandId, customer: CustomerRef, accountId: string): Promise<AccountBalances>;
  listTransactions(
    brandId: BrandId,
    customer: CustomerRef,
    accountId: string,
    query: TransactionQuery,
  ): Promise<TransactionPage>;
  getOverdraftLimits(
    brandId: BrandId,
    customer: CustomerRef,
    accountId: string,
  ): Promise<AccountOverdraftLimits>;
}
