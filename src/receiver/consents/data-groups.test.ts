import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../../platform/errors/index.ts';
import { consentScope } from './data-groups.ts';

const refusedWith = (code: string) => (error: unknown) => isAppError(error) && error.code === code;

describe('consentScope', () => {
  it('maps accounts to every permission of the Contas groups plus RESOURCES_READ, and its scopes', () => {
    const scope = consentScope(['accounts'], { businessEntity: false });
    // The table's order: Saldos, Limites, Extratos; RESOURCES_READ once, last.
    assert.deepEqual(scope.permissions, [
      'ACCOUNTS_READ',
      'ACCOUNTS_BALANCES_READ',
      'ACCOUNTS_OVERDRAFT_LIMITS_READ',
      'ACCOUNTS_TRANSACTIONS_READ',
      'RESOURCES_READ',
    ]);
    assert.deepEqual(scope.scopes, ['accounts', 'resources']);
  });

  it('asks for the whole credit-operations group, as a grouped product must be', () => {
    const scope = consentScope(['creditOperations'], { businessEntity: false });
    assert.equal(scope.permissions.length, 17);
    assert.ok(scope.permissions.includes('INVOICE_FINANCINGS_PAYMENTS_READ'));
    assert.deepEqual(scope.scopes, [
      'loans',
      'financings',
      'unarranged-accounts-overdraft',
      'invoice-financings',
      'resources',
    ]);
  });

  it('joins groups without repeating a permission', () => {
    const scope = consentScope(['accounts', 'creditCards', 'customerData', 'accounts'], {
      businessEntity: false,
    });
    assert.equal(new Set(scope.permissions).size, scope.permissions.length);
    assert.deepEqual(scope.dataGroups, ['accounts', 'creditCards', 'customerData']);
    assert.equal(scope.permissions.at(-1), 'RESOURCES_READ');
  });

  it('refuses personal and business registration data together', () => {
    assert.throws(
      () => consentScope(['customerData', 'businessCustomerData'], { businessEntity: true }),
      refusedWith('RECEIVER_IMPOSSIBLE_PERMISSIONS'),
    );
  });

  it('refuses business data without the company, and personal registration data on a company consent', () => {
    assert.throws(
      () => consentScope(['businessCustomerData'], { businessEntity: false }),
      refusedWith('RECEIVER_IMPOSSIBLE_PERMISSIONS'),
    );
    assert.throws(
      () => consentScope(['customerData'], { businessEntity: true }),
      refusedWith('RECEIVER_IMPOSSIBLE_PERMISSIONS'),
    );
  });

  it('refuses an empty request and unknown group names', () => {
    assert.throws(
      () => consentScope([], { businessEntity: false }),
      refusedWith('RECEIVER_IMPOSSIBLE_PERMISSIONS'),
    );
    assert.throws(
      () => consentScope(['savings'], { businessEntity: false }),
      refusedWith('RECEIVER_IMPOSSIBLE_PERMISSIONS'),
    );
  });
});
