/**
 * Crash safety: the worker process is killed with SIGKILL while payments are being settled,
 * another one starts on the same database, and every payment still ends exactly once, with
 * every balance exactly what the settled payments say.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { seedSampleBank } from '../../sample-bank/index.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { waitFor } from '../../platform/jobs/testing.ts';
import type { PaymentsBrand } from '../brand.ts';
import { brasiliaDate } from '../domain/dates.ts';
import { buildEndToEndId } from '../domain/end-to-end-id.ts';
import { brandKey } from '../testing/harness.ts';
import { startPaymentsNode, type NodeOptions } from '../testing/node.ts';

const tdb = await createTestDatabase();
const brand: PaymentsBrand = {
  id: 'bank-a',
  name: 'Banco A',
  orgId: randomUUID(),
  urnNamespace: 'banka',
  apiBaseUrl: 'https://api.bank-a.test',
  signingKey: await brandKey('bank-a-seal'),
  theme: { primaryColor: '#0b5394' },
};
const shared: Omit<NodeOptions, 'workers'> = {
  databaseUrl: tdb.url,
  masterKeyHex: randomBytes(32).toString('hex'),
  brand,
  pix: { settleDelayMs: 800, pspTimeoutMs: 2_000, recoveryIntervalMs: 1_000, recoveryGraceMs: 1_000 },
  payments: {
    reconcileDelayMs: 300,
    reconcileMaxDelayMs: 1_000,
    sweepIntervalSeconds: 1,
    stuckAfterMs: 2_000,
  },
};
// This process only sends (the HTTP side); the settling happens in the worker processes.
const front = await startPaymentsNode({ ...shared, workers: false });
after(() => front.stop());
await seedSampleBank({ pool: tdb.pool, cipher: front.sampleBankCipher, brandId: 'bank-a', customers: 30, seed: 5, asOf: '2025-06-30' }); // prettier-ignore

const WORKER = path.resolve(import.meta.dirname, '../testing/crash-worker.ts');
const children: ChildProcess[] = [];
after(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(shared)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => output.includes('ready'), 'the worker process is up', { timeoutMs: 20_000 });
  return child;
}

interface Account {
  id: string;
  customerId: string;
  available: string;
  blocked: string;
}
async function accounts(): Promise<Account[]> {
  const { rows } = await tdb.pool.query<Account>(
    `SELECT a.id, a.customer_id AS "customerId", a.available_amount AS available, a.blocked_amount AS blocked
       FROM sample_bank.accounts a JOIN sample_bank.customers c ON c.id = a.customer_id
      WHERE a.brand_id = 'bank-a' AND a.status = 'AVAILABLE' AND c.person_type = 'PESSOA_NATURAL'
      ORDER BY a.available_amount DESC`,
  );
  return rows;
}
const cents = (v: string) => BigInt(Math.round(Number(v) * 100));

/** One immediate payment through the module's API: consent, authorisation, payment (RCVD). */
async function pay(account: Account, amount: string, creditorNumber: string): Promise<string> {
  const { api, authorization } = front.payments;
  const creditorAccount = {
    ispb: '99999999',
    issuer: '0001',
    number: creditorNumber,
    accountType: 'CACC' as const,
  };
  const data = {
    loggedUser: { document: { identification: '76109277673', rel: 'CPF' } },
    creditor: { personType: 'PESSOA_JURIDICA' as const, cpfCnpj: '11222333000181', name: 'Loja' },
    payment: { type: 'PIX', date: brasiliaDate(new Date()), currency: 'BRL', amount, details: { localInstrument: 'MANU' as const, creditorAccount } }, // prettier-ignore
  };
  const consent = await api.createConsent(brand.id, 'client-a', data, randomUUID());
  const consentId = (consent.body as { data: { consentId: string } }).data.consentId;
  await front.db.transaction((tx) =>
    authorization.authorise(tx, brand.id, consentId, {
      customer: { customerId: account.customerId, personType: 'PESSOA_NATURAL' },
      resources: [{ type: 'ACCOUNT', id: account.id }],
    }),
  );
  const item = { endToEndId: buildEndToEndId('12345678', new Date()), localInstrument: 'MANU' as const, payment: { amount, currency: 'BRL' }, creditorAccount, cnpjInitiator: '50685362000135' }; // prettier-ignore
  const answer = await api.createPayments(
    brand.id,
    { clientId: 'client-a', consentId },
    [item],
    randomUUID(),
  );
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return (answer.body as { data: Array<{ paymentId: string }> }).data[0]!.paymentId;
}

