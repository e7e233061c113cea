/**
 * Conformance (DESIGN §5): every kind of answer of the payments API, decoded from its JWS,
 * validated against payments.yaml 4.0.0 when PONTE_SPECS_DIR points at the official files
 * (CI: ../shared/specs/openapi), else against the module's own schemas (and the run says so).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv, type AnySchema } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { ResponseError } from '../../platform/http/index.ts';
import { addDays, brasiliaDate } from '../domain/dates.ts';
import { consentsUrl, opened, payerOf, paymentsUrl, startPaymentsHarness } from '../testing/harness.ts';
import { authorise, clientHeaders, consentData, createdConsent, paymentItem, postConsent, postPayments, signedPost, waitForStatus } from '../testing/flows.ts'; // prettier-ignore
import { ResponsePaymentConsent } from './schemas/consents.ts';
import { ResponseCreatePixPayment, ResponsePixPayment } from './schemas/payments.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
const specsDir = process.env.PONTE_SPECS_DIR;
if (specsDir)
  ajv.addSchema(parse(readFileSync(path.join(specsDir, 'payments.yaml'), 'utf8')) as object, 'payments.yaml');
else
  process.stdout.write(
    '# PONTE_SPECS_DIR not set: answers checked against the module schemas, not payments.yaml\n',
  );

function assertValid(body: unknown, name: string, own: AnySchema): void {
  const validate = specsDir ? ajv.getSchema(`payments.yaml#/components/schemas/${name}`) : ajv.compile(own);
  assert.ok(validate, `payments.yaml has ${name}`);
  assert.ok(validate(body), `${name}: ${ajv.errorsText(validate.errors)}`);
}
/** The claims of a signed answer, without the JWT claims the spec's body schemas do not list. */
function bodyOf(claims: Record<string, unknown>) {
  const { aud: _a, iss: _i, iat: _t, jti: _j, ...body } = claims;
  return body;
}

const tdb = await createTestDatabase();
const h = await startPaymentsHarness(tdb, { payments: { releaseAt: () => new Date(8.64e15) } });
const payer = await payerOf(tdb, 'bank-a');

describe('answers of the payments API against payments.yaml 4.0.0', () => {
  it('consents: 201, 200 (authorised, then rejected), 422 and 400', async () => {
    const created = await postConsent(h, consentData(h));
    assertValid(bodyOf(await opened(h, created)), 'ResponseCreatePaymentConsent', ResponsePaymentConsent);
    const consentId = String((await opened(h, created)).data.consentId);
    await authorise(h, consentId, payer);
    const read = await h.app.inject({
      method: 'GET',
      url: consentsUrl(`/${consentId}`),
      headers: clientHeaders(h),
    });
    assertValid(bodyOf(await opened(h, read)), 'ResponsePaymentConsent', ResponsePaymentConsent);
    h.clock.advance(61 * 60_000);
    const rejected = await h.app.inject({
      method: 'GET',
      url: consentsUrl(`/${consentId}`),
      headers: clientHeaders(h),
    });
    const rejectedBody = bodyOf(await opened(h, rejected));
    assert.equal((rejectedBody.data as { status: string }).status, 'REJECTED');
    assertValid(rejectedBody, 'ResponsePaymentConsent', ResponsePaymentConsent);
    h.clock.advance(-61 * 60_000);
    const refused = await postConsent(h, consentData(h, { type: 'TED' }));
    assertValid(bodyOf(await opened(h, refused)), '422ResponseErrorCreateConsent', ResponseError);
    const unsigned = await signedPost(h, consentsUrl(), 'x.y.z', clientHeaders(h));
    assertValid(unsigned.json(), 'ResponseError', ResponseError);
  });

  it('payments: 201, 200, 422, and the cancellation 200 and 422', async () => {
    const date = addDays(brasiliaDate(h.clock.now()), 2);
    const consentId = await createdConsent(
      h,
      consentData(h, { date: undefined, schedule: { single: { date } } }),
    );
    await authorise(h, consentId, payer);
    const created = await postPayments(h, consentId, [paymentItem(h, {}, date)]);
    const createdBody = bodyOf(await opened(h, created));
    assertValid(createdBody, 'ResponseCreatePixPayment', ResponseCreatePixPayment);
    const paymentId = String((createdBody.data as Array<{ paymentId: string }>)[0]!.paymentId);
    await waitForStatus(h, paymentId, ['SCHD']);
    const read = await h.app.inject({
      method: 'GET',
      url: paymentsUrl(`/${paymentId}`),
      headers: clientHeaders(h),
    });
    assertValid(bodyOf(await opened(h, read)), 'ResponsePixPayment', ResponsePixPayment);
    const refused = await postPayments(h, consentId, [paymentItem(h, {}, date)]);
    assertValid(bodyOf(await opened(h, refused)), '422ResponseErrorCreatePixPayments', ResponseError);

    const cancel = {
      status: 'CANC',
      cancellation: { cancelledBy: { document: { identification: '76109277673', rel: 'CPF' } } },
    };
    const patch = async () => signedPost(h, paymentsUrl(`/${paymentId}`), await h.initiators.A.sign(cancel), clientHeaders(h), undefined, 'PATCH'); // prettier-ignore
    assertValid(bodyOf(await opened(h, await patch())), 'ResponsePatchPixPayment', ResponsePixPayment);
    assertValid(bodyOf(await opened(h, await patch())), '422ResponseErrorCreatePixPayment', ResponseError);
  });
});
