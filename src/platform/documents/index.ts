/**
 * Brazilian taxpayer documents: CPF (natural persons) and CNPJ (legal persons, numeric and the
 * 2026 alphanumeric format). Validation, canonical form, display mask and seeded generation.
 */
export type { RandomSource } from './random-source.ts';
export { cpfCheckDigits, formatCpf, generateCpf, isValidCpf, normaliseCpf } from './cpf.ts';
export {
  cnpjCheckDigits,
  formatCnpj,
  generateCnpj,
  isValidCnpj,
  normaliseCnpj,
  type GenerateCnpjOptions,
} from './cnpj.ts';
