import type { Amount, IsoDate, IsoDateTime, PersonType } from './common.ts';
import type {
  CustomerContacts,
  IncomeFrequency,
  InformedPatrimony,
  ProductServiceType,
  RelationAccount,
} from './customer-contacts.ts';

/** `BusinessOtherDocument`. */
export interface BusinessOtherDocument {
  readonly type: string;
  readonly number: string;
  readonly country: string;
  readonly expirationDate?: IsoDate;
}

/** `PartiesParticipation`: partners (`SOCIO`) and administrators of the company. */
export interface BusinessParty {
  readonly personType: PersonType;
  readonly type: 'SOCIO' | 'ADMINISTRADOR';
  readonly civilName?: string;
  readonly socialName?: string;
  readonly companyName?: string;
  readonly tradeName?: string;
  readonly startDate?: IsoDateTime;
  /** Fraction of the capital, `^[01]\.\d{6}$`, e.g. `0.510000`. */
  readonly shareholding?: string;
  readonly documentType: 'CPF' | 'PASSAPORTE' | 'OUTRO_DOCUMENTO_VIAGEM' | 'CNPJ';
  readonly documentNumber: string;
  readonly documentAdditionalInfo?: string;
  readonly documentCountry?: string;
  readonly documentExpirationDate?: IsoDate;
  readonly documentIssueDate?: IsoDate;
}

/** `BusinessIdentificationData` (customers 2.2.1 `GET /business/identifications`). */
export interface BusinessIdentification {
  readonly updateDateTime: IsoDateTime;
  readonly businessId: string;
  readonly brandName: string;
  readonly companyName: string;
  readonly tradeName?: string;
  readonly incorporationDate: IsoDateTime;
  readonly cnpjNumber: string;
  readonly companiesCnpj: readonly string[];
  readonly otherDocuments?: readonly BusinessOtherDocument[];
  readonly parties: readonly BusinessParty[];
  readonly contacts: CustomerContacts;
}

/** `BusinessQualificationData` (`GET /business/qualifications`). */
export interface BusinessQualification {
  readonly updateDateTime: IsoDateTime;
  /** CNAE codes, 7 digits, exactly one `isMain`. */
  readonly economicActivities: readonly { readonly code: string; readonly isMain: boolean }[];
  readonly informedRevenue?: {
    readonly frequency?: IncomeFrequency;
    readonly frequencyAdditionalInfo?: string;
    readonly amount: Amount;
    readonly year?: number;
  };
  readonly informedPatrimony?: InformedPatrimony & { readonly date: IsoDate };
}

/** `BusinessProcurator`: a natural or legal person who represents the company. */
export interface BusinessProcurator {
  readonly type: 'REPRESENTANTE_LEGAL' | 'PROCURADOR';
  /** CPF (11 digits) or CNPJ (14). */
  readonly cnpjCpfNumber: string;
  readonly civilName: string;
  readonly socialName?: string;
}

/** `BusinessFinancialRelationData` (`GET /business/financial-relations`). */
export interface BusinessFinancialRelation {
  readonly updateDateTime: IsoDateTime;
  readonly startDate: IsoDateTime;
  readonly productsServicesType: readonly ProductServiceType[];
  readonly procurators: readonly BusinessProcurator[];
  readonly accounts: readonly RelationAccount[];
}
