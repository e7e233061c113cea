import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { CREDIT_OPERATION_TYPES, type CreditOperationType } from '../../connectors/index.ts';
import { seedCreditBank } from './test-support.ts';

// Conformance (DESIGN §5): what the credit readers return, wrapped in the envelope the data APIs
// will add, must validate against the official OpenAPI files. PONTE_SPECS_DIR points at them; by
// default the sibling checkout CI uses (../shared/specs/openapi).
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const specsDir = process.env.PONTE_SPECS_DIR ?? path.resolve(root, '../shared/specs/openapi');
// Without the folder the file says so visibly and checks nothing (DESIGN §5).
const absent = existsSync(specsDir)
  ? false
  : `official specs not found at ${specsDir}: set PONTE_SPECS_DIR to check against them`;

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
ajv.addFormat('url', /^https:\/\/[^\s/?#]+[^\s]*$/);
for (const name of ['double', 'int32', 'integer']) ajv.addFormat(name, true);

const FILES: Readonly<Record<CreditOperationType | 'CARDS', string>> = {
  CARDS: 'credit-cards-accounts.yaml',
  LOAN: 'loans.yaml',
  FINANCING: 'financings.yaml',
  UNARRANGED_ACCOUNT_OVERDRAFT: 'unarranged-accounts-overdraft.yaml',
  INVOICE_FINANCING: 'invoice-financings.yaml',
};
const documents = new Map<
  string,
  { paths: Record<string, { get: { responses: Record<string, { $ref: string }> } }> }
>();
for (const file of absent ? [] : Object.values(FILES)) {
  const doc = parse(readFileSync(path.join(specsDir, file), 'utf8').replace(/^\uFEFF/, '')) as never;
  ajv.addSchema(doc, file);
  documents.set(file, doc);
}

/** Validates `body` against the 200 response of `GET path` in `file`. */
function assertConforms(file: string, apiPath: string, body: unknown): void {
  const ref = documents.get(file)!.paths[apiPath]!.get.responses['200']!.$ref;
  const pointer = `${file}${ref}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer);
  assert.ok(validate, `schema ${pointer}`);
  assert.ok(validate(body), `${file} GET ${apiPath}: ${ajv.errorsText(validate.errors)}`);
}

const self = 'https://api.banco.com.br/open-banking/resource';
const paged = (data: unknown, totalRecords: number) => ({
  data,
  links: { self },
  meta: { totalRecords, totalPages: Math.max(1, totalRecords), requestDateTime: '2025-06-30T12:00:00Z' },
});
const single = (data: unknown) => ({
  data,
  links: { self },
  meta: { requestDateTime: '2025-06-30T12:00:00Z' },
});

const bank = await seedCreditBank(40);
const { connector, g } = bank;
const all = { page: 1, pageSize: 1000 };

describe('credit readers against the official OpenAPI files', { skip: absent }, () => {
  it('has teeth: a contract without its CET or a bill with a negative minimum is refused', () => {
    const contract = { contractNumber: '1', ipocCode: 'x'.repeat(22), productName: 'P' };
    assert.throws(() => assertConforms(FILES.LOAN, '/contracts/{contractId}', single(contract)), /CET/);
    const bill = { billId: 'b1', dueDate: '2025-06-10', isInstalment: false, payments: [] };
    const money = (amount: string) => ({ amount, currency: 'BRL' });
    const body = paged([{ ...bill, billTotalAmount: money('10.00'), billMinimumAmount: money('-1.00') }], 1);
    assert.throws(
      () => assertConforms(FILES.CARDS, '/accounts/{creditCardAccountId}/bills', body),
      /billMinimumAmount/,
    );
  });

  it('credit-cards-accounts 2.3.1: accounts, identification, limits, bills, bill transactions, transactions', async () => {
    const cards = connector.creditCards!;
    let checked = 0;
    for (const customer of bank.customers.slice(0, 20)) {
      const ref = await bank.refOf(customer);
      const list = await cards.listAccounts(g.brandId, ref, { page: all });
      assertConforms(FILES.CARDS, '/accounts', paged(list.items, list.totalRecords));
      for (const account of list.items) {
        const id = account.creditCardAccountId;
        const base = '/accounts/{creditCardAccountId}';
        assertConforms(FILES.CARDS, base, paged(await cards.getAccount(g.brandId, ref, id), 1));
        const limits = await cards.getLimits(g.brandId, ref, id);
        assertConforms(FILES.CARDS, `${base}/limits`, paged(limits, limits.length));
        const bills = await cards.listBills(g.brandId, ref, id, { page: all });
        assertConforms(FILES.CARDS, `${base}/bills`, paged(bills.items, bills.totalRecords));
        for (const bill of bills.items) {
          const txs = await cards.listBillTransactions(g.brandId, ref, id, bill.billId, { page: all });
          assertConforms(
            FILES.CARDS,
            `${base}/bills/{billId}/transactions`,
            paged(txs.items, txs.totalRecords),
          );
        }
        const window = { fromTransactionDate: '2024-07-01', toTransactionDate: g.asOf, paging: all };
        const txs = await cards.listTransactions(g.brandId, ref, id, window);
        assertConforms(FILES.CARDS, `${base}/transactions`, single(txs.items));
        checked += 1;
      }
    }
    assert.ok(checked >= 5, `${checked} card accounts checked`);
  });

  it('loans 2.5.0, financings 2.4.0, unarranged-accounts-overdraft 2.5.0, invoice-financings 2.4.0', async () => {
    const ops = connector.creditOperations!;
    const checked = new Map<CreditOperationType, number>();
    for (const customer of bank.customers) {
      const ref = await bank.refOf(customer);
      for (const type of CREDIT_OPERATION_TYPES) {
        const file = FILES[type];
        const list = await ops.listContracts(g.brandId, ref, type, { page: all });
        assertConforms(file, '/contracts', paged(list.items, list.totalRecords));
        for (const { contractId } of list.items) {
          assertConforms(
            file,
            '/contracts/{contractId}',
            single(await ops.getContract(g.brandId, ref, type, contractId)),
          );
          const warranties = await ops.listWarranties(g.brandId, ref, type, contractId, { page: all });
          assertConforms(
            file,
            '/contracts/{contractId}/warranties',
            paged(warranties.items, warranties.totalRecords),
          );
          const instalments = await ops.getScheduledInstalments(g.brandId, ref, type, contractId);
          assertConforms(file, '/contracts/{contractId}/scheduled-instalments', single(instalments));
          assertConforms(
            file,
            '/contracts/{contractId}/payments',
            single(await ops.getPayments(g.brandId, ref, type, contractId)),
          );
          checked.set(type, (checked.get(type) ?? 0) + 1);
        }
      }
    }
    for (const type of CREDIT_OPERATION_TYPES)
      assert.ok((checked.get(type) ?? 0) > 0, `some ${type} contracts checked`);
  });
});
