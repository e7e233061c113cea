import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import type { BrandId, CustomerRef } from '../common.ts';
import { ConnectorErrorCode } from '../errors.ts';
import {
  PIX_ACCOUNT_TYPES,
  PIX_CONFLICT,
  PIX_REJECTION_CODES,
  type PixAccount,
  type PixConnector,
  type PixTransfer,
  type PixTransferOrder,
} from '../pix.ts';
import { assertRejectsWithCode } from './spec-formats.ts';

/** `IsoDateTime`: RFC 3339 UTC (a fraction of a second tolerated). */
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

/**
 * What the Pix rail contract tests need to know about the core under test (an institution points
 * these at its homologation data). Transfers really are submitted: use test accounts.
 */
export interface PixRailContractFixtures {
  readonly brandId: BrandId;
  /** A customer and one of their accounts that can pay `amount` several times over. */
  readonly payer: { readonly customer: CustomerRef; readonly accountId: string };
  /** Another customer of the brand and their account: never usable by `payer`. */
  readonly otherCustomer: { readonly customer: CustomerRef; readonly accountId: string };
  /** An account at another institution that accepts transfers: a transfer to it settles. */
  readonly creditor: PixTransferOrder['creditor'];
  /** An account the receiving PSP (or the SPI) refuses: a transfer to it ends REJECTED. Optional. */
  readonly refusingCreditor?: PixAccount;
  /** What each transfer moves (default `'0.01'`). */
  readonly amount?: string;
  /** An amount `payer`'s account cannot pay, balance and overdraft together: ends SALDO_INSUFICIENTE. */
  readonly insufficientAmount?: string;
  /** A Pix key registered in the DICT the rail resolves against. Optional. */
  readonly pixKey?: string;
  /** How long a transfer may take to end, in milliseconds (default 30000). */
  readonly settleTimeoutMs?: number;
  /** A brand id `payer` is not a customer of (default `no-such-brand`). */
  readonly foreignBrandId?: BrandId;
}

export interface PixRailContractOptions {
  /** Called after the suite, to release what `makeRail` opened. */
  readonly close?: () => Promise<void>;
}

/**
 * Declares the Pix rail contract tests (`PixConnector`) with `node:test`: Pix identification
 * formats, debtor accounts scoped to their customer and brand, transfers that end exactly once,
 * idempotency by `endToEndId`, conflicts, insufficient funds and the receiving PSP's refusal.
 *
 * @example
 *   // my-pix.contract.test.ts
 *   runPixRailContractTests(() => createMyPixRail(config), {
 *     brandId: 'bank-a',
 *     payer: { customer: { customerId: 'c1', personType: 'PESSOA_NATURAL' }, accountId: 'acc-1' },
 *     otherCustomer: { customer: { customerId: 'c2', personType: 'PESSOA_NATURAL' }, accountId: 'acc-2' },
 *     creditor: { ispb: '99999999', issuer: '0001', number: '123456', accountType: 'CACC' },
 *     insufficientAmount: '99999999.00',
 *   });
 */
export function runPixRailContractTests(
  makeRail: () => PixConnector | Promise<PixConnector>,
  fixtures: PixRailContractFixtures | (() => PixRailContractFixtures | Promise<PixRailContractFixtures>),
  options: PixRailContractOptions = {},
): void {
  void describe('connector contract', async () => {
    const rail = await makeRail();
    const resolved = typeof fixtures === 'function' ? await fixtures() : fixtures;
    void describe('pix', () => registerPixSuite(rail, resolved));
    if (options.close) after(options.close);
  });
}

