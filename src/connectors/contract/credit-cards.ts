import type { CreditDebitType, TransactionPaging } from './accounts.ts';
import type {
  Amount,
  BrandId,
  CustomerRef,
  IsoDate,
  IsoDateTimeMillis,
  Page,
  PageRequest,
} from './common.ts';

// Post-paid payment accounts ("contas de pagamento pós-pagas", Circular BCB 3.680), i.e. credit
// cards, as credit-cards-accounts 2.3.1 names them. The API does not split natural and legal
// persons: a company card account has the same shape.

export const CREDIT_CARD_PRODUCT_TYPES = [
  'CLASSIC_NACIONAL', 'CLASSIC_INTERNACIONAL', 'GOLD', 'PLATINUM', 'INFINITE', 'ELECTRON',
  'STANDARD_NACIONAL', 'STANDARD_INTERNACIONAL', 'ELETRONIC', 'BLACK', 'REDESHOP',
  'MAESTRO_MASTERCARD_MAESTRO', 'GREEN', 'BLUE', 'BLUEBOX', 'PROFISSIONAL_LIBERAL', 'CHEQUE_ELETRONICO',
  'CORPORATIVO', 'EMPRESARIAL', 'COMPRAS', 'BASICO_NACIONAL', 'BASICO_INTERNACIONAL', 'NANQUIM',
  'GRAFITE', 'MAIS', 'OUTROS',
] as const; // prettier-ignore
/** `EnumCreditCardAccountsProductType`; `OUTROS` needs `productAdditionalInfo`. */
export type CreditCardProductType = (typeof CREDIT_CARD_PRODUCT_TYPES)[number];

export const CREDIT_CARD_NETWORKS = [
  'VISA', 'MASTERCARD', 'AMERICAN_EXPRESS', 'DINERS_CLUB', 'HIPERCARD', 'BANDEIRA_PROPRIA',
  'CHEQUE_ELETRONICO', 'ELO', 'OUTRAS',
] as const; // prettier-ignore
/** `EnumCreditCardAccountNetwork`; `OUTRAS` needs `networkAdditionalInfo`. */
export type CreditCardNetwork = (typeof CREDIT_CARD_NETWORKS)[number];

/** `CreditCardAccountsData`: a card account as `GET /accounts` lists it. */
export interface CreditCardAccount {
  readonly creditCardAccountId: string;
  readonly brandName: string;
  /** CNPJ of the issuing institution, 14 bare digits. */
  readonly companyCnpj: string;
  /** Name of the account shown to the customer, ≤ 50 characters ("Cartão Universitário"). */
  readonly name: string;
  readonly productType: CreditCardProductType;
  readonly productAdditionalInfo?: string;
  readonly creditCardNetwork: CreditCardNetwork;
  readonly networkAdditionalInfo?: string;
}

/** `CreditCardsAccountPaymentMethod`: one card (holder, additional, virtual) of the account. */
export interface CreditCardPaymentMethod {
  /** Last 4 digits of the card for natural persons; an Open Finance id for legal persons. */
  readonly identificationNumber: string;
  /** Credit and debit functions on the same card ("cartão múltiplo"). */
  readonly isMultipleCreditCard: boolean;
}

/** `CreditCardsAccountsIdentificationData` (`GET /accounts/{creditCardAccountId}`); at least one payment method. */
export interface CreditCardAccountIdentification {
  readonly name: string;
  readonly productType: CreditCardProductType;
  readonly productAdditionalInfo?: string;
  readonly creditCardNetwork: CreditCardNetwork;
  readonly networkAdditionalInfo?: string;
  readonly paymentMethod: readonly CreditCardPaymentMethod[];
}

