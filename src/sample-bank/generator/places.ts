import type { CountrySubDivision } from '../../connectors/index.ts';

/**
 * Municipalities customers live in, with their IBGE code, CEP range, area code (DDD) and
 * approximate centre; `weight` roughly follows population so São Paulo is the most common.
 */
export interface Town {
  readonly name: string;
  readonly uf: CountrySubDivision;
  readonly ibge: string;
  /** First five CEP digits, inclusive range. */
  readonly cep: readonly [number, number];
  readonly ddd: string;
  readonly lat: number;
  readonly lon: number;
  readonly weight: number;
}

export const TOWNS: readonly Town[] = [
  { name: 'São Paulo', uf: 'SP', ibge: '3550308', cep: [1000, 5999], ddd: '11', lat: -23.5505, lon: -46.6333, weight: 120 },
  { name: 'Rio de Janeiro', uf: 'RJ', ibge: '3304557', cep: [20000, 23799], ddd: '21', lat: -22.9068, lon: -43.1729, weight: 65 },
  { name: 'Brasília', uf: 'DF', ibge: '5300108', cep: [70000, 72799], ddd: '61', lat: -15.7939, lon: -47.8828, weight: 30 },
  { name: 'Salvador', uf: 'BA', ibge: '2927408', cep: [40000, 42599], ddd: '71', lat: -12.9714, lon: -38.5014, weight: 25 },
  { name: 'Fortaleza', uf: 'CE', ibge: '2304400', cep: [60000, 61599], ddd: '85', lat: -3.7319, lon: -38.5267, weight: 25 },
  { name: 'Belo Horizonte', uf: 'MG', ibge: '3106200', cep: [30000, 31999], ddd: '31', lat: -19.9167, lon: -43.9345, weight: 24 },
  { name: 'Manaus', uf: 'AM', ibge: '1302603', cep: [69000, 69099], ddd: '92', lat: -3.119, lon: -60.0217, weight: 21 },
  { name: 'Curitiba', uf: 'PR', ibge: '4106902', cep: [80000, 82999], ddd: '41', lat: -25.4284, lon: -49.2733, weight: 19 },
  { name: 'Recife', uf: 'PE', ibge: '2611606', cep: [50000, 52999], ddd: '81', lat: -8.0476, lon: -34.877, weight: 16 },
  { name: 'Goiânia', uf: 'GO', ibge: '5208707', cep: [74000, 74899], ddd: '62', lat: -16.6869, lon: -49.2648, weight: 15 },
  { name: 'Porto Alegre', uf: 'RS', ibge: '4314902', cep: [90000, 91999], ddd: '51', lat: -30.0346, lon: -51.2177, weight: 14 },
  { name: 'Belém', uf: 'PA', ibge: '1501402', cep: [66000, 66999], ddd: '91', lat: -1.4558, lon: -48.4902, weight: 14 },
  { name: 'Guarulhos', uf: 'SP', ibge: '3518800', cep: [7000, 7399], ddd: '11', lat: -23.4538, lon: -46.5333, weight: 13 },
  { name: 'Campinas', uf: 'SP', ibge: '3509502', cep: [13000, 13139], ddd: '19', lat: -22.9099, lon: -47.0626, weight: 12 },
  { name: 'São Luís', uf: 'MA', ibge: '2111300', cep: [65000, 65109], ddd: '98', lat: -2.5307, lon: -44.3068, weight: 11 },
  { name: 'Maceió', uf: 'AL', ibge: '2704302', cep: [57000, 57099], ddd: '82', lat: -9.6498, lon: -35.7089, weight: 10 },
  { name: 'Campo Grande', uf: 'MS', ibge: '5002704', cep: [79000, 79129], ddd: '67', lat: -20.4697, lon: -54.6201, weight: 9 },
  { name: 'Natal', uf: 'RN', ibge: '2408102', cep: [59000, 59139], ddd: '84', lat: -5.7945, lon: -35.211, weight: 8 },
  { name: 'Teresina', uf: 'PI', ibge: '2211001', cep: [64000, 64099], ddd: '86', lat: -5.0919, lon: -42.8034, weight: 8 },
  { name: 'João Pessoa', uf: 'PB', ibge: '2507507', cep: [58000, 58099], ddd: '83', lat: -7.1195, lon: -34.845, weight: 8 },
  { name: 'Cuiabá', uf: 'MT', ibge: '5103403', cep: [78000, 78109], ddd: '65', lat: -15.6014, lon: -56.0979, weight: 6 },
  { name: 'Florianópolis', uf: 'SC', ibge: '4205407', cep: [88000, 88099], ddd: '48', lat: -27.5954, lon: -48.548, weight: 5 },
  { name: 'Joinville', uf: 'SC', ibge: '4209102', cep: [89200, 89239], ddd: '47', lat: -26.3045, lon: -48.8487, weight: 6 },
  { name: 'Londrina', uf: 'PR', ibge: '4113700', cep: [86000, 86199], ddd: '43', lat: -23.3045, lon: -51.1696, weight: 6 },
  { name: 'Uberlândia', uf: 'MG', ibge: '3170206', cep: [38400, 38415], ddd: '34', lat: -18.9186, lon: -48.2772, weight: 7 },
  { name: 'Ribeirão Preto', uf: 'SP', ibge: '3543402', cep: [14000, 14114], ddd: '16', lat: -21.1775, lon: -47.8103, weight: 7 },
  { name: 'Niterói', uf: 'RJ', ibge: '3303302', cep: [24000, 24399], ddd: '21', lat: -22.8832, lon: -43.1034, weight: 5 },
  { name: 'Vitória', uf: 'ES', ibge: '3205309', cep: [29000, 29099], ddd: '27', lat: -20.3155, lon: -40.3128, weight: 4 },
  { name: 'Aracaju', uf: 'SE', ibge: '2800308', cep: [49000, 49099], ddd: '79', lat: -10.9472, lon: -37.0731, weight: 6 },
  { name: 'Porto Velho', uf: 'RO', ibge: '1100205', cep: [76800, 76834], ddd: '69', lat: -8.7612, lon: -63.9004, weight: 5 },
  { name: 'Palmas', uf: 'TO', ibge: '1721000', cep: [77000, 77270], ddd: '63', lat: -10.1844, lon: -48.3336, weight: 3 },
  { name: 'Macapá', uf: 'AP', ibge: '1600303', cep: [68900, 68914], ddd: '96', lat: 0.0349, lon: -51.0694, weight: 4 },
  { name: 'Rio Branco', uf: 'AC', ibge: '1200401', cep: [69900, 69923], ddd: '68', lat: -9.9747, lon: -67.8243, weight: 4 },
  { name: 'Boa Vista', uf: 'RR', ibge: '1400100', cep: [69300, 69339], ddd: '95', lat: 2.8235, lon: -60.6758, weight: 4 },
]; // prettier-ignore

export const TOWN_CHOICES: readonly (readonly [Town, number])[] = TOWNS.map((t) => [t, t.weight]);
