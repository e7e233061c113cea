import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { isAppError } from '../../platform/errors/index.ts';
import { sweep } from '../settlement/sweep.ts';
import { consentsUrl, opened, payerOf, startPaymentsHarness } from '../testing/harness.ts';
import {
  authorise,
  clientHeaders,
  consentData,
  createdConsent,
  paymentItem,
  postConsent,
  postPayments,
} from '../testing/flows.ts';

const tdb = await createTestDatabase();
const h = await startPaymentsHarness(tdb, { workers: false });
const payer = await payerOf(tdb, 'bank-a');
const MINUTE = 60_000;

async function read(consentId: string, who: 'A' | 'B' = 'A') {
  return h.app.inject({ method: 'GET', url: consentsUrl(`/${consentId}`), headers: clientHeaders(h, who) });
}
async function readData(consentId: string) {
  return (await opened(h, await read(consentId))).data;
}
const seconds = (iso: unknown) => Date.parse(String(iso)) / 1000;

describe('payment consents (POST and GET /consents)', () => {
  it('creates a consent awaiting authorisation for 5 minutes, echoing the request', async () => {
    const data = consentData(h);
    const res = await postConsent(h, data);
    assert.equal(res.statusCode, 201);
    const body = await opened(h, res);
    assert.equal(body.data.status, 'AWAITING_AUTHORISATION');
    assert.match(String(body.data.consentId), /^urn:banka:[0-9a-f-]{36}$/);
    assert.equal(seconds(body.data.expirationDateTime) - seconds(body.data.creationDateTime), 300);
    assert.deepEqual(body.data.payment, data.payment);
    assert.deepEqual(body.data.creditor, data.creditor);
    assert.equal(
      (body.links as { self: string }).self,
      `${h.brand.apiBaseUrl}${consentsUrl(`/${String(body.data.consentId)}`)}`,
    );
  });

  it('shows a consent to its initiator only: 403 to another, 404 when unknown', async () => {
    const consentId = await createdConsent(h);
    assert.equal((await read(consentId)).statusCode, 200);
    const other = await read(consentId, 'B');
    assert.equal(other.statusCode, 403);
    assert.match(String(other.headers['content-type']), /^application\/json/);
    assert.equal((await read('urn:banka:nao-existe')).statusCode, 404);
  });

  it('rejects a consent not authorised within 5 minutes (TEMPO_EXPIRADO_AUTORIZACAO), on read', async () => {
    // The harness clock is real time plus an offset: aim at instants relative to the window in
    // which the consent was created, so a slow machine cannot push the first read past 5 minutes.
    const before = Date.now();
    const consentId = await createdConsent(h);
    const after = Date.now();
    h.clock.advance(before + 4 * MINUTE + 55_000 - h.clock.now().getTime());
    assert.equal((await readData(consentId)).status, 'AWAITING_AUTHORISATION');
    h.clock.advance(after + 5 * MINUTE + 1_000 - h.clock.now().getTime());
    const data = await readData(consentId);
    assert.equal(data.status, 'REJECTED');
    assert.deepEqual(data.rejectionReason, {
      code: 'TEMPO_EXPIRADO_AUTORIZACAO',
      detail: 'Consentimento expirou antes que o usuário pudesse confirmá-lo.',
    });
    await assert.rejects(authorise(h, consentId, payer), (e: unknown) => isAppError(e));
  });

  it('rejects an authorised consent not consumed within 60 minutes (TEMPO_EXPIRADO_CONSUMO), by the sweep', async () => {
    const consentId = await createdConsent(h);
    await authorise(h, consentId, payer);
    const authorised = await readData(consentId);
    assert.equal(authorised.status, 'AUTHORISED');
    assert.equal(seconds(authorised.expirationDateTime) - seconds(authorised.statusUpdateDateTime), 3600);
    assert.equal((authorised.debtorAccount as { accountType: string }).accountType.length, 4);
    h.clock.advance(60 * MINUTE);
    const swept = await sweep(h.payments.context, 100);
    assert.ok(swept.expiredConsents >= 1);
    const { rows } = await tdb.pool.query(
      'SELECT status, rejection_code FROM payment_consents WHERE consent_id = $1',
      [consentId],
    );
    assert.deepEqual(rows, [{ status: 'REJECTED', rejection_code: 'TEMPO_EXPIRADO_CONSUMO' }]);
    const late = await postPayments(h, consentId, [paymentItem(h)]);
    assert.equal((await opened(h, late)).errors?.[0]?.code, 'CONSENTIMENTO_INVALIDO');
  });

  it('records every status change on the outbox for the webhooks', async () => {
    const consentId = await createdConsent(h);
    await authorise(h, consentId, payer);
    const { rows } = await tdb.pool.query(
      "SELECT payload FROM outbox_events WHERE type = 'payment-consent.status-changed' AND aggregate_id = $1 ORDER BY seq",
      [consentId],
    );
    assert.deepEqual(
      rows.map((r: { payload: unknown }) => r.payload),
      [
        {
          consentId,
          clientId: h.initiators.A.clientId,
          status: 'AUTHORISED',
          previousStatus: 'AWAITING_AUTHORISATION',
        },
      ],
    );
  });
});

