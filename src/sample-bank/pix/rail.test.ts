import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createJobs, type Jobs, type JobsTransaction } from '../../platform/jobs/index.ts';
import { sampleBankQueues } from '../jobs.ts';
import { waitFor } from '../../platform/jobs/testing.ts';
import { isAppError } from '../../platform/errors/index.ts';
import type { CustomerRef, PixTransferOrder } from '../../connectors/index.ts';
import { seedSampleBank } from '../index.ts';
import { createSamplePixRail, type SamplePixRail } from './index.ts';
import { settleTransfer } from './settle.ts';

const tdb = await createTestDatabase();
const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
await seedSampleBank({
  pool: tdb.pool,
  cipher,
  brandId: 'bank-a',
  customers: 12,
  seed: 3,
  asOf: '2025-06-30',
});
await seedSampleBank({
  pool: tdb.pool,
  cipher,
  brandId: 'bank-b',
  customers: 4,
  seed: 4,
  asOf: '2025-06-30',
});

interface AccountState {
  id: string;
  customerId: string;
  available: string;
  blocked: string;
  number: string;
  branch: string;
  ispb: string;
}

async function accounts(brandId: string): Promise<AccountState[]> {
  const { rows } = await tdb.pool.query<AccountState>(
    `SELECT a.id, a.customer_id AS "customerId", a.available_amount AS available, a.blocked_amount AS blocked,
            regexp_replace(a.number || a.check_digit, '[^0-9]', '0', 'g') AS number, a.branch_code AS branch, b.ispb
       FROM sample_bank.accounts a JOIN sample_bank.brands b USING (brand_id)
      WHERE a.brand_id = $1 AND a.status = 'AVAILABLE' ORDER BY a.available_amount DESC`,
    [brandId],
  );
  return rows;
}

