import type { CreditCardNetwork, CreditCardProductType } from '../../connectors/index.ts';

/**
 * What the sample bank's cards are and where they are used: card products by customer tier,
 * merchants with their MCC (ISO 18245 merchant category codes), and the rates that apply to
 * revolving and instalment credit on the card.
 */

export interface CardProduct {
  readonly productType: CreditCardProductType;
  readonly label: string;
  readonly networks: readonly (readonly [CreditCardNetwork, number])[];
  readonly international: boolean;
  /** Limit as a multiple of the monthly income (range). */
  readonly limitFactor: readonly [number, number];
  /** Monthly annuity instalment in cents when charged (0: no annuity). */
  readonly annuityCents: number;
  readonly cashback: boolean;
}

const COMMON_NETWORKS = [
  ['MASTERCARD', 45],
  ['VISA', 40],
  ['ELO', 15],
] as const;

/** Natural persons' tiers, by monthly income in reais (upper bound exclusive). */
export const PERSONAL_TIERS: readonly (readonly [number, readonly CardProduct[]])[] = [
  [2_500, [
    { productType: 'BASICO_NACIONAL', label: 'Básico', networks: [['ELO', 50], ['MASTERCARD', 30], ['VISA', 20]], international: false, limitFactor: [0.2, 0.8], annuityCents: 0, cashback: false },
    { productType: 'STANDARD_NACIONAL', label: 'Standard', networks: [['MASTERCARD', 1]], international: false, limitFactor: [0.3, 1], annuityCents: 0, cashback: false },
    { productType: 'CLASSIC_NACIONAL', label: 'Classic', networks: [['VISA', 1]], international: false, limitFactor: [0.3, 1], annuityCents: 1_290, cashback: false },
  ]],
  [6_000, [
    { productType: 'GOLD', label: 'Gold', networks: COMMON_NETWORKS, international: true, limitFactor: [0.6, 1.8], annuityCents: 2_490, cashback: false },
    { productType: 'CLASSIC_INTERNACIONAL', label: 'Classic Internacional', networks: [['VISA', 1]], international: true, limitFactor: [0.5, 1.5], annuityCents: 1_790, cashback: false },
    { productType: 'GRAFITE', label: 'Grafite', networks: [['ELO', 1]], international: true, limitFactor: [0.6, 1.6], annuityCents: 1_990, cashback: false },
  ]],
  [15_000, [
    { productType: 'PLATINUM', label: 'Platinum', networks: COMMON_NETWORKS, international: true, limitFactor: [1, 2.5], annuityCents: 4_490, cashback: true },
  ]],
  [Infinity, [
    { productType: 'BLACK', label: 'Black', networks: [['MASTERCARD', 1]], international: true, limitFactor: [1.5, 4], annuityCents: 9_900, cashback: true },
    { productType: 'INFINITE', label: 'Infinite', networks: [['VISA', 1]], international: true, limitFactor: [1.5, 4], annuityCents: 11_900, cashback: true },
    { productType: 'NANQUIM', label: 'Nanquim', networks: [['ELO', 1]], international: true, limitFactor: [1.5, 3.5], annuityCents: 8_900, cashback: true },
  ]],
]; // prettier-ignore

/** Companies' cards, by monthly revenue in reais. */
export const BUSINESS_TIERS: readonly (readonly [number, readonly CardProduct[]])[] = [
  [200_000, [
    { productType: 'EMPRESARIAL', label: 'Empresarial', networks: COMMON_NETWORKS, international: true, limitFactor: [0.05, 0.25], annuityCents: 0, cashback: false },
  ]],
  [Infinity, [
    { productType: 'CORPORATIVO', label: 'Corporativo', networks: [['VISA', 55], ['MASTERCARD', 45]], international: true, limitFactor: [0.03, 0.12], annuityCents: 0, cashback: true },
  ]],
]; // prettier-ignore

export const NETWORK_LABELS: Readonly<Record<CreditCardNetwork, string>> = {
  VISA: 'Visa', MASTERCARD: 'Mastercard', AMERICAN_EXPRESS: 'American Express', DINERS_CLUB: 'Diners Club',
  HIPERCARD: 'Hipercard', BANDEIRA_PROPRIA: 'Bandeira Própria', CHEQUE_ELETRONICO: 'Cheque Eletrônico', ELO: 'Elo',
  OUTRAS: 'Outra',
}; // prettier-ignore

export interface Merchant {
  readonly mcc: number;
  /** The literal on the bill (upper case, no accents, as card processors print it). */
  readonly names: readonly string[];
  /** Median ticket in reais for a customer earning R$ 3,000 a month. */
  readonly median: number;
  readonly weight: number;
  /** Shops that sell in instalments ("parcelado sem juros"). */
  readonly instalments: boolean;
  readonly online: boolean;
}

