import type { Amount, IsoDate, IsoDateTime } from './common.ts';
import type {
  CustomerContacts,
  IncomeFrequency,
  InformedPatrimony,
  ProductServiceType,
  RelationAccount,
} from './customer-contacts.ts';

export const MARITAL_STATUS_CODES = [
  'SOLTEIRO', 'CASADO', 'VIUVO', 'SEPARADO_JUDICIALMENTE', 'DIVORCIADO', 'UNIAO_ESTAVEL', 'OUTRO',
] as const; // prettier-ignore
export type MaritalStatusCode = (typeof MARITAL_STATUS_CODES)[number];

export const SEXES = ['FEMININO', 'MASCULINO', 'OUTRO'] as const;
export type Sex = (typeof SEXES)[number];

export const PERSONAL_OTHER_DOCUMENT_TYPES = ['CNH', 'RG', 'NIF', 'RNE', 'OUTROS'] as const;

/** `PersonalOtherDocument`. */
export interface PersonalOtherDocument {
  readonly type: (typeof PERSONAL_OTHER_DOCUMENT_TYPES)[number];
  readonly typeAdditionalInfo?: string;
  readonly number: string;
  readonly checkDigit?: string;
  readonly additionalInfo?: string;
  readonly expirationDate?: IsoDate;
}

/** `PersonalPassport`. */
export interface PersonalPassport {
  readonly number: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  readonly expirationDate?: IsoDate;
  readonly issueDate?: IsoDate;
}

/** `Nationality`: for customers who also hold another nationality. */
export interface Nationality {
  readonly otherNationalitiesInfo: string;
  readonly documents: readonly {
    readonly type: string;
    readonly number: string;
    readonly expirationDate?: IsoDate;
    readonly issueDate?: IsoDate;
    readonly country?: string;
    readonly additionalInfo?: string;
  }[];
}

/** `PersonalIdentificationData.filiation` item. */
export interface Filiation {
  readonly type: 'MAE' | 'PAI';
  readonly civilName: string;
  readonly socialName?: string;
}

/**
 * `PersonalIdentificationData` (customers 2.2.1 `GET /personal/identifications`): the natural
 * person's registration data at the brand.
 */
export interface PersonalIdentification {
  readonly updateDateTime: IsoDateTime;
  /** Id of this registration record at the institution. */
  readonly personalId: string;
  readonly brandName: string;
  readonly civilName: string;
  readonly socialName?: string;
  readonly birthDate: IsoDate;
  readonly maritalStatusCode?: MaritalStatusCode;
  readonly maritalStatusAdditionalInfo?: string;
  readonly sex?: Sex;
  /** CNPJs of the institution(s) responsible for the registration. */
  readonly companiesCnpj: readonly string[];
  readonly documents: { readonly cpfNumber?: string; readonly passport?: PersonalPassport };
  readonly otherDocuments?: readonly PersonalOtherDocument[];
  readonly hasBrazilianNationality: boolean;
  readonly nationality?: readonly Nationality[];
  readonly filiation?: readonly Filiation[];
  readonly contacts: CustomerContacts;
}

/** `PersonalQualificationData` (`GET /personal/qualifications`). */
export interface PersonalQualification {
  readonly updateDateTime: IsoDateTime;
  readonly companyCnpj: string;
  readonly occupationCode?: 'RECEITA_FEDERAL' | 'CBO' | 'OUTRO';
  readonly occupationDescription?: string;
  readonly informedIncome?: {
    readonly frequency: IncomeFrequency;
    readonly amount: Amount;
    readonly date: IsoDate;
  };
  readonly informedPatrimony?: InformedPatrimony & { readonly year: number };
}

/** `PersonalProcurator`: someone who acts for the customer. */
export interface PersonalProcurator {
  readonly type: 'REPRESENTANTE_LEGAL' | 'PROCURADOR';
  readonly cpfNumber: string;
  readonly civilName: string;
  readonly socialName?: string;
}

/** `PortabilitiesReceived` / `PaychecksBankLink`: salary portability and payroll-bank links. */
export interface PaycheckLink {
  readonly employerName: string;
  readonly employerCnpjCpf: string;
  readonly paycheckBankCnpj: string;
  readonly paycheckBankIspb: string;
  /** Portability approval date or payroll account opening date. */
  readonly date: IsoDate;
}

/** `PersonalFinancialRelationData` (`GET /personal/financial-relations`). */
export interface PersonalFinancialRelation {
  readonly updateDateTime: IsoDateTime;
  /** When the relationship with the institution began (RFC 3339 date-time). */
  readonly startDate: IsoDateTime;
  readonly productsServicesType: readonly ProductServiceType[];
  readonly productsServicesTypeAdditionalInfo?: string;
  readonly procurators: readonly PersonalProcurator[];
  readonly accounts: readonly RelationAccount[];
  readonly portabilitiesReceived?: readonly PaycheckLink[];
  readonly paychecksBankLink?: readonly PaycheckLink[];
}
