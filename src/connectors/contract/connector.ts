import type { AccountsConnector } from './accounts.ts';
import type { CreditCardsConnector } from './credit-cards.ts';
import type { CreditOperationsConnector } from './credit-operations.ts';
import type { CustomersConnector } from './customers.ts';
import type { ResourcesConnector } from './resources.ts';

/**
 * The connector contract: how Ponte reads an institution's core systems. An institution
 * implements it against its own core (Ponte ships the sample core bank as the reference); the
 * data APIs, the consent page and the aggregator depend on nothing else.
 *
 * Rules every implementation follows (`runConnectorContractTests` checks them):
 * - every call is scoped to one brand and, below `findCustomer`, to one customer: a resource of
 *   another customer or brand is `CONNECTOR_RESOURCE_NOT_FOUND`, never data;
 * - values use the specs' names, enum codes and formats: money as `Amount` decimal strings,
 *   dates `YYYY-MM-DD`, date-times RFC 3339 UTC;
 * - personal data comes back in clear; the implementation protects it at rest;
 * - no HTTP, no wire envelopes: paging returns items and totals, the data APIs build links.
 *
 * Families beyond customers and accounts are optional: a connector that has no credit cards
 * leaves `creditCards` undefined and Ponte does not offer that family.
 *
 * @example
 *   const connector: CoreBankConnector = createMyCoreConnector({ baseUrl, credentials });
 *   const ref = await connector.customers.findCustomer(brandId, { type: 'CPF', number: cpf });
 *   if (ref) {
 *     const accounts = await connector.accounts.listAccounts(brandId, ref, { page: { page: 1, pageSize: 25 } });
 *   }
 */
export interface CoreBankConnector {
  readonly customers: CustomersConnector;
  readonly accounts: AccountsConnector;
  readonly resources: ResourcesConnector;
  /** credit-cards-accounts 2.3.1, when the institution issues cards. */
  readonly creditCards?: CreditCardsConnector;
  /** loans, financings, unarranged overdraft, invoice financings, when it lends. */
  readonly creditOperations?: CreditOperationsConnector;
}
