/**
 * The holder endpoints the receiver proxies, as a table (DIGEST §1): the receiver's path under
 * `/receiver/v1/consents/:id`, the holder's API family, major version and path, and the
 * permissions of which at least one must be in the consent.
 */
export interface DataEndpoint {
  /** Receiver path below the consent, Fastify syntax. */
  route: string;
  family: string;
  major: number;
  /** Holder path below the API base, with the same `:params` as `route`. */
  path: string;
  requires: readonly string[];
}

const endpoint = (
  route: string,
  family: string,
  major: number,
  path: string,
  ...requires: string[]
): DataEndpoint => ({
  route,
  family,
  major,
  path,
  requires,
});

export const DATA_ENDPOINTS: readonly DataEndpoint[] = [
  // resources.yaml 3.1.0
  endpoint('/resources', 'resources', 3, '/resources', 'RESOURCES_READ'),
  // accounts.yaml 2.4.2
  endpoint('/accounts', 'accounts', 2, '/accounts', 'ACCOUNTS_READ'),
  endpoint('/accounts/:accountId', 'accounts', 2, '/accounts/:accountId', 'ACCOUNTS_READ'),
  endpoint(
    '/accounts/:accountId/balances',
    'accounts',
    2,
    '/accounts/:accountId/balances',
    'ACCOUNTS_BALANCES_READ',
  ),
  endpoint(
    '/accounts/:accountId/transactions',
    'accounts',
    2,
    '/accounts/:accountId/transactions',
    'ACCOUNTS_TRANSACTIONS_READ',
  ),
  endpoint(
    '/accounts/:accountId/transactions-current',
    'accounts',
    2,
    '/accounts/:accountId/transactions-current',
    'ACCOUNTS_TRANSACTIONS_READ',
  ),
  endpoint(
    '/accounts/:accountId/overdraft-limits',
    'accounts',
    2,
    '/accounts/:accountId/overdraft-limits',
    'ACCOUNTS_OVERDRAFT_LIMITS_READ',
  ),
  // credit-cards-accounts.yaml 2.3.1
  endpoint('/credit-cards', 'credit-cards-accounts', 2, '/accounts', 'CREDIT_CARDS_ACCOUNTS_READ'),
  endpoint(
    '/credit-cards/:accountId',
    'credit-cards-accounts',
    2,
    '/accounts/:accountId',
    'CREDIT_CARDS_ACCOUNTS_READ',
  ),
  endpoint(
    '/credit-cards/:accountId/limits',
    'credit-cards-accounts',
    2,
    '/accounts/:accountId/limits',
    'CREDIT_CARDS_ACCOUNTS_LIMITS_READ',
  ),
  endpoint(
    '/credit-cards/:accountId/transactions',
    'credit-cards-accounts',
    2,
    '/accounts/:accountId/transactions',
    'CREDIT_CARDS_ACCOUNTS_TRANSACTIONS_READ',
  ),
  endpoint(
    '/credit-cards/:accountId/bills',
    'credit-cards-accounts',
    2,
    '/accounts/:accountId/bills',
    'CREDIT_CARDS_ACCOUNTS_BILLS_READ',
  ),
  endpoint(
    '/credit-cards/:accountId/bills/:billId/transactions',
    'credit-cards-accounts',
    2,
    '/accounts/:accountId/bills/:billId/transactions',
    'CREDIT_CARDS_ACCOUNTS_BILLS_TRANSACTIONS_READ',
  ),
  // loans.yaml 2.5.0
  endpoint('/loans', 'loans', 2, '/contracts', 'LOANS_READ'),
  endpoint('/loans/:contractId', 'loans', 2, '/contracts/:contractId', 'LOANS_READ'),
  endpoint(
    '/loans/:contractId/warranties',
    'loans',
    2,
    '/contracts/:contractId/warranties',
    'LOANS_WARRANTIES_READ',
  ),
  endpoint(
    '/loans/:contractId/scheduled-instalments',
    'loans',
    2,
    '/contracts/:contractId/scheduled-instalments',
    'LOANS_SCHEDULED_INSTALMENTS_READ',
  ),
  endpoint(
    '/loans/:contractId/payments',
    'loans',
    2,
    '/contracts/:contractId/payments',
    'LOANS_PAYMENTS_READ',
  ),
  // customers.yaml 2.2.1
  endpoint(
    '/customers/identifications',
    'customers',
    2,
    '/personal/identifications',
    'CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ',
  ),
  endpoint(
    '/customers/qualifications',
    'customers',
    2,
    '/personal/qualifications',
    'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ',
  ),
  endpoint(
    '/customers/financial-relations',
    'customers',
    2,
    '/personal/financial-relations',
    'CUSTOMERS_PERSONAL_ADITTIONALINFO_READ',
  ),
  endpoint(
    '/customers/business/identifications',
    'customers',
    2,
    '/business/identifications',
    'CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ',
  ),
  endpoint(
    '/customers/business/qualifications',
    'customers',
    2,
    '/business/qualifications',
    'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ',
  ),
  endpoint(
    '/customers/business/financial-relations',
    'customers',
    2,
    '/business/financial-relations',
    'CUSTOMERS_BUSINESS_ADITTIONALINFO_READ',
  ),
];

/** The holder path with the receiver's path parameters filled in, each URL-encoded. */
export function holderPath(endpoint: DataEndpoint, params: Readonly<Record<string, string>>): string {
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
