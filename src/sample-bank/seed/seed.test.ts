import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCrypto } from '../../platform/crypto/testing.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { createSampleBankConnector, generateCustomer, seedSampleBank } from '../index.ts';

const tdb = await createTestDatabase();
const { fieldCipher: cipher } = await createTestCrypto({ hashDomain: 'sample-bank.document' });
const asOf = '2025-06-30';
const connector = createSampleBankConnector({ db: tdb.db, cipher });

async function counts(
  brandId: string,
): Promise<{ customers: number; accounts: number; transactions: number }> {
  const { rows } = await tdb.pool.query<{ customers: number; accounts: number; transactions: number }>(
    `SELECT (SELECT count(*)::int FROM sample_bank.customers WHERE brand_id = $1) AS customers,
            (SELECT count(*)::int FROM sample_bank.accounts WHERE brand_id = $1) AS accounts,
            (SELECT count(*)::int FROM sample_bank.transactions WHERE brand_id = $1) AS transactions`,
    [brandId],
  );
  return rows[0]!;
}

describe('seeding the sample bank', () => {
  it('writes every table by COPY and reports what it wrote', async () => {
    const progress: number[] = [];
    const result = await seedSampleBank({
      pool: tdb.pool,
      cipher,
      brandId: 'bank-a',
      customers: 30,
      seed: 1,
      asOf,
      batchSize: 10,
      onProgress: (p) => progress.push(p.customers),
    });
    assert.equal(result.skipped, false);
    assert.deepEqual(progress, [10, 20, 30]);
    const stored = await counts('bank-a');
    assert.equal(stored.customers, 30);
    assert.equal(result.rows['"sample_bank"."accounts"'], stored.accounts);
    assert.equal(result.rows['"sample_bank"."transactions"'], stored.transactions);
    assert.ok(stored.transactions > 30 * 50);
  });

  it('stores balances equal to the opening balance plus the stored transactions', async () => {
    const { rows } = await tdb.pool.query(
      `SELECT a.id FROM sample_bank.accounts a
         CROSS JOIN LATERAL (
           SELECT coalesce(sum(CASE WHEN credit_debit_type = 'CREDITO' THEN amount ELSE -amount END)
                    FILTER (WHERE completed_authorised_payment_type = 'TRANSACAO_EFETIVADA'), 0) AS settled,
                  coalesce(sum(amount) FILTER (WHERE completed_authorised_payment_type = 'TRANSACAO_PROCESSANDO'
                                               AND credit_debit_type = 'DEBITO'), 0) AS processing
             FROM sample_bank.transactions t WHERE t.account_id = a.id) s
        WHERE a.brand_id = 'bank-a'
          AND (a.available_amount + a.blocked_amount <> a.opening_balance + s.settled
               OR a.blocked_amount <> s.processing)`,
    );
    assert.deepEqual(rows, []);
  });

  it('skips a re-run with the same parameters and leaves the rows as they were', async () => {
    const before = await tdb.pool.query('SELECT min(xmin::text::bigint) AS x FROM sample_bank.transactions');
    const result = await seedSampleBank({
      pool: tdb.pool,
      cipher,
      brandId: 'bank-a',
      customers: 30,
      seed: 1,
      asOf,
    });
    assert.equal(result.skipped, true);
    const after = await tdb.pool.query('SELECT min(xmin::text::bigint) AS x FROM sample_bank.transactions');
    assert.deepEqual(after.rows, before.rows);
  });

  it("replaces a brand's data when the seed changes, and leaves other brands alone", async () => {
    await seedSampleBank({ pool: tdb.pool, cipher, brandId: 'bank-b', customers: 5, seed: 1, asOf });
    const bankB = await counts('bank-b');
    await seedSampleBank({ pool: tdb.pool, cipher, brandId: 'bank-a', customers: 12, seed: 2, asOf });
    assert.equal((await counts('bank-a')).customers, 12);
    assert.deepEqual(await counts('bank-b'), bankB);
    const old = generateCustomer({ seed: 1, brandId: 'bank-a', asOf }, 0);
    const fresh = generateCustomer({ seed: 2, brandId: 'bank-a', asOf }, 0);
    const find = (c: typeof old) =>
      connector.customers.findCustomer('bank-a', {
        type: c.personType === 'PESSOA_NATURAL' ? 'CPF' : 'CNPJ',
        number: c.document,
      });
    assert.equal(await find(old), null);
    assert.equal((await find(fresh))?.customerId, fresh.customerId);
  });

  it('redoes a seed that did not finish', async () => {
    await tdb.pool.query(`UPDATE sample_bank.brands SET status = 'SEEDING' WHERE brand_id = 'bank-b'`);
    const result = await seedSampleBank({
      pool: tdb.pool,
      cipher,
      brandId: 'bank-b',
      customers: 5,
      seed: 1,
      asOf,
    });
    assert.equal(result.skipped, false);
    assert.equal((await counts('bank-b')).customers, 5);
    const { rows } = await tdb.pool.query(`SELECT status FROM sample_bank.brands WHERE brand_id = 'bank-b'`);
    assert.deepEqual(rows, [{ status: 'READY' }]);
  });

  it('lets two simultaneous seeds of one brand write it once', async () => {
    const run = () =>
      seedSampleBank({ pool: tdb.pool, cipher, brandId: 'bank-c', customers: 6, seed: 3, asOf });
    const results = await Promise.all([run(), run()]);
    assert.deepEqual(results.map((r) => r.skipped).sort(), [false, true]);
    assert.equal((await counts('bank-c')).customers, 6);
  });

  it('finds a transaction window through the primary-key index, not by scanning the table', async () => {
    await tdb.pool.query('ANALYZE sample_bank.transactions');
    const { rows } = await tdb.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT * FROM sample_bank.transactions
        WHERE account_id = (SELECT id FROM sample_bank.accounts LIMIT 1)
          AND transaction_date_time >= '2025-01-01T03:00:00Z' AND transaction_date_time < '2025-02-01T03:00:00Z'
        ORDER BY transaction_date_time DESC, transaction_id DESC LIMIT 26`,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    // At this size the planner may fetch by bitmap and sort 8 rows; at a million it walks the index
    // backwards. Either way the window is an index range on (account_id, transaction_date_time).
    assert.match(
      plan,
      /Index (Only )?Scan\b.*using transactions_pkey|Bitmap Index Scan on transactions_pkey/,
    );
    assert.match(plan, /Index Cond: \(\(account_id = .*transaction_date_time >= /);
    assert.doesNotMatch(plan, /Seq Scan on transactions/);
  });
});
