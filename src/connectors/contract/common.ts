/**
 * Vocabulary shared by every part of the connector contract. Field names and enum codes follow
 * the Open Finance Brasil Phase-2 specs verbatim (customers 2.2.1, accounts 2.4.2, resources
 * 3.1.0), so the data APIs shape responses without renaming anything; wire envelopes
 * (`data`/`links`/`meta`) and HTTP stay out of the contract.
 */

/** A brand's id as Ponte stores it (`brands.id`). Every call names the brand it acts for. */
export type BrandId = string;

/** `YYYY-MM-DD` (spec §3.5 "Dates"). */
export type IsoDate = string;

/** RFC 3339 UTC without fraction, `2021-05-21T08:30:00Z` (spec `updateDateTime`). */
export type IsoDateTime = string;

/** RFC 3339 UTC with milliseconds, `2021-05-21T08:30:00.000Z` (accounts `transactionDateTime`). */
export type IsoDateTimeMillis = string;

/**
 * Money as the data APIs carry it: a decimal string with 2 to 4 fraction digits
 * (`^-?\d{1,15}\.\d{2,4}$`; only some fields admit the sign) and an ISO 4217 code.
 *
 * @example { amount: '1000.0400', currency: 'BRL' }
 */
export interface Amount {
  readonly amount: string;
  readonly currency: string;
}

export const PERSON_TYPES = ['PESSOA_NATURAL', 'PESSOA_JURIDICA'] as const;
/** Natural person (CPF) or legal person (CNPJ), with the spec's codes. */
export type PersonType = (typeof PERSON_TYPES)[number];

/** How a customer proves who they are at login: the document Ponte receives as `loggedUser` / `businessEntity`. */
export type CustomerDocument =
  { readonly type: 'CPF'; readonly number: string } | { readonly type: 'CNPJ'; readonly number: string };

/**
 * The institution's handle for one customer of one brand, obtained from
 * `CustomersConnector.findCustomer`. `customerId` is opaque to Ponte: the connector may use its
 * core system's own key. A `PESSOA_JURIDICA` reference stands for the company; the person acting
 * for it is checked by the authorization flow, not here.
 */
export interface CustomerRef {
  readonly customerId: string;
  readonly personType: PersonType;
}

/** Offset paging as the specs define it: `page` from 1, `pageSize` 1..1000 (spec §3.2). */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** One page of a list plus the totals the spec's `meta` needs. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly totalRecords: number;
  readonly totalPages: number;
}

/** The largest `page-size` any Phase-2 list accepts (spec §3.2). */
export const MAX_PAGE_SIZE = 1000;

export const RESOURCE_TYPES = [
  'ACCOUNT',
  'CREDIT_CARD_ACCOUNT',
  'LOAN',
  'FINANCING',
  'UNARRANGED_ACCOUNT_OVERDRAFT',
  'INVOICE_FINANCING',
  'BANK_FIXED_INCOME',
  'CREDIT_FIXED_INCOME',
  'VARIABLE_INCOME',
  'TREASURE_TITLE',
  'FUND',
  'EXCHANGE',
] as const;
/** Resource families (resources 3.1.0 `type`). */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * What the core system knows about a resource's availability (resources 3.1.0 `status`, without
 * `PENDING_AUTHORISATION`, which belongs to multi-approval consents, not to the core).
 */
export type CoreResourceStatus = 'AVAILABLE' | 'UNAVAILABLE' | 'TEMPORARILY_UNAVAILABLE';

/**
 * One thing a customer holds that a consent can link: an account, a card account, a contract…
 * `resourceId` is the id the family's own API uses (`accountId`, `creditCardAccountId`,
 * `contractId`).
 */
export interface CoreResource {
  readonly resourceId: string;
  readonly type: ResourceType;
  readonly status: CoreResourceStatus;
}
