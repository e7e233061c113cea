import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Transaction } from '../../platform/db/index.ts';
import { createConsentKindRegistry, type ConsentAuthorizationPort } from './registry.ts';

type View = { consentId: string; kind: string };

function fakeKind(kind: string, ids: readonly string[]) {
  const calls: string[] = [];
  const port: ConsentAuthorizationPort<View> = {
    findForAuthorization: (_b, consentId) => {
      calls.push(`find ${consentId}`);
      return Promise.resolve(ids.includes(consentId) ? { consentId, kind } : undefined);
    },
    authorise: (_tx, _b, consentId) => {
      calls.push(`authorise ${consentId}`);
      return Promise.resolve();
    },
    reject: (_tx, _b, consentId) => {
      calls.push(`reject ${consentId}`);
      return Promise.resolve();
    },
    isActive: (_b, consentId) => {
      calls.push(`isActive ${consentId}`);
      return Promise.resolve(kind === 'payments');
    },
  };
  return { port, calls, owns: (_b: string, consentId: string) => Promise.resolve(ids.includes(consentId)) };
}

describe('the consent-kind registry authz consults', () => {
  const payments = fakeKind('payments', ['urn:b:pay-1']);
  const data = fakeKind('data', ['urn:b:data-1']);
  const registry = createConsentKindRegistry<View>({
    kinds: [{ name: 'payments', owns: payments.owns, consents: payments.port }],
    fallback: data.port,
  });
  const tx = {} as Transaction;

  it('routes a consent to the module that owns it, and anything else to data-sharing consents', async () => {
    assert.deepEqual(await registry.findForAuthorization('b', 'urn:b:pay-1', 'c'), {
      consentId: 'urn:b:pay-1',
      kind: 'payments',
    });
    assert.deepEqual(await registry.findForAuthorization('b', 'urn:b:data-1', 'c'), {
      consentId: 'urn:b:data-1',
      kind: 'data',
    });
    assert.equal(await registry.kindOf('b', 'urn:b:unknown'), 'data');
    await registry.authorise(tx, 'b', 'urn:b:pay-1', {
      customer: { customerId: 'x', personType: 'PESSOA_NATURAL' },
      resources: [],
    });
    await registry.reject(tx, 'b', 'urn:b:data-1', {
      rejectedBy: 'USER',
      reason: 'CUSTOMER_MANUALLY_REJECTED',
    });
    assert.equal(await registry.isActive('b', 'urn:b:pay-1', 'c'), true);
    assert.equal(await registry.isActive('b', 'urn:b:data-1', 'c'), false);
    assert.deepEqual(payments.calls, ['find urn:b:pay-1', 'authorise urn:b:pay-1', 'isActive urn:b:pay-1']);
    assert.deepEqual(data.calls, ['find urn:b:data-1', 'reject urn:b:data-1', 'isActive urn:b:data-1']);
  });
});