export const MERCHANTS: readonly Merchant[] = [
  { mcc: 5411, names: ['SUPERMERCADO BOM PRECO', 'MERCADO CENTRAL', 'HIPER ESTRELA'], median: 140, weight: 18, instalments: false, online: false },
  { mcc: 5812, names: ['RESTAURANTE SABOR CASEIRO', 'CANTINA NAPOLI', 'CHURRASCARIA GAUCHA'], median: 75, weight: 12, instalments: false, online: false },
  { mcc: 5814, names: ['LANCHONETE DO PORTO', 'DELIVERY*PIZZARIA BELLA', 'DELIVERY*SUSHI HOUSE'], median: 45, weight: 14, instalments: false, online: true },
  { mcc: 5541, names: ['POSTO ESTRELA', 'AUTO POSTO CENTRAL'], median: 180, weight: 9, instalments: false, online: false },
  { mcc: 5912, names: ['DROGARIA SAO JORGE', 'FARMACIA POPULAR DO BAIRRO'], median: 60, weight: 9, instalments: false, online: false },
  { mcc: 4121, names: ['MOBI*CORRIDA', 'TAXI*VIAGEM'], median: 28, weight: 9, instalments: false, online: true },
  { mcc: 5311, names: ['LOJAS MODELO', 'MAGAZINE HORIZONTE'], median: 260, weight: 5, instalments: true, online: false },
  { mcc: 5651, names: ['CONFECCOES PRIMAVERA', 'MODA BRASIL'], median: 190, weight: 5, instalments: true, online: false },
  { mcc: 5732, names: ['INFORMATICA NOVA ERA', 'ELETRO CENTRAL'], median: 900, weight: 2, instalments: true, online: false },
  { mcc: 5999, names: ['MKTPLACE*LOJA ONLINE', 'MKTPLACE*CASA E CIA'], median: 150, weight: 6, instalments: true, online: true },
  { mcc: 4899, names: ['STREAMING PLAY', 'MUSICA STREAM'], median: 40, weight: 4, instalments: false, online: true },
  { mcc: 4814, names: ['TELEFONIA MOVEL BRASIL'], median: 70, weight: 3, instalments: false, online: true },
  { mcc: 5977, names: ['PERFUMARIA ALIANCA'], median: 110, weight: 2, instalments: true, online: false },
  { mcc: 5995, names: ['PET SHOP AMIGO FIEL'], median: 120, weight: 2, instalments: false, online: false },
  { mcc: 5200, names: ['MATERIAIS DE CONSTRUCAO UNIAO'], median: 350, weight: 2, instalments: true, online: false },
  { mcc: 8021, names: ['CLINICA ODONTO SORRISO'], median: 300, weight: 1, instalments: true, online: false },
  { mcc: 4511, names: ['CIA AEREA NACIONAL'], median: 1_100, weight: 1, instalments: true, online: true },
  { mcc: 7011, names: ['HOTEL BOA VISTA'], median: 700, weight: 1, instalments: true, online: true },
]; // prettier-ignore

/** Merchants abroad (priced in US dollars) for international cards. */
export const FOREIGN_MERCHANTS: readonly Merchant[] = [
  { mcc: 5999, names: ['INTL*GLOBAL STORE', 'INTL*APP MARKET'], median: 35, weight: 6, instalments: false, online: true },
  { mcc: 4899, names: ['INTL*CLOUD SERVICES'], median: 12, weight: 3, instalments: false, online: true },
  { mcc: 7011, names: ['INTL HOTEL DOWNTOWN'], median: 180, weight: 1, instalments: false, online: false },
]; // prettier-ignore

/** Companies spend on suppliers, fuel, travel, software. */
export const BUSINESS_MERCHANTS: readonly Merchant[] = [
  { mcc: 5541, names: ['POSTO ESTRELA', 'AUTO POSTO RODOVIA'], median: 350, weight: 12, instalments: false, online: false },
  { mcc: 5111, names: ['PAPELARIA CENTRAL', 'MATERIAL DE ESCRITORIO REAL'], median: 280, weight: 6, instalments: true, online: false },
  { mcc: 5045, names: ['INFORMATICA NOVA ERA'], median: 2_400, weight: 2, instalments: true, online: false },
  { mcc: 4511, names: ['CIA AEREA NACIONAL'], median: 1_300, weight: 3, instalments: true, online: true },
  { mcc: 7011, names: ['HOTEL BOA VISTA'], median: 650, weight: 3, instalments: false, online: true },
  { mcc: 5812, names: ['RESTAURANTE EXECUTIVO'], median: 160, weight: 6, instalments: false, online: false },
  { mcc: 7372, names: ['SOFTWARE*GESTAO NUVEM', 'SOFTWARE*CONTABIL ONLINE'], median: 250, weight: 4, instalments: false, online: true },
  { mcc: 5999, names: ['MKTPLACE*LOJA ONLINE'], median: 600, weight: 4, instalments: true, online: true },
]; // prettier-ignore

/**
 * Card credit pricing: revolving credit ("rotativo") and bill instalment plans (monthly
 * effective rates, BCB averages 2024–2025); IOF on credit (0.38 % + 0.0082 %/day for persons,
 * 0.0041 %/day for companies) and on purchases abroad (3.5 %, Decreto 12.499/2025).
 */
export const CARD_RATES = {
  revolving: [0.12, 0.15],
  billInstalment: [0.07, 0.095],
  iofFlat: 0.0038,
  iofDailyPerson: 0.000082,
  iofDailyCompany: 0.000041,
  iofAbroad: 0.035,
  lateFine: 0.02,
  lateInterest: 0.01,
  /** Minimum payment: 15 % of the bill, at least R$ 50 (or the whole bill when smaller). */
  minimumShare: 0.15,
  minimumFloorCents: 5_000,
} as const;