export const CREDIT_CARD_LINE_NAMES = [
  'CREDITO_A_VISTA', 'CREDITO_PARCELADO', 'SAQUE_CREDITO_BRASIL', 'SAQUE_CREDITO_EXTERIOR',
  'EMPRESTIMO_CARTAO_CONSIGNADO', 'OUTROS',
] as const; // prettier-ignore
export type CreditCardLineName = (typeof CREDIT_CARD_LINE_NAMES)[number];

/** `CreditCardsLimitAmount`: `limitAmountReason` is required when the limit is 0.00. */
export interface CreditCardLimitAmount extends Amount {
  readonly limitAmountReason?: string;
}

/**
 * `CreditCardAccountsLimitsData`. One `LIMITE_CREDITO_TOTAL` entry for the account, optionally
 * one `LIMITE_CREDITO_MODALIDADE_OPERACAO` entry per `lineName`. `limitAmount` and
 * `availableAmount` are required unless `isLimitFlexible` ("sem limite"); `usedAmount` and
 * `availableAmount` may be negative.
 */
export interface CreditCardLimit {
  readonly creditLineLimitType: 'LIMITE_CREDITO_TOTAL' | 'LIMITE_CREDITO_MODALIDADE_OPERACAO';
  /** CONSOLIDADO: the limit is shared by every payment method; INDIVIDUAL: one per card. */
  readonly consolidationType: 'CONSOLIDADO' | 'INDIVIDUAL';
  readonly identificationNumber: string;
  readonly lineName?: CreditCardLineName;
  readonly lineNameAdditionalInfo?: string;
  readonly isLimitFlexible: boolean;
  readonly limitAmount?: CreditCardLimitAmount;
  readonly usedAmount: Amount;
  readonly availableAmount?: Amount;
  /** Limit the customer chose in the institution's channels, when they may change it. */
  readonly customizedLimitAmount?: Amount;
}

export const CREDIT_CARD_FINANCE_CHARGE_TYPES = [
  'JUROS_REMUNERATORIOS_ATRASO_PAGAMENTO_FATURA', 'MULTA_ATRASO_PAGAMENTO_FATURA',
  'JUROS_MORA_ATRASO_PAGAMENTO_FATURA', 'IOF', 'OUTROS',
] as const; // prettier-ignore
export type CreditCardFinanceChargeType = (typeof CREDIT_CARD_FINANCE_CHARGE_TYPES)[number];

/** `CreditCardAccountsBillsFinanceCharge` (flat: amount and currency side by side). */
export interface CreditCardBillFinanceCharge {
  readonly type: CreditCardFinanceChargeType;
  /** Required when `type` is `OUTROS`. */
  readonly additionalInfo?: string;
  readonly amount: string;
  readonly currency: string;
}

export const CREDIT_CARD_BILL_VALUE_TYPES = [
  'VALOR_PAGAMENTO_FATURA_PARCELADO', 'VALOR_PAGAMENTO_FATURA_REALIZADO', 'OUTRO_VALOR_PAGO_FATURA',
] as const; // prettier-ignore
export type CreditCardBillValueType = (typeof CREDIT_CARD_BILL_VALUE_TYPES)[number];

export const CREDIT_CARD_PAYMENT_MODES = [
  'DEBITO_CONTA_CORRENTE',
  'BOLETO_BANCARIO',
  'AVERBACAO_FOLHA',
  'PIX',
] as const;
export type CreditCardPaymentMode = (typeof CREDIT_CARD_PAYMENT_MODES)[number];

/** `CreditCardAccountsBillsPayment`: a payment counted on the bill (never negative). */
export interface CreditCardBillPayment {
  /** REALIZADO: the whole bill; PARCELADO: the entry payment of an instalment plan; OUTRO: any other amount. */
  readonly valueType: CreditCardBillValueType;
  readonly paymentDate: IsoDate;
  readonly paymentMode: CreditCardPaymentMode;
  readonly amount: string;
  readonly currency: string;
}

/**
 * `CreditCardAccountsBillsData`: a closed bill ("fatura fechada"; open bills are not listed).
 * `billTotalAmount` is positive for a debit balance and negative for a credit balance; payments
 * made after closing count for the last closed bill.
 */
