import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentIdOfScope, consentIdsInScope, consentScope, isConsentId } from './consent-scope.ts';
import { checkAccessTokenTtl, grantLifetimeSeconds } from './lifetimes.ts';
import { MANDATORY_DISCOVERY_SCOPES, scopesForRoles, SUPPORTED_SCOPES } from './scopes.ts';

describe('consent scope (FAPI-BR dynamic consent scope)', () => {
  it('reads the consent id of consent:<urn> and nothing else', () => {
    assert.equal(consentIdOfScope('consent:urn:bancoex:C1DD33123'), 'urn:bancoex:C1DD33123');
    assert.equal(consentIdOfScope('accounts'), undefined);
    assert.equal(consentIdOfScope('consent:not-a-urn'), undefined);
    assert.equal(consentIdOfScope('recurring-consent:urn:bancoex:1'), undefined);
  });

  it('refuses consent ids longer than 256 characters or with a bad namespace', () => {
    assert.equal(isConsentId(`urn:bancoex:${'a'.repeat(250)}`), false);
    assert.equal(isConsentId('urn:-bad:123'), false);
    assert.equal(isConsentId('urn:ponte:0d7e8c8e-6b0a-4c8c-9b43-7c1c0fbbf0a1'), true);
  });

  it('lists every consent id of a scope string once, in order', () => {
    assert.deepEqual(consentIdsInScope('openid consent:urn:a:1 accounts consent:urn:a:1 consent:urn:b:2'), [
      'urn:a:1',
      'urn:b:2',
    ]);
    assert.deepEqual(consentIdsInScope(undefined), []);
    assert.equal(consentScope('urn:a:1'), 'consent:urn:a:1');
  });
});

describe('regulatory roles → scopes (DCR §7.2)', () => {
  it('grants the DADOS scopes only for an active role', () => {
    const scopes = scopesForRoles([{ role: 'DADOS', status: 'Active' }], undefined);
    assert.ok(scopes.has('accounts') && scopes.has('consents') && scopes.has('openid'));
    assert.ok(!scopes.has('payments'));
    assert.equal(scopesForRoles([{ role: 'DADOS', status: 'Inactive' }], ['DADOS']).size, 0);
  });

  it('falls back to software_roles when the SSA has no software_statement_roles', () => {
    const scopes = scopesForRoles(undefined, ['PAGTO']);
    assert.deepEqual([...scopes].sort(), ['nrp-consents', 'openid', 'payments', 'recurring-payments']);
  });

  it('knows every scope discovery must list', () => {
    for (const scope of MANDATORY_DISCOVERY_SCOPES) assert.ok(SUPPORTED_SCOPES.includes(scope), scope);
  });
});

describe('token lifetimes', () => {
  it('accepts access token lifetimes of 300 to 900 seconds only (FAPI-BR §5.2.2 item 13)', () => {
    assert.equal(checkAccessTokenTtl(300), 300);
    assert.equal(checkAccessTokenTtl(900), 900);
    assert.throws(() => checkAccessTokenTtl(299), /between 300 and 900/);
    assert.throws(() => checkAccessTokenTtl(901), /between 300 and 900/);
    assert.throws(() => checkAccessTokenTtl(600.5), /between 300 and 900/);
  });

  it('ties the grant lifetime to the consent expiry, or the indefinite lifetime', () => {
    const now = new Date('2025-05-01T00:00:00Z');
    assert.equal(grantLifetimeSeconds(new Date('2025-05-02T00:00:00Z'), now, 999), 86_400);
    assert.equal(grantLifetimeSeconds(null, now, 999), 999);
    assert.equal(grantLifetimeSeconds(new Date('2025-04-01T00:00:00Z'), now, 999), 1);
  });
});
