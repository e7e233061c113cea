import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UnsecuredJWT } from 'jose';
import { fingerprintOf, registrationBasis } from './fingerprint.ts';

/** An SSA as the directory shapes it (unsigned: the fingerprint never verifies it). */
function ssa(claims: Record<string, unknown> = {}): string {
  return new UnsecuredJWT({
    software_id: 'ss-1',
    software_jwks_uri: 'https://keystore.example/org/ss-1/application.jwks',
    software_redirect_uris: ['https://app.example/cb'],
    software_api_webhook_uris: ['https://app.example/hooks'],
    software_roles: ['DADOS', 'PAGTO'],
    software_statement_roles: [
      { role: 'DADOS', authorisation_domain: 'Open Banking', status: 'Active' },
      { role: 'PAGTO', authorisation_domain: 'Open Banking', status: 'Active' },
    ],
    software_client_name: 'Alfa',
    iat: 1_700_000_000,
    ...claims,
  }).encode();
}

const sig = { kty: 'RSA', kid: 'sig-1', use: 'sig', n: 'abc', e: 'AQAB' };
const enc = { kty: 'RSA', kid: 'enc-1', use: 'enc', n: 'def', e: 'AQAB' };
const jwks = { keys: [sig, enc] };
const fingerprint = (token: string, keys = jwks, configured?: string[]) =>
  fingerprintOf(registrationBasis(token, keys, configured));

describe('registration fingerprint', () => {
  it('stays the same for a fresh SSA that only differs in iat, names or key order', () => {
    const base = fingerprint(ssa());
    assert.match(base, /^v1:[0-9a-f]{64}$/);
    assert.equal(fingerprint(ssa({ iat: 1_700_000_999, software_client_name: 'Alfa Finanças' })), base);
    assert.equal(
      fingerprint(ssa(), { keys: [enc, { e: 'AQAB', n: 'abc', use: 'sig', kid: 'sig-1', kty: 'RSA' }] }),
      base,
    );
    assert.equal(
      fingerprint(ssa({ software_redirect_uris: ['https://app.example/cb', 'https://app.example/cb'] })),
      base,
      'duplicates do not count',
    );
  });

  it('changes when a key is added to, rotated in or removed from the software JWKS', () => {
    const base = fingerprint(ssa());
    const added = fingerprint(ssa(), { keys: [sig, enc, { ...sig, kid: 'sig-2', n: 'xyz' }] });
    const rotated = fingerprint(ssa(), { keys: [{ ...sig, n: 'new' }, enc] });
    const removed = fingerprint(ssa(), { keys: [enc] });
    assert.equal(new Set([base, added, rotated, removed]).size, 4);
  });

  it('changes with the redirect URIs, webhook URIs, jwks_uri or roles the SSA carries', () => {
    const base = fingerprint(ssa());
    const variants = [
      ssa({ software_redirect_uris: ['https://app.example/cb', 'https://app.example/cb2'] }),
      ssa({ software_api_webhook_uris: [] }),
      ssa({ software_jwks_uri: 'https://keystore.example/org/ss-1/other.jwks' }),
      ssa({ software_roles: ['DADOS'] }),
      ssa({
        software_statement_roles: [
          { role: 'DADOS', authorisation_domain: 'Open Banking', status: 'Active' },
          { role: 'PAGTO', authorisation_domain: 'Open Banking', status: 'Inactive' },
        ],
      }),
    ].map((token) => fingerprint(token));
    assert.equal(new Set([base, ...variants]).size, variants.length + 1);
  });

  it('follows the configured redirect URIs instead of the SSA ones when the installation sets them', () => {
    const configured = ['https://app.example/cb'];
    const withConfig = fingerprint(ssa(), jwks, configured);
    assert.equal(
      fingerprint(
        ssa({ software_redirect_uris: ['https://app.example/cb', 'https://x.example/cb'] }),
        jwks,
        configured,
      ),
      withConfig,
      'the SSA redirect URIs are not sent, so they do not count',
    );
    assert.notEqual(fingerprint(ssa(), jwks, ['https://app.example/other']), withConfig);
  });
});
