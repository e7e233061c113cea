import assert from 'node:assert/strict';
import { isValidCnpj, isValidCpf } from '../../../platform/documents/index.ts';
import type { Amount } from '../common.ts';
import { isIsoDate } from '../validation.ts';

/** Patterns copied from the Phase-2 OpenAPI files (accounts 2.4.2, customers 2.2.1). */
export const SPEC = {
  id: /^[a-zA-Z0-9][a-zA-Z0-9-]{0,99}$/,
  amount: /^\d{1,15}\.\d{2,4}$/,
  signedAmount: /^-?\d{1,15}\.\d{2,4}$/,
  currency: /^[A-Z]{3}$/,
  dateTime: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/,
  dateTimeMillis: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/,
  compeCode: /^\d{3}$/,
  branchCode: /^\d{4}$/,
  accountNumber: /^\d{8,20}$/,
  postCode: /^\d{8}$/,
  ibgeTownCode: /^\d{7}$/,
  areaCode: /^\d{2,3}$/,
  phoneNumber: /^\d{6,13}$/,
  cnae: /^\d{7}$/,
} as const;

export function assertAmount(
  value: Amount | undefined,
  label: string,
  options: { signed?: boolean } = {},
): void {
  assert.ok(value, `${label} is present`);
  assert.match(value.amount, options.signed === true ? SPEC.signedAmount : SPEC.amount, `${label}.amount`);
  assert.match(value.currency, SPEC.currency, `${label}.currency`);
}

export function assertDate(value: string | undefined, label: string): void {
  assert.ok(value !== undefined && isIsoDate(value), `${label} is a YYYY-MM-DD date (got ${String(value)})`);
}

export function assertDateTime(value: string | undefined, label: string): void {
  assert.match(value ?? '', SPEC.dateTime, `${label} is an RFC 3339 UTC date-time`);
}

export function assertCpf(value: string | undefined, label: string): void {
  assert.ok(
    value !== undefined && /^\d{11}$/.test(value) && isValidCpf(value),
    `${label} is a bare valid CPF`,
  );
}

export function assertCnpj(value: string | undefined, label: string): void {
  assert.ok(
    value !== undefined && /^\d{14}$/.test(value) && isValidCnpj(value),
    `${label} is a bare valid CNPJ`,
  );
}

export function assertCpfOrCnpj(value: string | undefined, label: string): void {
  if (value?.length === 11) assertCpf(value, label);
  else assertCnpj(value, label);
}

/** At most one item flagged `isMain` (and exactly one when the list is not empty). */
export function assertOneMain(items: readonly { isMain: boolean }[], label: string): void {
  if (items.length === 0) return;
  assert.equal(items.filter((i) => i.isMain).length, 1, `${label}: exactly one isMain`);
}

/** The booking date (Brasília calendar day) of an RFC 3339 instant. */
export function brasiliaDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date(instant));
}

/** Runs `fn` and checks that it fails with an `AppError` carrying `code`. */
export async function assertRejectsWithCode(
  fn: () => Promise<unknown>,
  code: string,
  label: string,
): Promise<void> {
  await assert.rejects(fn, (error: unknown) => {
    assert.equal((error as { code?: unknown }).code, code, label);
    return true;
  });
}
