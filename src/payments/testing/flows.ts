import { randomUUID } from 'node:crypto';
import { brasiliaDate } from '../domain/dates.ts';
import { buildEndToEndId } from '../domain/end-to-end-id.ts';
import { consentsUrl, opened, paymentsUrl, type PayerFixture, type PaymentsHarness } from './harness.ts';

export type Who = 'A' | 'B';
export const CREDITOR_ACCOUNT = {
  ispb: '99999999',
  issuer: '0001',
  number: '1234567',
  accountType: 'CACC' as const,
};
export const INITIATOR_ISPB = '12345678';

function certificateHeader(h: PaymentsHarness, who: Who) {
  return encodeURIComponent(h.initiators[who].certificate.toString());
}

/** Headers of an initiator's call with a client_credentials token (scope `payments`). */
export function clientHeaders(
  h: PaymentsHarness,
  who: Who = 'A',
  scopes = ['payments'],
): Record<string, string> {
  const i = h.initiators[who];
  const token = h.tokens.issue({
    brandId: h.brand.id,
    clientId: i.clientId,
    certificate: i.certificate,
    scopes,
  });
  return {
    authorization: `Bearer ${token}`,
    'x-fapi-interaction-id': randomUUID(),
    'x-client-cert': certificateHeader(h, who),
  };
}

/** Headers with the customer's authorization_code token for `consent:<id>`. */
export function consentHeaders(
  h: PaymentsHarness,
  consentId: string,
  who: Who = 'A',
): Record<string, string> {
  const i = h.initiators[who];
  const token = h.tokens.issue({
    brandId: h.brand.id,
    clientId: i.clientId,
    certificate: i.certificate,
    scopes: ['openid', 'payments', `consent:${consentId}`],
    grantType: 'authorization_code',
    consentId,
  });
  return {
    authorization: `Bearer ${token}`,
    'x-fapi-interaction-id': randomUUID(),
    'x-client-cert': certificateHeader(h, who),
  };
}

/** A POST /consents `data` claim: an immediate MANU payment of R$ 10,00 to an outside account. */
export function consentData(
  h: PaymentsHarness,
  payment: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    loggedUser: { document: { identification: '76109277673', rel: 'CPF' } },
    creditor: { personType: 'PESSOA_JURIDICA', cpfCnpj: '11222333000181', name: 'Loja Exemplo Ltda' },
    payment: {
      type: 'PIX',
      date: brasiliaDate(h.clock.now()),
      currency: 'BRL',
      amount: '10.00',
      details: { localInstrument: 'MANU', creditorAccount: CREDITOR_ACCOUNT },
      ...payment,
    },
    ...extra,
  };
}

export async function signedPost(
  h: PaymentsHarness,
  url: string,
  jwt: string,
  headers: Record<string, string>,
  key: string | null = randomUUID(),
  method: 'POST' | 'PATCH' = 'POST',
) {
  return h.app.inject({
    method,
    url,
    headers: {
      ...headers,
      'content-type': 'application/jwt',
      ...(key === null ? {} : { 'x-idempotency-key': key }),
    },
    payload: jwt,
  });
}

export async function postConsent(h: PaymentsHarness, data: unknown, who: Who = 'A', key?: string) {
  return signedPost(h, consentsUrl(), await h.initiators[who].sign(data), clientHeaders(h, who), key);
}

/** Creates a consent as initiator A and returns its id. */
export async function createdConsent(h: PaymentsHarness, data: unknown = consentData(h)): Promise<string> {
  const res = await postConsent(h, data);
  if (res.statusCode !== 201) throw new Error(`consent not created: ${res.statusCode} ${res.body}`);
  return String((await opened(h, res)).data.consentId);
}

/** The customer authorises the consent on the page, paying from `payer`'s account. */
export async function authorise(h: PaymentsHarness, consentId: string, payer: PayerFixture): Promise<void> {
  await h.payments.context.db.transaction((tx) =>
    h.payments.authorization.authorise(tx, h.brand.id, consentId, {
      customer: { customerId: payer.customerId, personType: 'PESSOA_NATURAL' },
      resources: [{ type: 'ACCOUNT', id: payer.accountId }],
    }),
  );
}

/** One POST /pix/payments item for a consent's payment, with a fresh endToEndId. */
export function paymentItem(
  h: PaymentsHarness,
  overrides: Record<string, unknown> = {},
  scheduledDate?: string,
) {
  return {
    endToEndId: buildEndToEndId(
      INITIATOR_ISPB,
      scheduledDate === undefined ? h.clock.now() : { scheduledDate },
    ),
    localInstrument: 'MANU',
    payment: { amount: '10.00', currency: 'BRL' },
    creditorAccount: CREDITOR_ACCOUNT,
    cnpjInitiator: '50685362000135',
    remittanceInformation: 'Pagamento da nota 42',
    ...overrides,
  };
}

export async function postPayments(
  h: PaymentsHarness,
  consentId: string,
  items: unknown[],
  key?: string,
  who: Who = 'A',
) {
  return signedPost(
    h,
    paymentsUrl(),
    await h.initiators[who].sign(items),
    consentHeaders(h, consentId, who),
    key,
  );
}

export async function getPayment(h: PaymentsHarness, paymentId: string, who: Who = 'A') {
  return h.app.inject({ method: 'GET', url: paymentsUrl(`/${paymentId}`), headers: clientHeaders(h, who) });
}

export async function paymentStatus(h: PaymentsHarness, paymentId: string): Promise<Record<string, unknown>> {
  const res = await getPayment(h, paymentId);
  if (res.statusCode !== 200) throw new Error(`GET payment ${res.statusCode}: ${res.body}`);
  return (await opened(h, res)).data;
}

/** Polls GET /pix/payments/{id} until the status is one of `statuses`. */
export async function waitForStatus(
  h: PaymentsHarness,
  paymentId: string,
  statuses: string[],
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = await paymentStatus(h, paymentId);
    if (statuses.includes(String(data.status))) return data;
    if (Date.now() > deadline)
      throw new Error(`payment ${paymentId} stayed ${String(data.status)}, wanted ${statuses.join('|')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A consent created, authorised by `payer`, and paid once (immediate); returns the payment id. */
export async function paidOnce(h: PaymentsHarness, payer: PayerFixture, amount = '10.00') {
  const consentId = await createdConsent(h, consentData(h, { amount }));
  await authorise(h, consentId, payer);
  const res = await postPayments(h, consentId, [paymentItem(h, { payment: { amount, currency: 'BRL' } })]);
  if (res.statusCode !== 201) throw new Error(`payment not created: ${res.statusCode} ${res.body}`);
  const claims = await opened(h, res);
  return { consentId, paymentId: String(claims.data[0]!.paymentId), claims };
}
