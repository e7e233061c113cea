import type { Permission } from '../../consents/index.ts';
import type { ResourceType } from '../../connectors/index.ts';
import type { HolderApiName } from './apis.ts';

/** Frequency classes of the reference table (DIGEST §8.6): they set TPM and monthly limits. */
export const FREQUENCY_CLASSES = ['HIGH', 'MEDIUM_HIGH', 'MEDIUM', 'LOW'] as const;
export type FrequencyClass = (typeof FREQUENCY_CLASSES)[number];

/** The path parameter naming the resource an endpoint reads, and its resources-API type. */
export interface ResourceBinding {
  readonly type: ResourceType;
  readonly param: 'accountId' | 'creditCardAccountId' | 'contractId';
}

/**
 * What the resource guard enforces for one endpoint: the consent permission (each API's
 * "Permissions necessárias" section, DIGEST §2.4), the resource it reads, and its traffic class.
 * `frequency` null: not subject to per-client TPM; `monthlyLimit` null: not subject to
 * operational limits (DIGEST §8.4–8.5: Resources is neither).
 */
export interface EndpointPolicy {
  readonly id: EndpointId;
  readonly api: HolderApiName;
  readonly permission: Permission;
  readonly resource?: ResourceBinding;
  readonly frequency: FrequencyClass | null;
  readonly monthlyLimit: number | null;
}

const ACCOUNT: ResourceBinding = { type: 'ACCOUNT', param: 'accountId' };
const CARD: ResourceBinding = { type: 'CREDIT_CARD_ACCOUNT', param: 'creditCardAccountId' };
const contract = (type: ResourceType): ResourceBinding => ({ type, param: 'contractId' });

type Row = [HolderApiName, Permission, ResourceBinding | undefined, FrequencyClass | null, number | null];

/** Monthly minimums per class (DIGEST §8.5): 240 high, 120 medium-high, 30 medium, 8 low. */
const CREDIT = {
  LOAN: ['loans', 'LOANS', contract('LOAN')],
  FINANCING: ['financings', 'FINANCINGS', contract('FINANCING')],
  UNARRANGED_ACCOUNT_OVERDRAFT: [
    'unarranged-accounts-overdraft',
    'UNARRANGED_ACCOUNTS_OVERDRAFT',
    contract('UNARRANGED_ACCOUNT_OVERDRAFT'),
  ],
  INVOICE_FINANCING: ['invoice-financings', 'INVOICE_FINANCINGS', contract('INVOICE_FINANCING')],
} as const;

function creditRows<K extends keyof typeof CREDIT>(kind: K) {
  const [api, prefix, binding] = CREDIT[kind];
  // Loans differ from the other three on two rows of the reference table.
  const loans = kind === 'LOAN';
  return {
    [`${api}.contracts`]: [api, `${prefix}_READ`, undefined, 'MEDIUM', 30],
    [`${api}.contract`]: [api, `${prefix}_READ`, binding, loans ? 'MEDIUM' : 'LOW', loans ? 30 : 8],
    [`${api}.warranties`]: [api, `${prefix}_WARRANTIES_READ`, binding, 'LOW', 8],
    [`${api}.scheduled-instalments`]: [api, `${prefix}_SCHEDULED_INSTALMENTS_READ`, binding, 'MEDIUM', 30],
    [`${api}.payments`]: [
      api,
      `${prefix}_PAYMENTS_READ`,
      binding,
      loans ? 'MEDIUM_HIGH' : 'MEDIUM',
      loans ? 120 : 30,
    ],
  } as Record<`${(typeof CREDIT)[K][0]}.${CreditEndpoint}`, Row>;
}
type CreditEndpoint = 'contracts' | 'contract' | 'warranties' | 'scheduled-instalments' | 'payments';

/** DIGEST §8.6 "Referência" (CF:17957025 v24), one row per endpoint. */
const TABLE = {
  'resources.list': ['resources', 'RESOURCES_READ', undefined, null, null],
  'customers.personal.identifications': ['customers', 'CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', undefined, 'LOW', 8],
  'customers.personal.qualifications': ['customers', 'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ', undefined, 'LOW', 8],
  'customers.personal.financial-relations': ['customers', 'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ', undefined, 'LOW', 8],
  'customers.business.identifications': ['customers', 'CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ', undefined, 'LOW', 8],
  'customers.business.qualifications': ['customers', 'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ', undefined, 'LOW', 8],
  'customers.business.financial-relations': ['customers', 'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ', undefined, 'LOW', 8],
  'accounts.list': ['accounts', 'ACCOUNTS_READ', undefined, 'LOW', 8],
  'accounts.account': ['accounts', 'ACCOUNTS_READ', ACCOUNT, 'LOW', 8],
  'accounts.balances': ['accounts', 'ACCOUNTS_BALANCES_READ', ACCOUNT, 'HIGH', 420],
  'accounts.transactions': ['accounts', 'ACCOUNTS_TRANSACTIONS_READ', ACCOUNT, 'LOW', 8],
  'accounts.transactions-current': ['accounts', 'ACCOUNTS_TRANSACTIONS_READ', ACCOUNT, 'HIGH', 240],
  'accounts.overdraft-limits': ['accounts', 'ACCOUNTS_OVERDRAFT_LIMITS_READ', ACCOUNT, 'HIGH', 420],
  'credit-cards-accounts.list': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_READ', undefined, 'LOW', 8],
  'credit-cards-accounts.account': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_READ', CARD, 'MEDIUM_HIGH', 120],
  'credit-cards-accounts.bills': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_BILLS_READ', CARD, 'MEDIUM', 30],
  'credit-cards-accounts.bill-transactions': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_BILLS_TRANSACTIONS_READ', CARD, 'MEDIUM', 30],
  'credit-cards-accounts.limits': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_LIMITS_READ', CARD, 'HIGH', 240],
  'credit-cards-accounts.transactions': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ', CARD, 'LOW', 8],
  'credit-cards-accounts.transactions-current': ['credit-cards-accounts', 'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ', CARD, 'HIGH', 240],
  ...creditRows('LOAN'),
  ...creditRows('FINANCING'),
  ...creditRows('UNARRANGED_ACCOUNT_OVERDRAFT'),
  ...creditRows('INVOICE_FINANCING'),
} satisfies Record<string, Row>; // prettier-ignore

export type EndpointId = keyof typeof TABLE;

export const ENDPOINTS: Readonly<Record<EndpointId, EndpointPolicy>> = Object.fromEntries(
  Object.entries(TABLE).map(([id, [api, permission, resource, frequency, monthlyLimit]]) => [
    id,
    Object.freeze({ id, api, permission, ...(resource ? { resource } : {}), frequency, monthlyLimit }),
  ]),
) as Record<EndpointId, EndpointPolicy>;

export function endpointPolicy(id: EndpointId): EndpointPolicy {
  return ENDPOINTS[id];
}

/**
 * accounts.yaml and credit-cards-accounts.yaml give the error answers of their non-transaction
 * endpoints the paginated `Meta` (totalRecords and totalPages required, even on a 401): those
 * error bodies carry zero totals.
 */
export function errorMetaHasTotals(endpoint: EndpointPolicy): boolean {
  return (
    (endpoint.api === 'accounts' || endpoint.api === 'credit-cards-accounts') &&
    !endpoint.id.endsWith('.transactions') &&
    !endpoint.id.endsWith('.transactions-current')
  );
}