async function account(id: string): Promise<AccountState> {
  const { rows } = await tdb.pool.query<AccountState>(
    `SELECT id, available_amount AS available, blocked_amount AS blocked FROM sample_bank.accounts WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}

async function bookedRows(endToEndId: string): Promise<Array<{ type: string; side: string }>> {
  const { rows } = await tdb.pool.query<{ type: string; side: string }>(
    `SELECT completed_authorised_payment_type AS type, credit_debit_type AS side
       FROM sample_bank.transactions WHERE transaction_id = $1 ORDER BY credit_debit_type`,
    [endToEndId],
  );
  return rows;
}

/** Captures settle jobs instead of queueing them, so each test settles when it chooses. */
function capturingJobs() {
  const sent: Array<{ endToEndId: string; startAfter: unknown }> = [];
  const jobs = {
    send: ((...args: unknown[]) => {
      const [, , payload, options] = args as [
        JobsTransaction,
        string,
        { endToEndId: string },
        { startAfter: unknown },
      ];
      sent.push({ endToEndId: payload.endToEndId, startAfter: options.startAfter });
      return Promise.resolve('job');
    }) as unknown as Jobs['send'],
    work: (() => Promise.resolve()) as unknown as Jobs['work'],
  };
  return { jobs, sent };
}

let sequence = 0;
function endToEndId(): string {
  sequence += 1;
  return `E12345678202506301200${String(sequence).padStart(11, '0')}`;
}

const rich = (await accounts('bank-a'))[0]!;
const payer: CustomerRef = { customerId: rich.customerId, personType: 'PESSOA_NATURAL' };
const outsider = { ispb: '99999999', issuer: '0001', number: '123456', accountType: 'CACC' as const };

function order(overrides: Partial<PixTransferOrder> = {}): PixTransferOrder {
  return {
    endToEndId: endToEndId(),
    debtor: { customer: payer, accountId: rich.id },
    amount: '10.00',
    creditor: outsider,
    ...overrides,
  };
}

const cents = (v: string) => Math.round(Number(v) * 100);

describe('sample bank Pix rail', () => {
  const captured = capturingJobs();
  const rail = createSamplePixRail(
    { db: tdb.db, cipher, jobs: captured.jobs },
    { settleDelayMs: 50, perTransferLimit: '99999999999.00' },
  );
  const settle = (e2e: string) =>
    settleTransfer({ db: tdb.db, clock: { now: () => new Date() } }, 'bank-a', e2e);

  it('reserves the amount at submission and makes the debit effective when it settles', async () => {
    const before_ = await account(rich.id);
    const o = order({ amount: '12.34' });
    const submitted = await rail.submitTransfer('bank-a', o);
    assert.equal(submitted.status, 'PENDING');
    const reserved = await account(rich.id);
    assert.equal(cents(reserved.available), cents(before_.available) - 1234);
    assert.equal(cents(reserved.blocked), cents(before_.blocked) + 1234);
    assert.deepEqual(await bookedRows(o.endToEndId), [{ type: 'TRANSACAO_PROCESSANDO', side: 'DEBITO' }]);
    assert.equal(captured.sent.at(-1)?.endToEndId, o.endToEndId);

    assert.equal(await settle(o.endToEndId), 'SETTLED');
    const settled = await account(rich.id);
    assert.equal(cents(settled.available), cents(before_.available) - 1234);
    assert.equal(cents(settled.blocked), cents(before_.blocked));
    assert.deepEqual(await bookedRows(o.endToEndId), [{ type: 'TRANSACAO_EFETIVADA', side: 'DEBITO' }]);
    assert.equal((await rail.getTransfer('bank-a', o.endToEndId))?.status, 'SETTLED');
    assert.equal(await settle(o.endToEndId), 'ALREADY_FINISHED', 'a second settle job does nothing');
  });

  it('never debits twice for one endToEndId, even when submitted concurrently', async () => {
    const before_ = await account(rich.id);
    const o = order({ amount: '5.00' });
    const results = await Promise.all(Array.from({ length: 10 }, () => rail.submitTransfer('bank-a', o)));
    assert.ok(results.every((r) => r.status === 'PENDING' && r.endToEndId === o.endToEndId));
    assert.equal(cents((await account(rich.id)).available), cents(before_.available) - 500);
    assert.equal(captured.sent.filter((s) => s.endToEndId === o.endToEndId).length, 1);
    await settle(o.endToEndId);
  });

  it('refuses an endToEndId reused for a different order', async () => {
    const o = order();
    await rail.submitTransfer('bank-a', o);
    await assert.rejects(rail.submitTransfer('bank-a', { ...o, amount: '11.00' }), (error) => {
      assert.ok(isAppError(error));
      assert.equal(error.code, 'CONNECTOR_PIX_CONFLICT');
      return true;
    });
    await settle(o.endToEndId);
  });

  it('rejects at once, reserving nothing, when funds and overdraft do not cover the amount', async () => {
    const before_ = await account(rich.id);
    const tooMuch = ((cents(before_.available) + 10_000_000_00) / 100).toFixed(2);
    const o = order({ amount: tooMuch });
    const result = await rail.submitTransfer('bank-a', { ...o, amount: tooMuch });
    assert.equal(result.status, 'REJECTED');
    assert.equal(result.rejection?.code, 'SALDO_INSUFICIENTE');
    assert.deepEqual(await account(rich.id), before_);
    assert.deepEqual(await bookedRows(o.endToEndId), []);
  });

  it('refuses an amount above the per-transfer limit', async () => {
    const limited = createSamplePixRail(
      { db: tdb.db, cipher, jobs: captured.jobs },
      { perTransferLimit: '100.00' },
    );
    const result = await limited.submitTransfer('bank-a', order({ amount: '100.01' }));
    assert.equal(result.rejection?.code, 'VALOR_ACIMA_LIMITE');
  });

  it('refuses a transfer to the payer account itself', async () => {
    const result = await rail.submitTransfer(
      'bank-a',
      order({ creditor: { ispb: rich.ispb, issuer: rich.branch, number: rich.number, accountType: 'CACC' } }),
    );
    assert.equal(result.rejection?.code, 'CONTAS_ORIGEM_DESTINO_IGUAIS');
  });

  it('gives the reserved amount back when the receiving PSP refuses or times out', async () => {
    const before_ = await account(rich.id);
    const refused = order({ creditor: { ...outsider, number: '1299901' } });
    const timedOut = order({ creditor: { ...outsider, number: '1299902' } });
    await rail.submitTransfer('bank-a', refused);
    await rail.submitTransfer('bank-a', timedOut);
    assert.equal(cents((await account(rich.id)).available), cents(before_.available) - 2000);
    assert.equal(await settle(refused.endToEndId), 'REJECTED');
    assert.equal(await settle(timedOut.endToEndId), 'REJECTED');
    assert.equal(cents((await account(rich.id)).available), cents(before_.available));
    assert.deepEqual(await bookedRows(refused.endToEndId), []);
    const refusal = await rail.getTransfer('bank-a', refused.endToEndId);
    assert.deepEqual(refusal?.rejection, { code: 'PAGAMENTO_RECUSADO_SPI', detail: 'AC03' });
    const timeout = await rail.getTransfer('bank-a', timedOut.endToEndId);
    assert.equal(timeout?.rejection?.code, 'FALHA_INFRAESTRUTURA_PSP_RECEBEDOR');
    const timeoutJob = captured.sent.find((s) => s.endToEndId === timedOut.endToEndId);
    const refusalJob = captured.sent.find((s) => s.endToEndId === refused.endToEndId);
    assert.ok((timeoutJob?.startAfter as Date) > (refusalJob?.startAfter as Date), 'timeouts settle later');
  });

  it('credits the creditor when it banks at another sample-bank brand, and refuses an unknown account there', async () => {
    const creditor = (await accounts('bank-b')).at(-1)!;
    const before_ = await account(creditor.id);
    const o = order({
      amount: '7.50',
      creditor: {
        ispb: creditor.ispb,
        issuer: creditor.branch,
        number: creditor.number,
        accountType: 'CACC',
      },
    });
    await rail.submitTransfer('bank-a', o);
    assert.equal(await settle(o.endToEndId), 'SETTLED');
    assert.equal(cents((await account(creditor.id)).available), cents(before_.available) + 750);
    const unknown = order({ creditor: { ...o.creditor, number: '1' } });
    await rail.submitTransfer('bank-a', unknown);
    assert.equal(await settle(unknown.endToEndId), 'REJECTED');
  });

  it('settles, exactly once, transfers whose settle job died with its process (recovery)', async () => {
    const clock = {
      at: Date.now(),
      now() {
        return new Date(this.at);
      },
    };
    const recovering = createSamplePixRail(
      { db: tdb.db, cipher, jobs: captured.jobs, clock },
      { settleDelayMs: 1_000, recoveryGraceMs: 1_000 },
    );
    const before_ = await account(rich.id);
    const o = order({ amount: '2.00' });
    await recovering.submitTransfer('bank-a', o);
    assert.equal(await recovering.recoverOverdue(), 0, 'not overdue yet');
    clock.at += 2_500;
    assert.equal(await recovering.recoverOverdue(), 1);
    assert.equal(await recovering.recoverOverdue(), 0);
    assert.equal((await recovering.getTransfer('bank-a', o.endToEndId))?.status, 'SETTLED');
    assert.equal(cents((await account(rich.id)).available), cents(before_.available) - 200);
  });

  it('resolves Pix keys registered in the simulated DICT, and nothing else', async () => {
    await rail.registerKey({ key: 'loja@example.com', account: outsider, ownerName: 'Loja', ownerDocument: '11222333000181' }); // prettier-ignore
    assert.deepEqual((await rail.resolveKey('bank-a', 'loja@example.com'))?.account, outsider);
    assert.equal(await rail.resolveKey('bank-a', 'ninguem@example.com'), undefined);
  });

  it('lists the payer accounts with their Pix identification', async () => {
    const list = await rail.listDebtorAccounts('bank-a', payer);
    const mine = list.find((a) => a.accountId === rich.id);
    assert.equal(mine?.ispb, rich.ispb);
    assert.equal(mine?.number, rich.number);
    assert.equal(mine?.allowsPayments, true);
    assert.deepEqual(await rail.listDebtorAccounts('bank-b', payer), []);
  });
});

describe('sample bank Pix rail on pg-boss', () => {
  let jobs: Jobs;
  let rail: SamplePixRail;
  const finished: string[] = [];
  before(async () => {
    jobs = await createJobs({
      connection: tdb.url,
      logger: pino({ level: 'silent' }),
      pollingIntervalSeconds: 0.5,
      queues: {
        'sample-bank.pix-settle': { ...sampleBankQueues['sample-bank.pix-settle'], retryDelaySeconds: 0 },
      },
    });
    rail = createSamplePixRail(
      { db: tdb.db, cipher, jobs },
      { settleDelayMs: 100, onFinished: (_b, e2e) => finished.push(e2e) },
    );
    await rail.startWorker();
  });
  after(() => jobs.stop());

  it('settles a submitted transfer asynchronously after the configured delay', async () => {
    const o = order({ amount: '1.00' });
    await rail.submitTransfer('bank-a', o);
    await waitFor(() => finished.includes(o.endToEndId), 'the settle job ran');
    assert.equal((await rail.getTransfer('bank-a', o.endToEndId))?.status, 'SETTLED');
  });
});
