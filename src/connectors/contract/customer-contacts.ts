import type { Amount, IsoDate } from './common.ts';

/** Brazilian federative units (customers 2.2.1 `EnumCountrySubDivision`). */
export const COUNTRY_SUB_DIVISIONS = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const; // prettier-ignore
export type CountrySubDivision = (typeof COUNTRY_SUB_DIVISIONS)[number];

/** `PersonalPostalAddress` / `BusinessPostalAddress` (the business one makes `address` optional). */
export interface PostalAddress {
  readonly isMain: boolean;
  readonly address?: string;
  readonly additionalInfo?: string;
  readonly districtName?: string;
  readonly townName: string;
  /** IBGE municipality code, 7 digits. */
  readonly ibgeTownCode?: string;
  readonly countrySubDivision?: CountrySubDivision;
  /** CEP, 8 bare digits. */
  readonly postCode?: string;
  readonly country: string;
  /** ISO 3166-1 alpha-3, `BRA`. */
  readonly countryCode?: string;
  readonly geographicCoordinates?: { readonly latitude: string; readonly longitude: string };
}

export const PHONE_TYPES = ['FIXO', 'MOVEL', 'OUTRO'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

/** `CustomerPhone`. */
export interface CustomerPhone {
  readonly isMain: boolean;
  readonly type: PhoneType;
  readonly additionalInfo?: string;
  readonly countryCallingCode?: string;
  /** DDD, 2 or 3 digits. */
  readonly areaCode: string;
  readonly number: string;
  readonly phoneExtension?: string;
}

/** `CustomerEmail`. */
export interface CustomerEmail {
  readonly isMain: boolean;
  readonly email: string;
}

/** `PersonalContacts` / `BusinessContacts`. */
export interface CustomerContacts {
  readonly postalAddresses: readonly PostalAddress[];
  readonly phones: readonly CustomerPhone[];
  readonly emails: readonly CustomerEmail[];
}

export const INCOME_FREQUENCIES = [
  'DIARIA', 'SEMANAL', 'QUINZENAL', 'MENSAL', 'BIMESTRAL', 'TRIMESTRAL', 'SEMESTRAL', 'ANUAL', 'OUTROS',
] as const; // prettier-ignore
/** `EnumInformedIncomeFrequency` = `EnumInformedRevenueFrequency`. */
export type IncomeFrequency = (typeof INCOME_FREQUENCIES)[number];

export const PRODUCT_SERVICE_TYPES = [
  'CONTA_DEPOSITO_A_VISTA',
  'CONTA_POUPANCA',
  'CONTA_PAGAMENTO_PRE_PAGA',
  'CARTAO_CREDITO',
  'OPERACAO_CREDITO',
  'SEGURO',
  'PREVIDENCIA',
  'INVESTIMENTO',
  'OPERACOES_CAMBIO',
  'CONTA_SALARIO',
  'CREDENCIAMENTO',
  'OUTROS',
] as const;
/** `EnumProductServiceType`: products the customer holds at the institution. */
export type ProductServiceType = (typeof PRODUCT_SERVICE_TYPES)[number];

export const CUSTOMER_ACCOUNT_TYPES = [
  'CONTA_DEPOSITO_A_VISTA',
  'CONTA_POUPANCA',
  'CONTA_PAGAMENTO_PRE_PAGA',
] as const;

/** `PersonalAccount` / `BusinessAccount`: an account as listed in a financial relation. */
export interface RelationAccount {
  readonly compeCode: string;
  readonly branchCode?: string;
  readonly number: string;
  readonly checkDigit: string;
  readonly type: (typeof CUSTOMER_ACCOUNT_TYPES)[number];
  /** Present for natural persons (`PersonalAccount.subtype`). */
  readonly subtype?: 'INDIVIDUAL' | 'CONJUNTA_SIMPLES' | 'CONJUNTA_SOLIDARIA';
}

/** `InformedPatrimony` with the reference year (personal) or date (business). */
export interface InformedPatrimony {
  readonly amount: Amount;
  readonly year?: number;
  readonly date?: IsoDate;
}
