import { randomDigit, type RandomSource } from './random-source.ts';

/**
 * CPF (Cadastro de Pessoas Físicas): 9 base digits and 2 mod-11 check digits (Receita Federal,
 * IN RFB 2.172/2024). Open Finance carries it bare, `^\d{11}$` (customers 2.2.1
 * `PersonalDocument.cpfNumber`); people type it masked, `000.000.000-00`. Both are accepted here.
 */

const CPF_INPUT = /^(\d{3})\.?(\d{3})\.?(\d{3})-?(\d{2})$/;

/** The two check digits of a 9-digit CPF base, as a 2-character string. */
export function cpfCheckDigits(base: string): string {
  if (!/^\d{9}$/.test(base)) throw new RangeError('a CPF base has exactly 9 digits');
  const first = mod11Digit(base, 10);
  const second = mod11Digit(base + String(first), 11);
  return `${first}${second}`;
}

/**
 * The canonical form (11 bare digits) of a valid CPF, or `null` when the input is not a CPF:
 * wrong shape, wrong check digits, or all digits equal (`111.111.111-11` passes the arithmetic but
 * is never issued).
 */
export function normaliseCpf(input: string): string | null {
  const match = CPF_INPUT.exec(input.trim());
  if (match === null) return null;
  const digits = match.slice(1).join('');
  if (isRepeated(digits)) return null;
  return cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9) ? digits : null;
}

/** Whether the input, masked (`123.456.789-09`) or bare (`12345678909`), is a valid CPF. */
export function isValidCpf(input: string): boolean {
  return normaliseCpf(input) !== null;
}

/** `12345678909` → `123.456.789-09`. Throws on anything that is not a valid CPF. */
export function formatCpf(input: string): string {
  const cpf = normaliseCpf(input);
  if (cpf === null) throw new RangeError('not a valid CPF');
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}

/** A valid, bare CPF drawn from `random` (same sequence of draws → same CPF). */
export function generateCpf(random: RandomSource): string {
  for (;;) {
    let base = '';
    for (let i = 0; i < 9; i += 1) base += String(randomDigit(random));
    if (!isRepeated(base)) return base + cpfCheckDigits(base);
  }
}

function mod11Digit(digits: string, firstWeight: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += Number(digits[i]) * (firstWeight - i);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function isRepeated(value: string): boolean {
  return value.split('').every((c) => c === value[0]);
}
