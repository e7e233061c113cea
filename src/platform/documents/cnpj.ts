import { randomDigit, type RandomSource } from './random-source.ts';

/**
 * CNPJ (Cadastro Nacional da Pessoa Jurídica): 8 root + 4 branch characters and 2 mod-11 check
 * digits. From July 2026 the 12 base characters may be letters too (IN RFB 2.229/2024, the
 * "CNPJ alfanumérico"); check digits stay numeric and every character counts as its ASCII code
 * minus 48 (`0`–`9` → 0–9, `A` → 17 … `Z` → 42), which leaves numeric CNPJs unchanged. Open Finance
 * already admits that shape (`^[0-9A-Z]{12}[0-9]{2}$`, consents 3.3.1) while most Phase-2 fields
 * still say `^\d{14}$`.
 */

const CNPJ_INPUT = /^([0-9A-Z]{2})\.?([0-9A-Z]{3})\.?([0-9A-Z]{3})\/?([0-9A-Z]{4})-?(\d{2})$/;
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The two check digits of a 12-character CNPJ base (digits or, since 2026, upper-case letters). */
export function cnpjCheckDigits(base: string): string {
  if (!/^[0-9A-Z]{12}$/.test(base)) throw new RangeError('a CNPJ base has exactly 12 characters [0-9A-Z]');
  const first = weightedDigit(base, FIRST_WEIGHTS);
  const second = weightedDigit(base + String(first), SECOND_WEIGHTS);
  return `${first}${second}`;
}

/**
 * The canonical form (14 bare upper-case characters) of a valid CNPJ, or `null`. Accepts the mask
 * `00.000.000/0000-00`, bare input, and lower-case letters (normalised to upper case). All-equal
 * bases (`00.000.000/0000-00`, `11111111111111` …) are refused: the arithmetic passes, the
 * Receita never issues them.
 */
export function normaliseCnpj(input: string, options: { alphanumeric?: boolean } = {}): string | null {
  const match = CNPJ_INPUT.exec(input.trim().toUpperCase());
  if (match === null) return null;
  const value = match.slice(1).join('');
  if (options.alphanumeric === false && !/^\d{14}$/.test(value)) return null;
  if (value.split('').every((c) => c === value[0])) return null;
  return cnpjCheckDigits(value.slice(0, 12)) === value.slice(12) ? value : null;
}

/**
 * Whether the input is a valid CNPJ. Alphanumeric CNPJs are accepted unless
 * `{ alphanumeric: false }` (use that for fields whose spec pattern is still `^\d{14}$`).
 */
export function isValidCnpj(input: string, options: { alphanumeric?: boolean } = {}): boolean {
  return normaliseCnpj(input, options) !== null;
}

/** `11222333000181` → `11.222.333/0001-81`. Throws on anything that is not a valid CNPJ. */
export function formatCnpj(input: string): string {
  const c = normaliseCnpj(input);
  if (c === null) throw new RangeError('not a valid CNPJ');
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

export interface GenerateCnpjOptions {
  /** The 4-character establishment number; `0001` (the head office) unless told. */
  branch?: string;
  /** Draw the 8-character root from [0-9A-Z] (2026 format) instead of digits only. */
  alphanumeric?: boolean;
}

/** A valid, bare CNPJ drawn from `random` (same sequence of draws → same CNPJ). */
export function generateCnpj(random: RandomSource, options: GenerateCnpjOptions = {}): string {
  const branch = options.branch ?? '0001';
  if (!/^[0-9A-Z]{4}$/.test(branch)) throw new RangeError('a CNPJ branch has exactly 4 characters [0-9A-Z]');
  const alphabet = options.alphanumeric === true ? ALPHANUMERIC : ALPHANUMERIC.slice(0, 10);
  for (;;) {
    let root = '';
    for (let i = 0; i < 8; i += 1) root += alphabet[randomDigit(random, alphabet.length)];
    const base = root + branch;
    if (!base.split('').every((c) => c === base[0])) return base + cnpjCheckDigits(base);
  }
}

function weightedDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i += 1) sum += (chars.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}
