import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { consentsUrl, opened, startPaymentsHarness, type PaymentsHarness } from '../testing/harness.ts';
import { clientHeaders, consentData, postConsent, signedPost } from '../testing/flows.ts';

const tdb = await createTestDatabase();
const h: PaymentsHarness = await startPaymentsHarness(tdb, { workers: false });

describe('signed requests (FAPI-BR JWS, payments.yaml "Validações" 1.2.3–1.2.4)', () => {
  const errorOf = (res: { json: <T>() => T }) =>
    res.json<{ errors: Array<{ code: string }> }>().errors[0]?.code;

  it('accepts a body signed PS256 by the initiator key of the directory and answers signed by the brand', async () => {
    const res = await postConsent(h, consentData(h));
    assert.equal(res.statusCode, 201, res.body);
    const claims = await opened(h, res);
    assert.equal(claims.aud, h.initiators.A.orgId);
    assert.equal(claims.iss, h.brand.orgId);
    assert.match(String(claims.jti), /^[0-9a-f-]{36}$/);
    assert.ok(Math.abs(Number(claims.iat) - Date.now() / 1000) < 5);
    assert.equal(claims.data.status, 'AWAITING_AUTHORISATION');
  });

  it('answers 400 BAD_SIGNATURE, in JSON, when the signature does not verify', async () => {
    const jwt = await h.initiators.A.sign(consentData(h));
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const tampered = Buffer.from(payload, 'base64url').toString().replace('10.00', '99.00');
    const res = await signedPost(
      h,
      consentsUrl(),
      `${header}.${Buffer.from(tampered).toString('base64url')}.${signature}`,
      clientHeaders(h),
    );
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(errorOf(res), 'BAD_SIGNATURE');
  });

  it('answers 400 BAD_SIGNATURE when the signing key is not in the initiator directory JWKS', async () => {
    const stray = h.initiators.A.strayKey;
    const unknownKid = await h.initiators.A.sign(
      consentData(h),
      {},
      { key: stray.privateKey, kid: String(stray.jwk.kid) },
    );
    assert.equal(errorOf(await signedPost(h, consentsUrl(), unknownKid, clientHeaders(h))), 'BAD_SIGNATURE');
    // The directory's kid with another key: the signature cannot verify.
    const wrongKey = await h.initiators.A.sign(consentData(h), {}, { key: stray.privateKey });
    assert.equal(errorOf(await signedPost(h, consentsUrl(), wrongKey, clientHeaders(h))), 'BAD_SIGNATURE');
    // Another initiator's valid key is not initiator A's.
    const othersKey = await h.initiators.B.sign(consentData(h), { iss: h.initiators.A.orgId });
    assert.equal(errorOf(await signedPost(h, consentsUrl(), othersKey, clientHeaders(h))), 'BAD_SIGNATURE');
  });

  it('answers 400 BAD_SIGNATURE for an unsigned or non-PS256 message', async () => {
    const body = Buffer.from(JSON.stringify({ data: consentData(h) })).toString('base64url');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${body}.`;
    assert.equal(errorOf(await signedPost(h, consentsUrl(), none, clientHeaders(h))), 'BAD_SIGNATURE');
    assert.equal(errorOf(await signedPost(h, consentsUrl(), 'not-a-jws', clientHeaders(h))), 'BAD_SIGNATURE');
  });

  it('answers 403 INVALID_CLIENT when iat is more than 60 seconds away', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const iat of [now - 75, now + 75]) {
      const jwt = await h.initiators.A.sign(consentData(h), { iat });
      const res = await signedPost(h, consentsUrl(), jwt, clientHeaders(h));
      assert.equal(res.statusCode, 403);
      assert.equal(errorOf(res), 'INVALID_CLIENT');
    }
    const ok = await h.initiators.A.sign(consentData(h), { iat: now - 50 });
    assert.equal((await signedPost(h, consentsUrl(), ok, clientHeaders(h))).statusCode, 201);
  });

  it('answers 403 INVALID_CLIENT for another audience, another issuer, or a jti that is not a UUID v4', async () => {
    for (const claims of [
      { aud: randomUUID() },
      { iss: h.initiators.B.orgId },
      { jti: 'abc' },
      { jti: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' },
    ]) {
      const res = await signedPost(
        h,
        consentsUrl(),
        await h.initiators.A.sign(consentData(h), claims),
        clientHeaders(h),
      );
      assert.equal(res.statusCode, 403, JSON.stringify(claims));
      assert.equal(errorOf(res), 'INVALID_CLIENT');
    }
  });

  it('accepts the endpoint URL as audience (FAPI-BR: aud matches the endpoint called)', async () => {
    const jwt = await h.initiators.A.sign(consentData(h), { aud: `${h.brand.apiBaseUrl}${consentsUrl()}` });
    assert.equal((await signedPost(h, consentsUrl(), jwt, clientHeaders(h))).statusCode, 201);
  });

  it('answers 403 INVALID_CLIENT to a replayed jti, even with another idempotency key', async () => {
    const jwt = await h.initiators.A.sign(consentData(h));
    assert.equal((await signedPost(h, consentsUrl(), jwt, clientHeaders(h))).statusCode, 201);
    const replay = await signedPost(h, consentsUrl(), jwt, clientHeaders(h));
    assert.equal(replay.statusCode, 403);
    assert.equal(errorOf(replay), 'INVALID_CLIENT');
    assert.match(
      replay.json<{ errors: Array<{ detail: string }> }>().errors[0]!.detail,
      /jti já foi utilizada/,
    );
  });

  it('keeps jtis per client: the same jti from another initiator is not a replay', async () => {
    const jti = randomUUID();
    const a = await signedPost(
      h,
      consentsUrl(),
      await h.initiators.A.sign(consentData(h), { jti }),
      clientHeaders(h, 'A'),
    );
    const b = await signedPost(
      h,
      consentsUrl(),
      await h.initiators.B.sign(consentData(h), { jti }),
      clientHeaders(h, 'B'),
    );
    assert.deepEqual([a.statusCode, b.statusCode], [201, 201]);
  });

  it('refuses a JSON body with 415 and a request without x-idempotency-key with 400', async () => {
    const json = await h.app.inject({ method: 'POST', url: consentsUrl(), headers: { ...clientHeaders(h), 'content-type': 'application/json', 'x-idempotency-key': randomUUID() }, payload: JSON.stringify({ data: consentData(h) }) }); // prettier-ignore
    assert.equal(json.statusCode, 415);
    const noKey = await signedPost(
      h,
      consentsUrl(),
      await h.initiators.A.sign(consentData(h)),
      clientHeaders(h),
      null,
    );
    assert.equal(noKey.statusCode, 400);
    assert.equal(errorOf(noKey), 'PARAMETRO_NAO_INFORMADO');
  });
});
