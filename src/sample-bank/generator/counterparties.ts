import { generateCnpj, generateCpf } from '../../platform/documents/index.ts';
import { COMPANY_TYPES, SURNAMES, TRADES, TRADE_SUFFIXES } from './names.ts';
import { createRandom, type Random } from './random.ts';

/** Who sits on the other side of a transaction. */
export type CounterpartyKind = 'EMPLOYER' | 'MERCHANT' | 'UTILITY' | 'PERSON';

export interface Counterparty {
  /** Position in the brand's pool (stable for a given seed and brand). */
  readonly id: number;
  readonly kind: CounterpartyKind;
  readonly personType: 'PESSOA_NATURAL' | 'PESSOA_JURIDICA';
  readonly document: string;
  /** Company or trade name (natural persons' names never reach transactions). */
  readonly name: string | null;
  readonly compeCode: string;
  readonly branchCode: string;
  readonly number: string;
  readonly checkDigit: string;
  /** Utilities: how their monthly bill is paid. */
  readonly bill?: UtilityBill;
}

/** A household bill: due day, how it is collected, its typical size, and the months it is charged. */
export interface UtilityBill {
  readonly dueDay: number;
  /** Utilities and taxes are collected by convênio (barcode of the concessionaire); the rest by boleto. */
  readonly type: 'CONVENIO_ARRECADACAO' | 'BOLETO';
  /** Typical amount as a share of the customer's monthly income. */
  readonly incomeShare: number;
  /** Months (1–12) it is charged in; every month when absent. */
  readonly months?: readonly number[];
}

export interface CounterpartyPool {
  readonly all: readonly Counterparty[];
  readonly employers: readonly Counterparty[];
  readonly merchants: readonly Counterparty[];
  readonly utilities: readonly Counterparty[];
  readonly persons: readonly Counterparty[];
}

/**
 * Fixed sizes, independent of how many customers are seeded, so customer 7 of seed 42 has the
 * same employer whether the brand has 10 customers or 100,000.
 */
export const POOL_SIZES = { EMPLOYER: 400, MERCHANT: 240, PERSON: 2000 } as const;

/** Other banks' STR codes (BB, Santander, Caixa, Bradesco, Itaú, Nubank, Inter, C6, Sicoob). */
const OTHER_BANKS = [
  ['001', 18],
  ['033', 8],
  ['104', 16],
  ['237', 14],
  ['341', 16],
  ['260', 14],
  ['077', 5],
  ['336', 4],
  ['756', 5],
] as const;

const UTILITIES: readonly (readonly [name: string, bill: UtilityBill])[] = [
  ['Companhia de Energia Elétrica', { dueDay: 10, type: 'CONVENIO_ARRECADACAO', incomeShare: 0.04 }],
  ['Companhia de Saneamento', { dueDay: 15, type: 'CONVENIO_ARRECADACAO', incomeShare: 0.025 }],
  ['Telefonia Móvel Brasil', { dueDay: 20, type: 'BOLETO', incomeShare: 0.03 }],
  ['Internet Fibra Total', { dueDay: 12, type: 'BOLETO', incomeShare: 0.03 }],
  ['Gás Encanado Distribuidora', { dueDay: 18, type: 'CONVENIO_ARRECADACAO', incomeShare: 0.02 }],
  ['Plano de Saúde Vida Plena', { dueDay: 5, type: 'BOLETO', incomeShare: 0.12 }],
  ['Escola Caminho do Saber', { dueDay: 8, type: 'BOLETO', incomeShare: 0.15 }],
  ['Condomínio Residencial', { dueDay: 10, type: 'BOLETO', incomeShare: 0.1 }],
  ['Seguradora Proteção Total', { dueDay: 25, type: 'BOLETO', incomeShare: 0.04 }],
  ['Streaming Play', { dueDay: 7, type: 'BOLETO', incomeShare: 0.01 }],
  // IPTU in ten instalments from February, IPVA paid in January (the January peak of bills).
  [
    'Prefeitura Municipal IPTU',
    { dueDay: 15, type: 'CONVENIO_ARRECADACAO', incomeShare: 0.04, months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  ],
  ['Secretaria da Fazenda IPVA', { dueDay: 20, type: 'CONVENIO_ARRECADACAO', incomeShare: 0.5, months: [1] }],
];

export function digitCheck(number: string): string {
  let sum = 0;
  for (let i = 0; i < number.length; i += 1) sum += Number(number[i]) * ((i % 8) + 2);
  const rest = 11 - (sum % 11);
  return rest >= 10 ? '0' : String(rest);
}

function bankAccount(random: Random, compeCode?: string) {
  const number = String(random.int(10_000_000, 99_999_999));
  return {
    compeCode: compeCode ?? random.weighted(OTHER_BANKS),
    branchCode: String(random.int(1, 4999)).padStart(4, '0'),
    number,
    checkDigit: digitCheck(number),
  };
}

export function companyName(random: Random): { legal: string; trade: string } {
  const trade = `${random.pick(TRADES)} ${random.chance(0.5) ? random.pick(TRADE_SUFFIXES) : random.pick(SURNAMES)}`;
  return { legal: `${trade} ${random.pick(COMPANY_TYPES)}`, trade };
}

/** The brand's counterparty pool, deterministic in (seed, brandId). */
export function generateCounterpartyPool(seed: number, brandId: string): CounterpartyPool {
  const random = createRandom(seed, brandId, 'counterparties');
  const all: Counterparty[] = [];
  const add = (c: Omit<Counterparty, 'id'>) => {
    const full = { ...c, id: all.length };
    all.push(full);
    return full;
  };
  const company = (kind: CounterpartyKind, name: string, bill?: UtilityBill) =>
    add({
      kind,
      personType: 'PESSOA_JURIDICA',
      document: generateCnpj(random),
      name,
      ...bankAccount(random),
      ...(bill === undefined ? {} : { bill }),
    });
  const utilities = UTILITIES.map(([name, bill]) => company('UTILITY', name, bill));
  const employers = Array.from({ length: POOL_SIZES.EMPLOYER }, () =>
    company('EMPLOYER', companyName(random).legal),
  );
  const merchants = Array.from({ length: POOL_SIZES.MERCHANT }, () =>
    company('MERCHANT', companyName(random).trade),
  );
  const persons = Array.from({ length: POOL_SIZES.PERSON }, () =>
    add({
      kind: 'PERSON',
      personType: 'PESSOA_NATURAL',
      document: generateCpf(random),
      name: null,
      ...bankAccount(random),
    }),
  );
  return { all, employers, merchants, utilities, persons };
}
