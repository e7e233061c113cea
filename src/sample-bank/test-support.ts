import type { ConnectorContractFixtures } from '../connectors/testing.ts';
import type { CoreBankConnector } from '../connectors/index.ts';
import { generateCustomer } from './generator/customers.ts';
import type { SampleCustomer } from './generator/model.ts';

/**
 * Contract-test fixtures for a seeded brand, found by regenerating its customers (the seed is
 * deterministic) and asking the connector which of them fit: a natural person whose first
 * account has transactions in the window, another customer with an account, a legal person.
 */
export async function sampleBankFixtures(
  connector: CoreBankConnector,
  g: { seed: number; brandId: string; asOf: string; customers: number },
  options: { foreignBrandId: string; window: { fromBookingDate: string; toBookingDate: string } },
): Promise<ConnectorContractFixtures> {
  const customers: SampleCustomer[] = Array.from({ length: g.customers }, (_, i) => generateCustomer(g, i));
  const firstAccountTransactions = async (c: SampleCustomer) => {
    const ref = await connector.customers.findCustomer(g.brandId, {
      type: c.personType === 'PESSOA_NATURAL' ? 'CPF' : 'CNPJ',
      number: c.document,
    });
    if (!ref) return -1;
    const [account] = (
      await connector.accounts.listAccounts(g.brandId, ref, { page: { page: 1, pageSize: 1 } })
    ).items;
    if (!account) return -1;
    const page = await connector.accounts.listTransactions(g.brandId, ref, account.accountId, {
      ...options.window,
      paging: { page: 1, pageSize: 1000 },
    });
    return page.items.length;
  };
  let natural: SampleCustomer | undefined;
  let other: SampleCustomer | undefined;
  for (const c of customers) {
    if (
      natural === undefined &&
      c.personType === 'PESSOA_NATURAL' &&
      (await firstAccountTransactions(c)) >= 6
    )
      natural = c;
    else if (other === undefined && (await firstAccountTransactions(c)) >= 0) other = c;
    if (natural && other) break;
  }
  const legal = customers.find((c) => c.personType === 'PESSOA_JURIDICA');
  if (!natural || !other) throw new Error('the seeded brand has no customer that fits the contract fixtures');
  return {
    brandId: g.brandId,
    naturalPerson: { cpf: natural.document },
    ...(legal ? { legalPerson: { cnpj: legal.document } } : {}),
    otherCustomer: { type: other.personType === 'PESSOA_NATURAL' ? 'CPF' : 'CNPJ', number: other.document },
    transactionWindow: options.window,
    foreignBrandId: options.foreignBrandId,
  };
}
