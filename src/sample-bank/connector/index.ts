import type { CoreBankConnector } from '../../connectors/index.ts';
import { DATA_FAMILIES } from '../families.ts';
import type { DataFamily, SampleBankDeps } from '../seed/family.ts';
import { createAccountsReader } from './accounts.ts';
import { createCustomersReader } from './customers.ts';
import { createResourcesReader } from './resources.ts';

/**
 * The sample core bank as a `CoreBankConnector`: customers, accounts and resources read from
 * `sample_bank.*`, personal data decrypted with `cipher`, and whatever each data family's
 * `connect` adds (credit cards, credit operations).
 *
 * @example
 *   const connector = createSampleBankConnector({ db, cipher });
 *   const ref = await connector.customers.findCustomer('bank-a', { type: 'CPF', number: cpf });
 */
export function createSampleBankConnector(
  deps: SampleBankDeps,
  families: readonly DataFamily[] = DATA_FAMILIES,
): CoreBankConnector {
  const parts = families.flatMap((f) => (f.connect ? [f.connect(deps)] : []));
  const resources = createResourcesReader(deps, parts);
  const creditCards = parts.find((p) => p.creditCards)?.creditCards;
  const creditOperations = parts.find((p) => p.creditOperations)?.creditOperations;
  return {
    customers: createCustomersReader(deps, resources),
    accounts: createAccountsReader(deps),
    resources,
    ...(creditCards ? { creditCards } : {}),
    ...(creditOperations ? { creditOperations } : {}),
  };
}
