import type { ConnectorContractFixtures, PixRailContractFixtures } from '../connectors/testing.ts';
import type { CoreBankConnector, CustomerDocument, PixAccount } from '../connectors/index.ts';
import type { SamplePixRail } from './pix/index.ts';
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

/** An account at an institution outside the sample bank: the simulated SPI settles to it. */
export const OUTSIDE_CREDITOR: PixAccount = {
  ispb: '99999999',
  issuer: '0001',
  number: '123456',
  accountType: 'CACC',
};

/**
 * Pix rail contract fixtures on a seeded brand, from its connector fixtures: the natural person's
 * first payable account pays, the other customer's account is the one never to be used, the
 * refusing creditor is an outside account ending in `99901` (`outcomeByCreditorAccount`), and a
 * DICT key is registered for the outside creditor. `insufficientAmount` must stay under the
 * rail's `perTransferLimit`, or the limit refuses it first.
 */
export async function samplePixFixtures(
  connector: CoreBankConnector,
  rail: SamplePixRail,
  base: ConnectorContractFixtures,
  options: { insufficientAmount: string; settleTimeoutMs?: number },
): Promise<PixRailContractFixtures> {
  const payable = async (document: CustomerDocument) => {
    const customer = await connector.customers.findCustomer(base.brandId, document);
    if (!customer) throw new Error(`no customer ${document.number} at ${base.brandId}`);
    const account = (await rail.listDebtorAccounts(base.brandId, customer)).find((a) => a.allowsPayments);
    if (!account) throw new Error(`customer ${document.number} has no account that pays`);
    return { customer, accountId: account.accountId };
  };
  const pixKey = 'contract-check@example.com';
  await rail.registerKey({
    key: pixKey,
    account: OUTSIDE_CREDITOR,
    ownerName: 'Loja',
    ownerDocument: '11222333000181',
  });
  return {
    brandId: base.brandId,
    payer: await payable({ type: 'CPF', number: base.naturalPerson.cpf }),
    otherCustomer: await payable(base.otherCustomer),
    creditor: OUTSIDE_CREDITOR,
    refusingCreditor: { ...OUTSIDE_CREDITOR, number: '1299901' },
    insufficientAmount: options.insufficientAmount,
    pixKey,
    foreignBrandId: base.foreignBrandId,
    ...(options.settleTimeoutMs !== undefined && { settleTimeoutMs: options.settleTimeoutMs }),
  };
}
