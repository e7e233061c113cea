import assert from 'node:assert/strict';
import type { Account, AccountTransaction } from '../accounts.ts';
import type { CustomerRef } from '../common.ts';
import type { ContractContext } from './fixtures.ts';
import { SPEC, assertAmount } from './spec-formats.ts';

export async function customerOf(ctx: ContractContext, which: 'natural' | 'other'): Promise<CustomerRef> {
  const { connector, fixtures } = ctx;
  const doc =
    which === 'natural'
      ? ({ type: 'CPF', number: fixtures.naturalPerson.cpf } as const)
      : fixtures.otherCustomer;
  const ref = await connector.customers.findCustomer(fixtures.brandId, doc);
  assert.ok(ref, `the ${which} customer fixture exists`);
  return ref;
}

export async function firstAccount(
  ctx: ContractContext,
  which: 'natural' | 'other' = 'natural',
): Promise<Account> {
  const ref = await customerOf(ctx, which);
  const page = await ctx.connector.accounts.listAccounts(ctx.fixtures.brandId, ref, {
    page: { page: 1, pageSize: 1 },
  });
  const [account] = page.items;
  assert.ok(account, `the ${which} customer has an account`);
  return account;
}

export function assertTransactionShape(t: AccountTransaction): void {
  assert.match(t.transactionId, SPEC.id);
  assert.match(t.transactionDateTime, SPEC.dateTimeMillis);
  assertAmount(t.transactionAmount, 'transactionAmount');
  assert.ok(t.transactionName.length <= 200);
  if (t.partieCnpjCpf !== undefined) {
    assert.match(t.partieCnpjCpf, t.partiePersonType === 'PESSOA_JURIDICA' ? /^\d{14}$/ : /^\d{11}$/);
  }
  if (t.partieCompeCode !== undefined) assert.match(t.partieCompeCode, SPEC.compeCode);
  if (t.partieNumber !== undefined) assert.match(t.partieNumber, SPEC.accountNumber);
}