export interface CreditCardBill {
  readonly billId: string;
  readonly dueDate: IsoDate;
  readonly billTotalAmount: Amount;
  readonly billMinimumAmount: Amount;
  /** Whether the bill may be paid in instalments. */
  readonly isInstalment: boolean;
  /** Absent when the bill carries no charges; never an empty list (spec minItems 1). */
  readonly financeCharges?: readonly CreditCardBillFinanceCharge[];
  readonly payments: readonly CreditCardBillPayment[];
}

export const CREDIT_CARD_TRANSACTION_TYPES = [
  'PAGAMENTO', 'TARIFA', 'OPERACOES_CREDITO_CONTRATADAS_CARTAO', 'ESTORNO', 'CASHBACK', 'OUTROS',
] as const; // prettier-ignore
/** `EnumCreditCardTransactionType`: PAGAMENTO is a purchase paid with the card. */
export type CreditCardTransactionType = (typeof CREDIT_CARD_TRANSACTION_TYPES)[number];

export const CREDIT_CARD_FEE_TYPES = [
  'ANUIDADE', 'SAQUE_CARTAO_BRASIL', 'SAQUE_CARTAO_EXTERIOR', 'AVALIACAO_EMERGENCIAL_CREDITO',
  'EMISSAO_SEGUNDA_VIA', 'TARIFA_PAGAMENTO_CONTAS', 'SMS', 'OUTRA',
] as const; // prettier-ignore
export type CreditCardFeeType = (typeof CREDIT_CARD_FEE_TYPES)[number];

export const CREDIT_CARD_OTHER_CREDIT_TYPES = [
  'CREDITO_ROTATIVO',
  'PARCELAMENTO_FATURA',
  'EMPRESTIMO',
  'OUTROS',
] as const;
export type CreditCardOtherCreditType = (typeof CREDIT_CARD_OTHER_CREDIT_TYPES)[number];

/**
 * `CreditCardAccountsTransaction` / `CreditCardAccountsBillsTransactions`. Conditional fields
 * follow the spec's restrictions: `paymentType` for PAGAMENTO (and `chargeIdentificator` /
 * `chargeNumber` when A_PRAZO), `feeType` for TARIFA, `otherCreditsType` for
 * OPERACOES_CREDITO_CONTRATADAS_CARTAO, `transactionalAdditionalInfo` for OUTROS. `amount` is in
 * the original currency, `brazilianAmount` in BRL; both unsigned, `creditDebitType` gives the sign.
 */
export interface CreditCardTransaction {
  readonly transactionId: string;
  readonly identificationNumber: string;
  /** The literal the institution shows in its own channels (statement and bill). */
  readonly transactionName: string;
  /** The closed bill the transaction is on; absent while the bill is open. */
  readonly billId?: string;
  readonly creditDebitType: CreditDebitType;
  readonly transactionType: CreditCardTransactionType;
  readonly transactionalAdditionalInfo?: string;
  readonly paymentType?: 'A_VISTA' | 'A_PRAZO';
  readonly feeType?: CreditCardFeeType;
  readonly feeTypeAdditionalInfo?: string;
  readonly otherCreditsType?: CreditCardOtherCreditType;
  readonly otherCreditsAdditionalInfo?: string;
  /** Which instalment this is (1..999). */
  readonly chargeIdentificator?: number;
  /** How many instalments the purchase has. */
  readonly chargeNumber?: number;
  readonly brazilianAmount: Amount;
  readonly amount: Amount;
  readonly transactionDateTime: IsoDateTimeMillis;
  /** Day the transaction entered a bill; the spec's dummy `0001-01-01` until it has. */
  readonly billPostDate: IsoDate;
  readonly payeeMCC?: number;
}

