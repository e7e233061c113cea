import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOutboundFetch } from './outbound-fetch.ts';
import { assertPublicHttpsUrl, isSpecialUseAddress } from './public-address.ts';

describe('outbound fetch (SSRF rules, DESIGN §6)', () => {
  it('knows loopback, private and link-local addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.0.10',
      '169.254.1.1',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ]) {
      assert.equal(isSpecialUseAddress(address), true, address);
    }
    for (const address of ['8.8.8.8', '200.160.2.3', '2001:4860:4860::8888']) {
      assert.equal(isSpecialUseAddress(address), false, address);
    }
  });

  it('refuses plain http and hosts that resolve to special-use addresses', async () => {
    await assert.rejects(assertPublicHttpsUrl('http://keystore.example/a.jwks'), /only https/);
    await assert.rejects(assertPublicHttpsUrl('https://127.0.0.1:8443/a.jwks'), /not a public address/);
    await assert.rejects(
      assertPublicHttpsUrl('https://keystore.example/a.jwks', () => Promise.resolve(['8.8.8.8', '10.0.0.1'])),
      /not a public address/,
    );
    await assertPublicHttpsUrl('https://keystore.example/a.jwks', () => Promise.resolve(['200.160.2.3']));
  });

  it('does not reach loopback outside simulator mode', async () => {
    const production = createOutboundFetch({});
    await assert.rejects(production.guardedFetch('https://127.0.0.1:1/app.jwks', {}), /not a public address/);
  });
});
