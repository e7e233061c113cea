import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConnectorErrorCode,
  CREDIT_OPERATION_TYPES,
  type CreditOperationType,
} from '../../connectors/index.ts';
import { assertRejectsWithCode } from '../../connectors/testing.ts';
import { dayNumber } from '../generator/calendar.ts';
import type { SampleCustomer } from '../generator/model.ts';
import { sampleInstitution } from '../seed/pipeline.ts';
import { generateCreditContracts, type GeneratedContract } from './generate.ts';
import { centsToDecimal } from './money.ts';
import { scheduleState } from './schedule-state.ts';
import { seedCreditBank } from './test-support.ts';

const bank = await seedCreditBank();
const { connector, g } = bank;
const ops = connector.creditOperations!;
const page = { page: { page: 1, pageSize: 1000 } };

/** What the pipeline generated for a customer, regenerated from the same random stream. */
function seeded(customer: SampleCustomer): GeneratedContract[] {
  return generateCreditContracts(bank.familyRandom(customer, 'credit-operations'), customer, {
    today: dayNumber(g.asOf),
    institution: sampleInstitution(g.seed, g.brandId),
    employerCnpj: () => '', // a lookup: it draws nothing from the stream
    showcase: customer.index < 8,
  });
}

const borrowers = bank.customers.filter((c) => seeded(c).length > 0);
const person = borrowers.find((c) => c.personType === 'PESSOA_NATURAL')!;
const company = borrowers.find((c) => c.personType === 'PESSOA_JURIDICA')!;