/** Filters both transaction lists accept (`transactionType`, `payeeMCC` query parameters). */
export interface CreditCardTransactionFilter {
  readonly transactionType?: CreditCardTransactionType;
  readonly payeeMCC?: number;
}

/** Filters of `GET /accounts/{creditCardAccountId}/bills`: due dates, both inclusive. */
export interface CreditCardBillQuery {
  readonly fromDueDate?: IsoDate;
  readonly toDueDate?: IsoDate;
  readonly page: PageRequest;
}

/**
 * Filters of `GET /accounts/{id}/transactions` and `/transactions-current`. Dates are the
 * Brasília calendar days of `transactionDateTime`, both inclusive; the data API applies the
 * spec's defaults and limits (12 months back; 7 days, D-6, for `transactions-current`).
 */
export interface CreditCardTransactionQuery extends CreditCardTransactionFilter {
  readonly fromTransactionDate: IsoDate;
  readonly toTransactionDate: IsoDate;
  readonly paging: TransactionPaging;
}

/** Filters of `GET /accounts/{id}/bills/{billId}/transactions`: the bill bounds the set, dates narrow it. */
export interface CreditCardBillTransactionQuery extends CreditCardTransactionFilter {
  readonly fromTransactionDate?: IsoDate;
  readonly toTransactionDate?: IsoDate;
  readonly page: PageRequest;
}

/**
 * A page of card transactions, newest first (`transactionDateTime`, then `transactionId`,
 * descending); `nextCursor` is `null` on the last page. No totals (`MetaOnlyRequestDateTime`).
 */
export interface CreditCardTransactionPage {
  readonly items: readonly CreditCardTransaction[];
  readonly nextCursor: string | null;
}

/**
 * Credit card accounts (credit-cards-accounts 2.3.1). Every method that takes a
 * `creditCardAccountId` (or a `billId`) throws `CONNECTOR_RESOURCE_NOT_FOUND` when it does not
 * exist, belongs to another customer or to another brand; invalid paging or dates throw
 * `CONNECTOR_INVALID_QUERY`.
 *
 * @example
 *   const cards = await connector.creditCards!.listAccounts(brandId, ref, { page: { page: 1, pageSize: 25 } });
 *   const bills = await connector.creditCards!.listBills(brandId, ref, cards.items[0]!.creditCardAccountId, {
 *     fromDueDate: '2025-01-01', page: { page: 1, pageSize: 25 },
 *   });
 */
export interface CreditCardsConnector {
  /** Card accounts of the customer, ordered by `creditCardAccountId`. */
  listAccounts(
    brandId: BrandId,
    customer: CustomerRef,
    query: { readonly page: PageRequest },
  ): Promise<Page<CreditCardAccount>>;
  getAccount(
    brandId: BrandId,
    customer: CustomerRef,
    creditCardAccountId: string,
  ): Promise<CreditCardAccountIdentification>;
  /** Limits of the account; an empty list means the institution does not share them. */
  getLimits(
    brandId: BrandId,
    customer: CustomerRef,
    creditCardAccountId: string,
  ): Promise<readonly CreditCardLimit[]>;
  /** Closed bills, newest due date first. */
  listBills(
    brandId: BrandId,
    customer: CustomerRef,
    creditCardAccountId: string,
    query: CreditCardBillQuery,
  ): Promise<Page<CreditCardBill>>;
  /** Transactions of one closed bill (each carries that `billId`), newest first. */
  listBillTransactions(
    brandId: BrandId,
    customer: CustomerRef,
    creditCardAccountId: string,
    billId: string,
    query: CreditCardBillTransactionQuery,
  ): Promise<Page<CreditCardTransaction>>;
  /** Transactions of the account in a date window, closed and open bills alike. */
  listTransactions(
    brandId: BrandId,
    customer: CustomerRef,
    creditCardAccountId: string,
    query: CreditCardTransactionQuery,
  ): Promise<CreditCardTransactionPage>;
}
