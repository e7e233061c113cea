import type {
  ContractedFee,
  CreditOperationType,
  LoanProductSubTypeCategory,
  ProductSubTypeOf,
  ProductTypeOf,
  WarrantySubType,
  WarrantyType,
} from '../../connectors/index.ts';
import type { Random } from '../generator/random.ts';
import { priceInstalment } from './amortization.ts';
import { roundTo } from './money.ts';

/**
 * The sample bank's credit products: who holds them, how big, how long, at what rate, with which
 * fees and warranties. Rates are effective monthly fractions in line with the BCB's published
 * averages for each modality (2024–2025): consigned credit under the INSS cap, cheque especial
 * under the 8 % a.m. cap of Resolução CMN 4.765, personal credit far above both.
 */

/** INSTALMENTS: Price or SAC schedule; BULLET: one payment at maturity; REVOLVING: a limit with no schedule. */
export type ScheduleKind = 'INSTALMENTS' | 'BULLET' | 'REVOLVING';

/** How the rate is indexed: fixed, CDI + spread, TR + spread (housing), rural credit rates. */
export type Indexer = 'PRE' | 'CDI' | 'TR' | 'RURAL';

export interface FeeTemplate extends Omit<ContractedFee, 'feeAmount' | 'feeRate'> {
  /** Inclusive range in cents (fixed fees) or fraction (PERCENTUAL). */
  readonly range: readonly [number, number];
}

export interface WarrantyDraft {
  readonly warrantyType: WarrantyType;
  readonly warrantySubType: WarrantySubType;
  readonly amountCents: number;
}

export interface SizingInput {
  readonly random: Random;
  /** Monthly income (person) or revenue (company), in cents. */
  readonly incomeCents: number;
  readonly monthlyRate: number;
  readonly term: number;
}

interface ProfileBase<T extends CreditOperationType> {
  readonly key: string;
  readonly type: T;
  readonly productType: ProductTypeOf<T>;
  readonly productSubType: ProductSubTypeOf<T>;
  readonly productName: string;
  /** Modality + submodality digits of the IPOC (Doc 3040 style). */
  readonly modality: string;
  /** Probability that a customer of each person type holds the product. */
  readonly share: { readonly PESSOA_NATURAL: number; readonly PESSOA_JURIDICA: number };
  /** Successive contracts a holder has had (older ones settled). */
  readonly contracts: readonly [number, number];
  readonly kind: ScheduleKind;
  readonly systems?: readonly (readonly ['PRICE' | 'SAC', number])[];
  /** Months between instalments (1 monthly, 6 half-yearly …). */
  readonly periodMonths?: number;
  /** Months (INSTALMENTS, REVOLVING renewal) or days (BULLET). */
  readonly term: readonly [number, number];
  readonly monthlyRate: readonly [number, number];
  readonly indexer: Indexer;
  readonly calculation: '21/252' | '30/360' | '30/365';
  /** Principal (or limit) in cents. */
  principal(input: SizingInput): number;
  readonly fees: readonly FeeTemplate[];
  warranties(principalCents: number, random: Random): WarrantyDraft[];
  readonly insuranceShare: number;
  /** Share of contracts with a final balloon, and the principal fraction it carries. */
  readonly balloon?: { readonly share: number; readonly fraction: readonly [number, number] };
  readonly category?: LoanProductSubTypeCategory;
}

export type ProductProfile = { [K in CreditOperationType]: ProfileBase<K> }[CreditOperationType];