async function statusCounts(): Promise<Record<string, number>> {
  const { rows } = await tdb.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM pix_payments GROUP BY status'); // prettier-ignore
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('crash safety of settlement', () => {
  it('ends every payment exactly once, balances consistent, after a SIGKILL mid-settlement and a restart', async () => {
    const all = await accounts();
    const payers = all.slice(0, 6);
    const poorest = all.at(-1)!;
    const expected = new Map<string, string>();
    for (let i = 0; i < 30; i++) expected.set(await pay(payers[i % payers.length]!, `${(i % 7) + 1}.${String(i).padStart(2, '0')}`, '1234567'), 'ACSC'); // prettier-ignore
    for (let i = 0; i < 3; i++)
      expected.set(await pay(payers[i]!, '3.00', '4499901'), 'RJCT:PAGAMENTO_RECUSADO_SPI');
    for (let i = 0; i < 3; i++)
      expected.set(await pay(payers[i]!, '4.00', '4499902'), 'RJCT:FALHA_INFRAESTRUTURA_PSP_RECEBEDOR');
    const tooMuch = (Number(cents(poorest.available) + 100_000n) / 100).toFixed(2);
    expected.set(await pay(poorest, tooMuch, '1234567'), 'RJCT:SALDO_INSUFICIENTE');
    const before = new Map((await accounts()).map((a) => [a.id, a]));

    // Two kills: early (payments being accepted and submitted), then with settlement under way
    // (some settled, others submitted and pending at the core).
    const kills: Array<Record<string, number>> = [];
    const phases = [
      async () => {
        const counts = await statusCounts();
        return (counts.RCVD ?? 0) < expected.size && (counts.RCVD ?? 0) > 0;
      },
      async () => {
        const counts = await statusCounts();
        const { rows } = await tdb.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM sample_bank.pix_transfers WHERE status = 'PENDING'"); // prettier-ignore
        return (counts.ACSC ?? 0) >= 3 && rows[0]!.n >= 1;
      },
    ];
    for (const phase of phases) {
      const worker = await startWorker();
      await waitFor(phase, 'the moment to kill', { timeoutMs: 30_000, intervalMs: 10 });
      worker.kill('SIGKILL');
      await once(worker, 'exit');
      kills.push(await statusCounts());
    }
    for (const counts of kills) {
      const open = Object.entries(counts)
        .filter(([s]) => !['ACSC', 'RJCT'].includes(s))
        .reduce((n, [, c]) => n + c, 0);
      assert.ok(open > 0, `payments were still in flight at the kill: ${JSON.stringify(counts)}`);
    }

    const restartedAt = Date.now();
    const second = await startWorker();
    await waitFor(
      async () => {
        const counts = await statusCounts();
        return (counts.ACSC ?? 0) + (counts.RJCT ?? 0) === expected.size;
      },
      'every payment final after the restart',
      { timeoutMs: 90_000, intervalMs: 200 },
    );
    process.stdout.write(`# final ${Date.now() - restartedAt} ms after the restart\n`);
    second.kill('SIGTERM');
    await once(second, 'exit');

    // Every payment ended as its case says, and its life was told once, in order.
    const { rows: payments } = await tdb.pool.query<{ payment_id: string; status: string; rejection_code: string | null; end_to_end_id: string; amount: string; debtor_account_id: string }>('SELECT payment_id, status, rejection_code, end_to_end_id, amount, debtor_account_id FROM pix_payments'); // prettier-ignore
    const { rows: events } = await tdb.pool.query<{ id: string; statuses: string[] }>(
      "SELECT aggregate_id AS id, array_agg(payload->>'status' ORDER BY seq) AS statuses FROM outbox_events WHERE type = 'payment.status-changed' GROUP BY aggregate_id",
    );
    const history = new Map(events.map((e) => [e.id, e.statuses]));
    for (const p of payments) {
      assert.equal(
        p.rejection_code ? `${p.status}:${p.rejection_code}` : p.status,
        expected.get(p.payment_id),
      );
      const lived = history.get(p.payment_id)!;
      assert.equal(new Set(lived).size, lived.length, `no status twice: ${lived.join(' → ')}`);
      assert.deepEqual(lived.slice(0, 2), ['RCVD', 'ACCP']);
      assert.equal(lived.filter((s) => s === 'ACSC' || s === 'RJCT').length, 1);
    }

    // The core: one transfer per payment, ended as the payment says; one effective debit per settlement.
    const { rows: transfers } = await tdb.pool.query<{ e2e: string; status: string; debits: number }>(
      `SELECT t.end_to_end_id AS e2e, t.status,
              (SELECT count(*)::int FROM sample_bank.transactions x WHERE x.transaction_id = t.end_to_end_id) AS debits
         FROM sample_bank.pix_transfers t`,
    );
    const byE2e = new Map(transfers.map((t) => [t.e2e, t]));
    assert.equal(transfers.length, payments.length);
    for (const p of payments) {
      const t = byE2e.get(p.end_to_end_id)!;
      assert.equal(t.status, p.status === 'ACSC' ? 'SETTLED' : 'REJECTED');
      assert.equal(t.debits, p.status === 'ACSC' ? 1 : 0);
    }

    // Balances: exactly the settled amounts left each account; nothing stays blocked.
    const after_ = new Map((await accounts()).map((a) => [a.id, a]));
    for (const [id, was] of before) {
      const settled = payments.filter((p) => p.debtor_account_id === id && p.status === 'ACSC').reduce((sum, p) => sum + cents(p.amount), 0n); // prettier-ignore
      const now = after_.get(id)!;
      assert.equal(cents(now.available), cents(was.available) - settled, `available of ${id}`);
      assert.equal(cents(now.blocked), cents(was.blocked), `blocked of ${id}`);
    }
    process.stdout.write(
      `# killed at ${kills.map((k) => JSON.stringify(k)).join(', then at ')}; all ${payments.length} final\n`,
    );
  });
});