describe('sample bank credit operations reader', () => {
  it('lists every seeded contract under its type, with totals and brand identity', async () => {
    for (const customer of [person, company]) {
      const ref = await bank.refOf(customer);
      const expected = seeded(customer);
      for (const type of CREDIT_OPERATION_TYPES) {
        const listed = await ops.listContracts(g.brandId, ref, type, page);
        const ids = expected
          .filter((k) => k.type === type)
          .map((k) => k.contractId)
          .sort();
        assert.deepEqual(
          listed.items.map((k) => k.contractId),
          ids,
          `${type} of customer ${customer.index}`,
        );
        assert.equal(listed.totalRecords, ids.length);
        for (const item of listed.items) {
          assert.equal(item.brandName, 'Banco Ponte Exemplo');
          assert.equal(
            item.ipocCode,
            expected.find((k) => k.contractId === item.contractId)!.ipocCode,
            'IPOC decrypts',
          );
        }
      }
    }
  });

  it('pages contracts one at a time through the same list', async () => {
    const ref = await bank.refOf(person);
    const all = await ops.listContracts(g.brandId, ref, 'LOAN', page);
    const walked: string[] = [];
    for (let p = 1; p <= all.totalRecords; p++) {
      const one = await ops.listContracts(g.brandId, ref, 'LOAN', { page: { page: p, pageSize: 1 } });
      assert.equal(one.totalPages, all.totalRecords);
      walked.push(...one.items.map((k) => k.contractId));
    }
    assert.deepEqual(
      walked,
      all.items.map((k) => k.contractId),
    );
  });

  it('returns the detail, schedule and payments the generator produced, consistent with each other', async () => {
    for (const customer of [person, company]) {
      const ref = await bank.refOf(customer);
      for (const k of seeded(customer)) {
        const detail = await ops.getContract(g.brandId, ref, k.type, k.contractId);
        assert.equal(detail.contractAmount, centsToDecimal(k.contractAmountCents));
        assert.equal(detail.productSubType, k.productSubType);
        assert.equal(detail.settlementDate !== undefined, k.settlementDay !== undefined);
        const instalments = await ops.getScheduledInstalments(g.brandId, ref, k.type, k.contractId);
        const payments = await ops.getPayments(g.brandId, ref, k.type, k.contractId);
        const paid = k.paidBeforeHistory + k.releases.filter((r) => !r.isOverParcelPayment).length;
        const state = scheduleState(k.schedule, paid, k.settlementDay !== undefined, dayNumber(g.asOf));
        assert.deepEqual(instalments, state.instalments);
        assert.equal(payments.paidInstalments, instalments.paidInstalments);
        assert.equal(payments.contractOutstandingBalance, centsToDecimal(state.outstandingCents));
        assert.deepEqual(
          payments.releases.map((r) => r.paymentId),
          k.releases.map((r) => r.paymentId),
        );
        for (const r of payments.releases) assert.equal(r.instalmentId === undefined, r.isOverParcelPayment);
        if (k.type === 'LOAN') {
          assert.ok('productSubTypeCategory' in detail && 'totalRemainingAmount' in payments);
          assert.equal(
            (detail as { nextInstalmentAmount?: string }).nextInstalmentAmount,
            centsToDecimal(state.nextInstalmentCents),
          );
        }
        const warranties = await ops.listWarranties(g.brandId, ref, k.type, k.contractId, page);
        assert.deepEqual(
          warranties.items.map((w) => w.warrantyAmount),
          k.warranties.map((w) => centsToDecimal(w.amountCents)),
        );
      }
    }
  });

  it("answers not-found for another type, another customer's contract, another brand and unknown ids", async () => {
    const [k] = seeded(person);
    assert.ok(k);
    const mine = await bank.refOf(person);
    const theirs = await bank.refOf(company);
    const otherType = CREDIT_OPERATION_TYPES.find((t) => t !== k.type)!;
    const attempts: [string, () => Promise<unknown>][] = [
      ['another type', () => ops.getContract(g.brandId, mine, otherType, k.contractId)],
      ['another customer', () => ops.getPayments(g.brandId, theirs, k.type, k.contractId)],
      ['another brand', () => ops.getScheduledInstalments('bank-b', mine, k.type, k.contractId)],
      [
        'unknown id',
        () => ops.listWarranties(g.brandId, mine, k.type, '00000000-0000-4000-8000-000000000000', page),
      ],
      ['not a uuid', () => ops.getContract(g.brandId, mine, k.type, 'no-such-contract')],
    ];
    for (const [label, attempt] of attempts)
      await assertRejectsWithCode(attempt, ConnectorErrorCode.RESOURCE_NOT_FOUND, label);
  });

  it('refuses page 0, page sizes above 1000 and unknown operation types', async () => {
    const ref = await bank.refOf(person);
    await assertRejectsWithCode(() => ops.listContracts(g.brandId, ref, 'LOAN', { page: { page: 0, pageSize: 25 } }), ConnectorErrorCode.INVALID_QUERY, 'page 0'); // prettier-ignore
    await assertRejectsWithCode(() => ops.listContracts(g.brandId, ref, 'LOAN', { page: { page: 1, pageSize: 1001 } }), ConnectorErrorCode.INVALID_QUERY, 'size'); // prettier-ignore
    await assertRejectsWithCode(() => ops.listContracts(g.brandId, ref, 'LEASING' as CreditOperationType, page), ConnectorErrorCode.INVALID_QUERY, 'type'); // prettier-ignore
  });

  it('offers contracts as consentable resources and keeps the IPOC encrypted at rest', async () => {
    const ref = await bank.refOf(person);
    const resources = await connector.resources.listResources(g.brandId, ref, {
      types: [...CREDIT_OPERATION_TYPES],
    });
    assert.deepEqual(
      resources.map((r) => r.resourceId).sort(),
      seeded(person)
        .map((k) => k.contractId)
        .sort(),
    );
    const { rows } = await bank.tdb.pool.query<{ ipoc: Buffer }>(
      'SELECT ipoc_code_enc AS ipoc FROM sample_bank.credit_contracts WHERE customer_id = $1',
      [ref.customerId],
    );
    for (const row of rows)
      assert.ok(!row.ipoc.toString('latin1').includes(person.document), 'no CPF in clear');
  });
});