describe('POST /consents validation (payments.yaml 1.3; answers 422 signed)', () => {
  const code = async (data: unknown) => {
    const res = await postConsent(h, data);
    assert.equal(res.statusCode, 422, res.body);
    return (await opened(h, res)).errors?.[0]?.code;
  };
  const yesterday = new Date(Date.now() - 86_400_000 - 3 * 3_600_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const base = consentData(h);

  it('names missing and malformed fields (PARAMETRO_NAO_INFORMADO, PARAMETRO_INVALIDO)', async () => {
    const { creditor: _c, ...withoutCreditor } = base;
    assert.equal(await code(withoutCreditor), 'PARAMETRO_NAO_INFORMADO');
    assert.equal(await code(consentData(h, { amount: '10' })), 'PARAMETRO_INVALIDO');
    assert.equal(await code(consentData(h, { amount: 10 })), 'PARAMETRO_INVALIDO');
    assert.equal(
      await code(consentData(h, { date: tomorrow, schedule: { single: { date: tomorrow } } })),
      'PARAMETRO_INVALIDO',
    );
  });

  it('refuses unsupported arrangements and instruments (FORMA_PAGAMENTO_INVALIDA)', async () => {
    assert.equal(await code(consentData(h, { type: 'TED' })), 'FORMA_PAGAMENTO_INVALIDA');
    const recurring = {
      date: undefined,
      schedule: { daily: { startDate: tomorrow, quantity: 3 } },
      details: {
        localInstrument: 'INIC',
        proxy: 'loja@example.com',
        creditorAccount: base.payment.details.creditorAccount,
      },
    };
    assert.equal(await code(consentData(h, recurring)), 'FORMA_PAGAMENTO_INVALIDA');
  });

  it('refuses dates outside the rules (DATA_PAGAMENTO_INVALIDA) and details outside them (DETALHE_PAGAMENTO_INVALIDO)', async () => {
    assert.equal(await code(consentData(h, { date: yesterday })), 'DATA_PAGAMENTO_INVALIDA');
    assert.equal(
      await code(consentData(h, { date: undefined, schedule: { single: { date: '2099-01-01' } } })),
      'DATA_PAGAMENTO_INVALIDA',
    );
    const manuWithKey = {
      localInstrument: 'MANU',
      proxy: 'loja@example.com',
      creditorAccount: base.payment.details.creditorAccount,
    };
    assert.equal(await code(consentData(h, { details: manuWithKey })), 'DETALHE_PAGAMENTO_INVALIDO');
    assert.equal(
      await code(consentData(h, {}, { creditor: { ...base.creditor, cpfCnpj: '76109277673' } })),
      'DETALHE_PAGAMENTO_INVALIDO',
    );
  });
});

describe('authorising a payment consent (the seam authz calls)', () => {
  it('rejects the consent when the chosen account is the creditor account (CONTAS_ORIGEM_DESTINO_IGUAIS)', async () => {
    const [own] = await h.pix.listDebtorAccounts('bank-a', {
      customerId: payer.customerId,
      personType: 'PESSOA_NATURAL',
    });
    const creditorAccount = {
      ispb: own!.ispb,
      issuer: own!.issuer,
      number: own!.number,
      accountType: own!.accountType,
    };
    const consentId = await createdConsent(
      h,
      consentData(h, { details: { localInstrument: 'MANU', creditorAccount } }),
    );
    await assert.rejects(authorise(h, consentId, { ...payer, accountId: own!.accountId }));
    const data = await readData(consentId);
    assert.equal(data.status, 'REJECTED');
    assert.equal((data.rejectionReason as { code: string }).code, 'CONTAS_ORIGEM_DESTINO_IGUAIS');
  });

  it('rejects the consent when the account does not allow payments (CONTA_NAO_PERMITE_PAGAMENTO)', async () => {
    const { rows } = await tdb.pool.query<{ id: string; customer_id: string }>(
      "SELECT id, customer_id FROM sample_bank.accounts WHERE brand_id = 'bank-a' AND status <> 'AVAILABLE' LIMIT 1",
    );
    const blocked = rows[0] ?? (await tdb.pool.query<{ id: string; customer_id: string }>("UPDATE sample_bank.accounts SET status = 'UNAVAILABLE' WHERE id = (SELECT id FROM sample_bank.accounts WHERE brand_id = 'bank-a' ORDER BY available_amount LIMIT 1) RETURNING id, customer_id")).rows[0]!; // prettier-ignore
    const consentId = await createdConsent(h);
    await assert.rejects(
      authorise(h, consentId, {
        customerId: blocked.customer_id,
        accountId: blocked.id,
        available: '0',
        funds: '0',
      }),
    );
    assert.equal(
      ((await readData(consentId)).rejectionReason as { code: string }).code,
      'CONTA_NAO_PERMITE_PAGAMENTO',
    );
  });

  it('refuses, without rejecting, an account other than the one the initiator indicated', async () => {
    const consentId = await createdConsent(
      h,
      consentData(
        h,
        {},
        { debtorAccount: { ispb: '12345678', issuer: '0001', number: '1', accountType: 'CACC' } },
      ),
    );
    await assert.rejects(authorise(h, consentId, payer));
    assert.equal((await readData(consentId)).status, 'AWAITING_AUTHORISATION');
  });

  it('records the customer refusal as REJEITADO_USUARIO', async () => {
    const consentId = await createdConsent(h);
    await h.payments.context.db.transaction((tx) =>
      h.payments.authorization.reject(tx, h.brand.id, consentId, {
        rejectedBy: 'USER',
        reason: 'CUSTOMER_MANUALLY_REJECTED',
      }),
    );
    assert.equal(((await readData(consentId)).rejectionReason as { code: string }).code, 'REJEITADO_USUARIO');
  });

  it('gives authz a view with the customer page: amount, creditor, date, one radio per account', async () => {
    const consentId = await createdConsent(h, consentData(h, { amount: '1234.56' }));
    const view = await h.payments.authorization.findForAuthorization(
      h.brand.id,
      consentId,
      h.initiators.A.clientId,
    );
    assert.equal(view?.status, 'AWAITING_AUTHORISATION');
    assert.deepEqual(view?.products, ['accounts']);
    assert.equal(
      await h.payments.authorization.findForAuthorization(h.brand.id, consentId, h.initiators.B.clientId),
      undefined,
    );
    const page = view.renderAuthorisationPage({
      brand: { name: 'Banco A', primaryColor: '#0b5394' },
      action: '/interaction/abc/consent',
      clientName: 'Iniciador <A>',
      choices: [{ type: 'ACCOUNT', value: 'ACCOUNT:1', label: 'Conta corrente · nº 123-4' }],
    });
    assert.match(page, /<html lang="pt-BR">/);
    assert.match(page, /R\$ 1\.234,56/);
    assert.match(page, /Loja Exemplo Ltda \(\*\*\.222\.333\/0001-\*\*\)/);
    assert.match(page, /Pagamento imediato, em \d{2}\/\d{2}\/\d{4}/);
    assert.match(page, /type="radio" id="conta-0" name="resources" value="ACCOUNT:1" checked/);
    assert.match(page, /Iniciador &lt;A&gt;/);
    assert.ok(await h.payments.authorization.owns(h.brand.id, consentId));
    assert.ok(!(await h.payments.authorization.owns(h.brand.id, 'urn:banka:outro')));
  });
});