/** The Pix rail tests, declared inside the caller's `describe`. */
export function registerPixSuite(rail: PixConnector, f: PixRailContractFixtures): void {
  const amount = f.amount ?? '0.01';
  const timeoutMs = f.settleTimeoutMs ?? 30_000;
  const foreignBrand = f.foreignBrandId ?? 'no-such-brand';
  let ispb: string | undefined;
  const order = async (overrides: Partial<PixTransferOrder> = {}): Promise<PixTransferOrder> => {
    ispb ??= (await rail.getDebtorAccount(f.brandId, f.payer.customer, f.payer.accountId)).ispb;
    return { endToEndId: endToEndId(ispb), debtor: f.payer, amount, creditor: f.creditor, ...overrides };
  };
  const ended = async (endToEndId: string): Promise<PixTransfer> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const transfer = await rail.getTransfer(f.brandId, endToEndId);
      assert.ok(transfer, `getTransfer finds ${endToEndId}`);
      if (transfer.status !== 'PENDING') return transfer;
      assert.ok(Date.now() < deadline, `${endToEndId} ended within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  void it("lists the payer's debtor accounts with their Pix identification", async () => {
    const accounts = await rail.listDebtorAccounts(f.brandId, f.payer.customer);
    assert.ok(
      accounts.some((a) => a.accountId === f.payer.accountId),
      'the payer account is listed',
    );
    for (const account of accounts) assertPixAccount(account, `account ${account.accountId}`);
    const one = await rail.getDebtorAccount(f.brandId, f.payer.customer, f.payer.accountId);
    assert.deepEqual(
      one,
      accounts.find((a) => a.accountId === f.payer.accountId),
    );
    assert.equal(one.allowsPayments, true, 'the payer account allows payments');
  });

  void it("never lets a customer pay from another customer's or another brand's account", async () => {
    const { customer, accountId } = f.payer;
    const other = f.otherCustomer.accountId;
    await assertRejectsWithCode(
      () => rail.getDebtorAccount(f.brandId, customer, other),
      ConnectorErrorCode.RESOURCE_NOT_FOUND,
      "getDebtorAccount of another customer's account",
    );
    await assertRejectsWithCode(
      () => rail.getDebtorAccount(foreignBrand, customer, accountId),
      ConnectorErrorCode.RESOURCE_NOT_FOUND,
      'getDebtorAccount at another brand',
    );
    const listed = await rail.listDebtorAccounts(f.brandId, customer);
    assert.ok(!listed.some((a) => a.accountId === other), "the other customer's account is not listed");
    const fromOther = await order({ debtor: { customer, accountId: other } });
    await assertRejectsWithCode(
      () => rail.submitTransfer(f.brandId, fromOther),
      ConnectorErrorCode.RESOURCE_NOT_FOUND,
      "submitTransfer from another customer's account",
    );
    const fromNowhere = await order({ debtor: { customer, accountId: 'no-such-account' } });
    await assertRejectsWithCode(
      () => rail.submitTransfer(f.brandId, fromNowhere),
      ConnectorErrorCode.RESOURCE_NOT_FOUND,
      'submitTransfer from an account that does not exist',
    );
  });

  void it('settles a submitted transfer exactly once, and getTransfer tells its status', async () => {
    const o = await order();
    const submitted = await rail.submitTransfer(f.brandId, o);
    assertTransfer(submitted, o);
    assert.notEqual(submitted.status, 'REJECTED', `${JSON.stringify(submitted.rejection)}`);
    const final = await ended(o.endToEndId);
    assertTransfer(final, o);
    assert.equal(final.status, 'SETTLED', `${JSON.stringify(final.rejection)}`);
    assert.equal(final.rejection, undefined);
    assert.ok(final.finishedAt, 'a settled transfer says when it ended');
    assert.deepEqual(await rail.getTransfer(f.brandId, o.endToEndId), final, 'it stays settled');
  });

  void it('is idempotent by endToEndId: the same order again returns the transfer it created', async () => {
    const o = await order();
    const [a, b] = await Promise.all([rail.submitTransfer(f.brandId, o), rail.submitTransfer(f.brandId, o)]);
    assert.equal(a.submittedAt, b.submittedAt, 'one transfer, not two');
    const final = await ended(o.endToEndId);
    const again = await rail.submitTransfer(f.brandId, o);
    assert.equal(again.submittedAt, a.submittedAt);
    assert.equal(again.status, final.status, 'a replay after the end returns the ended transfer');
  });

  void it('refuses an endToEndId reused for a different order', async () => {
    const o = await order();
    await rail.submitTransfer(f.brandId, o);
    await assertRejectsWithCode(
      () => rail.submitTransfer(f.brandId, { ...o, amount: twice(o.amount) }),
      PIX_CONFLICT,
      'the same endToEndId with another amount',
    );
  });

  void it('knows nothing of an endToEndId never submitted, nor of one submitted at another brand', async () => {
    const o = await order();
    assert.equal(await rail.getTransfer(f.brandId, o.endToEndId), undefined);
    await rail.submitTransfer(f.brandId, o);
    assert.equal(await rail.getTransfer(foreignBrand, o.endToEndId), undefined);
  });

  void it('rejects with SALDO_INSUFICIENTE what the account cannot pay', async (t) => {
    if (!f.insufficientAmount) return t.skip('no insufficientAmount fixture');
    const o = await order({ amount: f.insufficientAmount });
    await rail.submitTransfer(f.brandId, o);
    const final = await ended(o.endToEndId);
    assert.equal(final.status, 'REJECTED');
    assert.equal(final.rejection?.code, 'SALDO_INSUFICIENTE');
  });

  void it('ends REJECTED with a spec rejection code when the receiving PSP refuses', async (t) => {
    if (!f.refusingCreditor) return t.skip('no refusingCreditor fixture');
    const o = await order({ creditor: f.refusingCreditor });
    await rail.submitTransfer(f.brandId, o);
    const final = await ended(o.endToEndId);
    assert.equal(final.status, 'REJECTED');
    assert.ok(final.rejection, 'a rejected transfer says why');
    assert.ok(PIX_REJECTION_CODES.includes(final.rejection.code), `${final.rejection.code} is a spec code`);
    assert.ok(final.rejection.detail.length > 0, 'with a detail');
    assert.ok(final.finishedAt, 'a rejected transfer says when it ended');
  });

  void it('resolves a registered Pix key and nothing for an unknown one', async () => {
    assert.equal(
      await rail.resolveKey(f.brandId, `nobody-${randomBytes(4).toString('hex')}@example.com`),
      undefined,
    );
    if (!f.pixKey) return;
    const entry = await rail.resolveKey(f.brandId, f.pixKey);
    assert.ok(entry, `${f.pixKey} resolves`);
    assert.equal(entry.key, f.pixKey);
    assertPixAccount(entry.account, 'the key account');
    assert.match(entry.ownerDocument, /^(\d{11}|\d{14})$/);
    assert.ok(entry.ownerName.length > 0);
  });
}

function assertPixAccount(account: PixAccount, label: string): void {
  assert.match(account.ispb, /^\d{8}$/, `${label}: ispb`);
  assert.match(account.number, /^\d{1,20}$/, `${label}: number`);
  assert.ok(PIX_ACCOUNT_TYPES.includes(account.accountType), `${label}: accountType ${account.accountType}`);
  if (account.accountType !== 'TRAN') assert.match(account.issuer ?? '', /^\d{1,4}$/, `${label}: issuer`);
}

function assertTransfer(transfer: PixTransfer, o: PixTransferOrder): void {
  assert.equal(transfer.endToEndId, o.endToEndId);
  assert.equal(transfer.amount, o.amount);
  assert.ok(['PENDING', 'SETTLED', 'REJECTED'].includes(transfer.status), transfer.status);
  assert.match(transfer.submittedAt, DATE_TIME);
  if (transfer.finishedAt !== undefined) assert.match(transfer.finishedAt, DATE_TIME);
  assert.equal(
    transfer.rejection !== undefined,
    transfer.status === 'REJECTED',
    'rejection exactly when REJECTED',
  );
}

/** payments.yaml `EndToEndIdWithoutRestriction`: `E` + ISPB + `yyyyMMddHHmm` (UTC) + 11 characters. */
function endToEndId(ispb: string): string {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 12);
  const sequence = randomBytes(8).toString('hex').slice(0, 11);
  return `E${ispb}${stamp}${sequence}`;
}

function twice(amount: string): string {
  return (Number(amount) * 2).toFixed(2);
}
