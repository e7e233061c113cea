/**
 * The Phase-2 data APIs Ponte transmits, each at the version of `shared/specs/openapi/SOURCES.md`
 * (DIGEST §1): base path, OAuth scope and the implemented version sent in `x-v`.
 */
export const HOLDER_APIS = {
  resources: { title: 'API Resources', version: '3.1.0', basePath: '/open-banking/resources/v3' },
  customers: { title: 'API Customers', version: '2.2.1', basePath: '/open-banking/customers/v2' },
  accounts: { title: 'API Accounts', version: '2.4.2', basePath: '/open-banking/accounts/v2' },
  'credit-cards-accounts': {
    title: 'API Credit-cards-accounts',
    version: '2.3.1',
    basePath: '/open-banking/credit-cards-accounts/v2',
  },
  loans: { title: 'API Loans', version: '2.5.0', basePath: '/open-banking/loans/v2' },
  financings: { title: 'API Financings', version: '2.4.0', basePath: '/open-banking/financings/v2' },
  'unarranged-accounts-overdraft': {
    title: 'API Unarranged-accounts-overdraft',
    version: '2.5.0',
    basePath: '/open-banking/unarranged-accounts-overdraft/v2',
  },
  'invoice-financings': {
    title: 'API Invoice-financings',
    version: '2.4.0',
    basePath: '/open-banking/invoice-financings/v2',
  },
} as const;

/** The API's name is also its OAuth scope (DIGEST §1: `accounts`, `loans` …). */
export type HolderApiName = keyof typeof HOLDER_APIS;
export const HOLDER_API_NAMES = Object.keys(HOLDER_APIS) as HolderApiName[];

export interface HolderApi {
  readonly name: HolderApiName;
  readonly title: string;
  readonly version: string;
  readonly basePath: string;
}

export function holderApi(name: HolderApiName): HolderApi {
  return { name, ...HOLDER_APIS[name] };
}