const uniform = (r: Random, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * r.next();
const scaled = (r: Random, income: number, range: readonly [number, number], step = 10_000) =>
  roundTo(Math.round(income * uniform(r, range)), step);
/** Principal whose Price instalment is `share` of the income: the consigned-credit margin. */
const byInstalment = (
  { random, incomeCents, monthlyRate, term }: SizingInput,
  share: readonly [number, number],
) => {
  const pmt = incomeCents * uniform(random, share);
  const unit = priceInstalment(1_000_000, monthlyRate, term) / 1_000_000;
  return roundTo(Math.round(pmt / unit), 10_000);
};

const CADASTRO: FeeTemplate = {
  feeName: 'Tarifa de cadastro', feeCode: 'CADASTRO', feeChargeType: 'UNICA', feeCharge: 'FIXO', range: [20_000, 90_000],
}; // prettier-ignore
const AVALIACAO_BEM: FeeTemplate = {
  feeName: 'Avaliação, reavaliação e substituição de bens recebidos em garantia', feeCode: 'AVALIACAO_BEM',
  feeChargeType: 'UNICA', feeCharge: 'FIXO', range: [30_000, 60_000],
}; // prettier-ignore
const ADMINISTRACAO: FeeTemplate = {
  feeName: 'Taxa de administração do contrato', feeCode: 'ADMINISTRACAO', feeChargeType: 'POR_PARCELA',
  feeCharge: 'FIXO', range: [2_500, 2_500],
}; // prettier-ignore
const ADIANTAMENTO: FeeTemplate = {
  feeName: 'Concessão de adiantamento a depositante', feeCode: 'ADIANT_DEPOSITANTE', feeChargeType: 'UNICA',
  feeCharge: 'FIXO', range: [1_500, 3_000],
}; // prettier-ignore
const DESCONTO_TITULO: FeeTemplate = {
  feeName: 'Tarifa de desconto por título', feeCode: 'DESCONTO_TITULO', feeChargeType: 'UNICA',
  feeCharge: 'FIXO', range: [500, 1_200],
}; // prettier-ignore
const ABERTURA_LIMITE: FeeTemplate = {
  feeName: 'Abertura e renovação de limite', feeCode: 'LIMITE', feeChargeType: 'UNICA', feeCharge: 'PERCENTUAL',
  range: [0.005, 0.02],
}; // prettier-ignore

const none = () => [];
const fiduciary = (subType: WarrantySubType, markup: readonly [number, number]) => (p: number, r: Random) => [
  {
    warrantyType: 'ALIENACAO_FIDUCIARIA' as const,
    warrantySubType: subType,
    amountCents: roundTo(p * uniform(r, markup), 100_000),
  },
];
const guarantor = (p: number, r: Random): WarrantyDraft[] => [
  // Partners' surety: a share of the debt, often with no monetary value (spec: 0.00).
  {
    warrantyType: 'GARANTIA_FIDEJUSSORIA',
    warrantySubType: 'PESSOA_FISICA',
    amountCents: r.chance(0.5) ? 0 : p,
  },
];
const receivables = (subType: WarrantySubType) => (p: number, r: Random) => [
  {
    warrantyType: 'CESSAO_DIREITOS_CREDITORIOS' as const,
    warrantySubType: subType,
    amountCents: roundTo(p * uniform(r, [1.1, 1.4]), 100),
  },
];

const PF = (p: number) => ({ PESSOA_NATURAL: p, PESSOA_JURIDICA: 0 });
const PJ = (p: number) => ({ PESSOA_NATURAL: 0, PESSOA_JURIDICA: p });

export const PRODUCTS: readonly ProductProfile[] = [
  // ---- loans (EMPRESTIMOS) ----
  {
    key: 'personal', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'CREDITO_PESSOAL_SEM_CONSIGNACAO',
    category: 'CREDITO_PESSOAL_CLEAN', productName: 'Crédito Pessoal', modality: '0203', share: PF(0.12),
    contracts: [1, 2], kind: 'INSTALMENTS', systems: [['PRICE', 1]], term: [6, 48], monthlyRate: [0.035, 0.075],
    indexer: 'PRE', calculation: '30/360', principal: (s) => scaled(s.random, s.incomeCents, [0.8, 5]),
    fees: [CADASTRO], warranties: none, insuranceShare: 0.45,
  },
  {
    key: 'payroll', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'CREDITO_PESSOAL_COM_CONSIGNACAO',
    category: 'OUTRO', productName: 'Crédito Consignado', modality: '0202', share: PF(0.1), contracts: [1, 2],
    kind: 'INSTALMENTS', systems: [['PRICE', 1]], term: [24, 84], monthlyRate: [0.0155, 0.0185], indexer: 'PRE',
    calculation: '30/360', principal: (s) => byInstalment(s, [0.08, 0.3]), fees: [], warranties: none,
    insuranceShare: 0.1,
  },
  {
    key: 'overdraft-limit', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'CHEQUE_ESPECIAL',
    category: 'OUTRO', productName: 'Cheque Especial', modality: '0213', share: PF(0.1), contracts: [1, 1],
    kind: 'REVOLVING', term: [12, 12], monthlyRate: [0.06, 0.08], indexer: 'PRE', calculation: '30/360',
    principal: (s) => scaled(s.random, s.incomeCents, [0.3, 1.5]), fees: [], warranties: none, insuranceShare: 0,
  },
  {
    key: 'home-equity', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'HOME_EQUITY', category: 'OUTRO',
    productName: 'Crédito com Garantia de Imóvel', modality: '0211', share: PF(0.01), contracts: [1, 1],
    kind: 'INSTALMENTS', systems: [['SAC', 1], ['PRICE', 1]], term: [60, 180], monthlyRate: [0.011, 0.016],
    indexer: 'PRE', calculation: '30/360', principal: (s) => scaled(s.random, s.incomeCents, [8, 30], 100_000),
    fees: [CADASTRO, AVALIACAO_BEM], warranties: fiduciary('IMOVEIS_RESIDENCIAIS', [2, 3]), insuranceShare: 1,
  },
  {
    key: 'microcredit', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'MICROCREDITO_PRODUTIVO_ORIENTADO',
    category: 'OUTRO', productName: 'Microcrédito Produtivo Orientado', modality: '0218',
    share: { PESSOA_NATURAL: 0.01, PESSOA_JURIDICA: 0.02 }, contracts: [1, 2], kind: 'INSTALMENTS',
    systems: [['PRICE', 1]], term: [4, 24], monthlyRate: [0.02, 0.04], indexer: 'PRE', calculation: '30/360',
    principal: (s) => roundTo(Math.min(2_000_000, Math.round(s.incomeCents * uniform(s.random, [0.5, 2]))), 10_000),
    fees: [], warranties: none, insuranceShare: 0,
  },
  {
    key: 'working-capital-short', type: 'LOAN', productType: 'EMPRESTIMOS',
    productSubType: 'CAPITAL_GIRO_PRAZO_VENCIMENTO_ATE_365_DIAS', category: 'OUTRO',
    productName: 'Capital de Giro Curto Prazo', modality: '0215', share: PJ(0.15), contracts: [1, 3],
    kind: 'INSTALMENTS', systems: [['PRICE', 1]], term: [3, 12], monthlyRate: [0.015, 0.03], indexer: 'CDI',
    calculation: '21/252', principal: (s) => scaled(s.random, s.incomeCents, [0.2, 1.2], 100_000),
    fees: [ABERTURA_LIMITE], warranties: guarantor, insuranceShare: 0.2,
  },
  {
    key: 'working-capital-long', type: 'LOAN', productType: 'EMPRESTIMOS',
    productSubType: 'CAPITAL_GIRO_PRAZO_VENCIMENTO_SUPERIOR_365_DIAS', category: 'OUTRO',
    productName: 'Capital de Giro Longo Prazo', modality: '0216', share: PJ(0.12), contracts: [1, 2],
    kind: 'INSTALMENTS', systems: [['PRICE', 3], ['SAC', 1]], term: [18, 60], monthlyRate: [0.012, 0.025],
    indexer: 'CDI', calculation: '21/252', principal: (s) => scaled(s.random, s.incomeCents, [0.5, 3], 100_000),
    fees: [ABERTURA_LIMITE],
    warranties: (p, r) => [
      ...guarantor(p, r),
      ...(r.chance(0.4)
        ? [{ warrantyType: 'OPERACOES_GARANTIDAS_OUTRAS_ENTIDADES' as const, warrantySubType: 'FGI_FUNDO_GARANTIDOR_INVESTIMENTOS' as const, amountCents: Math.round(p * 0.8) }]
        : []),
    ],
    insuranceShare: 0.2, balloon: { share: 0.1, fraction: [0.2, 0.4] },
  },
  {
    key: 'revolving-working-capital', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'CAPITAL_GIRO_TETO_ROTATIVO',
    category: 'OUTRO', productName: 'Capital de Giro Rotativo', modality: '0217', share: PJ(0.05), contracts: [1, 1],
    kind: 'REVOLVING', term: [12, 12], monthlyRate: [0.02, 0.04], indexer: 'CDI', calculation: '21/252',
    principal: (s) => scaled(s.random, s.incomeCents, [0.2, 1], 100_000), fees: [ABERTURA_LIMITE],
    warranties: receivables('DUPLICATAS'), insuranceShare: 0,
  },
  {
    key: 'secured-account', type: 'LOAN', productType: 'EMPRESTIMOS', productSubType: 'CONTA_GARANTIDA', category: 'OUTRO',
    productName: 'Conta Garantida', modality: '0206', share: PJ(0.1), contracts: [1, 1], kind: 'REVOLVING',
    term: [12, 12], monthlyRate: [0.025, 0.05], indexer: 'CDI', calculation: '21/252',
    principal: (s) => scaled(s.random, s.incomeCents, [0.2, 0.8], 100_000), fees: [ABERTURA_LIMITE],
    warranties: receivables('DUPLICATAS'), insuranceShare: 0,
  },
  // ---- financings ----
  {
    key: 'vehicle', type: 'FINANCING', productType: 'FINANCIAMENTOS', productSubType: 'AQUISICAO_BENS_VEICULOS_AUTOMOTORES',
    productName: 'Financiamento de Veículos', modality: '0401', share: { PESSOA_NATURAL: 0.08, PESSOA_JURIDICA: 0.06 },
    contracts: [1, 1], kind: 'INSTALMENTS', systems: [['PRICE', 1]], term: [24, 60], monthlyRate: [0.013, 0.023],
    indexer: 'PRE', calculation: '30/360', principal: (s) => scaled(s.random, s.incomeCents, [3, 10], 100_000),
    fees: [CADASTRO, AVALIACAO_BEM], warranties: fiduciary('VEICULOS_AUTOMOTORES', [1.25, 2]), insuranceShare: 0.6,
    balloon: { share: 0.12, fraction: [0.2, 0.35] },
  },
  {
    key: 'goods', type: 'FINANCING', productType: 'FINANCIAMENTOS', productSubType: 'AQUISICAO_BENS_OUTROS_BENS',
    productName: 'Financiamento de Bens e Equipamentos', modality: '0402',
    share: { PESSOA_NATURAL: 0.02, PESSOA_JURIDICA: 0.06 }, contracts: [1, 2], kind: 'INSTALMENTS',
    systems: [['PRICE', 1]], term: [6, 48], monthlyRate: [0.015, 0.035], indexer: 'PRE', calculation: '30/360',
    principal: (s) => scaled(s.random, s.incomeCents, [0.5, 3]), fees: [CADASTRO],
    warranties: fiduciary('EQUIPAMENTOS', [1.1, 1.5]), insuranceShare: 0.3,
  },
  {
    key: 'housing-sfh', type: 'FINANCING', productType: 'FINANCIAMENTOS_IMOBILIARIOS',
    productSubType: 'FINANCIAMENTO_HABITACIONAL_SFH', productName: 'Financiamento Imobiliário SFH', modality: '0901',
    share: PF(0.03), contracts: [1, 1], kind: 'INSTALMENTS', systems: [['SAC', 85], ['PRICE', 15]], term: [240, 420],
    monthlyRate: [0.0072, 0.0095], indexer: 'TR', calculation: '30/360',
    principal: (s) => Math.min(120_000_000, scaled(s.random, s.incomeCents, [40, 90], 100_000)),
    fees: [ADMINISTRACAO], warranties: fiduciary('IMOVEIS_RESIDENCIAIS', [1.25, 1.6]), insuranceShare: 1,
  },
  {
    key: 'housing', type: 'FINANCING', productType: 'FINANCIAMENTOS_IMOBILIARIOS',
    productSubType: 'FINANCIAMENTO_HABITACIONAL_EXCETO_SFH', productName: 'Financiamento Imobiliário', modality: '0902',
    share: PF(0.01), contracts: [1, 1], kind: 'INSTALMENTS', systems: [['SAC', 3], ['PRICE', 1]], term: [180, 420],
    monthlyRate: [0.0085, 0.0105], indexer: 'TR', calculation: '30/360',
    principal: (s) => scaled(s.random, s.incomeCents, [60, 140], 100_000), fees: [ADMINISTRACAO],
    warranties: fiduciary('IMOVEIS_RESIDENCIAIS', [1.25, 1.6]), insuranceShare: 1,
  },
  {
    key: 'rural-costing', type: 'FINANCING', productType: 'FINANCIAMENTOS_RURAIS', productSubType: 'CUSTEIO',
    productName: 'Crédito Rural Custeio', modality: '0801', share: PJ(0.02), contracts: [1, 3], kind: 'BULLET',
    term: [300, 365], monthlyRate: [0.006, 0.011], indexer: 'RURAL', calculation: '30/365',
    principal: (s) => scaled(s.random, s.incomeCents, [0.5, 2], 100_000),
    warranties: (p, r) => [
      { warrantyType: 'PENHOR', warrantySubType: 'PRODUTOS_AGROPECUARIOS_SEM_WARRANT', amountCents: roundTo(p * uniform(r, [1.2, 1.6]), 100_000) },
    ],
    fees: [], insuranceShare: 0.7,
  },
  {
    key: 'rural-investment', type: 'FINANCING', productType: 'FINANCIAMENTOS_RURAIS', productSubType: 'INVESTIMENTO',
    productName: 'Crédito Rural Investimento', modality: '0802', share: PJ(0.02), contracts: [1, 1], kind: 'INSTALMENTS',
    systems: [['SAC', 1]], periodMonths: 6, term: [36, 96], monthlyRate: [0.005, 0.009], indexer: 'RURAL',
    calculation: '30/365', principal: (s) => scaled(s.random, s.incomeCents, [1, 4], 100_000), fees: [],
    warranties: (p, r) => [
      { warrantyType: 'HIPOTECA', warrantySubType: 'OUTROS_IMOVEIS', amountCents: roundTo(p * uniform(r, [1.5, 2.5]), 100_000) },
    ],
    insuranceShare: 0.5,
  },
  // ---- unarranged overdraft: the bank covers a debit the balance could not ----
  {
    key: 'deposit-advance', type: 'UNARRANGED_ACCOUNT_OVERDRAFT', productType: 'ADIANTAMENTO_A_DEPOSITANTES',
    productSubType: 'ADIANTAMENTO_A_DEPOSITANTES', productName: 'Adiantamento a Depositante', modality: '0101',
    share: { PESSOA_NATURAL: 0.03, PESSOA_JURIDICA: 0.04 }, contracts: [1, 3], kind: 'BULLET', term: [10, 30],
    monthlyRate: [0.07, 0.08], indexer: 'PRE', calculation: '30/360',
    principal: (s) => Math.max(30_000, roundTo(Math.round(s.incomeCents * uniform(s.random, [0.05, 0.3])), 100)),
    fees: [ADIANTAMENTO], warranties: none, insuranceShare: 0,
  },
  // ---- invoice financings (direitos creditórios descontados) ----
  {
    key: 'trade-bills', type: 'INVOICE_FINANCING', productType: 'DIREITOS_CREDITORIOS_DESCONTADOS',
    productSubType: 'DESCONTO_DUPLICATAS', productName: 'Desconto de Duplicatas', modality: '0301', share: PJ(0.1),
    contracts: [1, 4], kind: 'BULLET', term: [30, 120], monthlyRate: [0.015, 0.03], indexer: 'PRE',
    calculation: '30/360', principal: (s) => scaled(s.random, s.incomeCents, [0.05, 0.3], 100),
    fees: [DESCONTO_TITULO], warranties: receivables('DUPLICATAS'), insuranceShare: 0,
  },
  {
    key: 'cheques', type: 'INVOICE_FINANCING', productType: 'DIREITOS_CREDITORIOS_DESCONTADOS',
    productSubType: 'DESCONTO_CHEQUES', productName: 'Desconto de Cheques', modality: '0302', share: PJ(0.03),
    contracts: [1, 3], kind: 'BULLET', term: [15, 90], monthlyRate: [0.018, 0.035], indexer: 'PRE',
    calculation: '30/360', principal: (s) => scaled(s.random, s.incomeCents, [0.02, 0.15], 100),
    fees: [DESCONTO_TITULO], warranties: receivables('CHEQUES'), insuranceShare: 0,
  },
  {
    key: 'card-receivables', type: 'INVOICE_FINANCING', productType: 'DIREITOS_CREDITORIOS_DESCONTADOS',
    productSubType: 'ANTECIPACAO_FATURA_CARTAO_CREDITO', productName: 'Antecipação de Recebíveis de Cartão',
    modality: '0303', share: PJ(0.08), contracts: [1, 4], kind: 'BULLET', term: [15, 60], monthlyRate: [0.012, 0.025],
    indexer: 'PRE', calculation: '30/360', principal: (s) => scaled(s.random, s.incomeCents, [0.1, 0.5], 100),
    fees: [], warranties: receivables('FATURA_CARTAO_CREDITO'), insuranceShare: 0,
  },
]; // prettier-ignore
