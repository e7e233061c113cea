import type {
  BusinessIdentification,
  BusinessQualification,
  CustomerContacts,
  IsoDate,
  IsoDateTime,
  PersonalIdentification,
  PersonalQualification,
} from '../../connectors/index.ts';

/** The institution a brand's sample data belongs to (the `companyCnpj`, `compeCode` of every account). */
export interface SampleInstitution {
  readonly brandName: string;
  readonly companyCnpj: string;
  /** STR participant code, 3 digits. */
  readonly compeCode: string;
  readonly ispb: string;
}

/** Someone who acts for a customer (`procurators` of the financial relation). */
export interface SampleProcurator {
  readonly type: 'REPRESENTANTE_LEGAL' | 'PROCURADOR';
  /** Bare CPF, or CNPJ for a firm acting for a company. */
  readonly document: string;
  readonly civilName: string;
  readonly socialName?: string;
}

interface SampleCustomerBase {
  /** Position in the brand's customer sequence; with the seed it determines everything below. */
  readonly index: number;
  readonly customerId: string;
  /** Bare CPF or CNPJ. */
  readonly document: string;
  /** Civil name, or company name. */
  readonly name: string;
  /** Social name, or trade name. */
  readonly socialName?: string;
  /** Birth date, or incorporation date. */
  readonly birthDate: IsoDate;
  readonly relationshipStart: IsoDateTime;
  readonly updateDateTime: IsoDateTime;
  readonly contacts: CustomerContacts;
  readonly procurators: readonly SampleProcurator[];
  /** Monthly income (person) or revenue (company), in cents: scales balances and amounts. */
  readonly monthlyIncomeCents: number;
  /** How busy the customer's accounts are (≈0.4 … 2.5; 1 is typical). */
  readonly activity: number;
}

export type PersonalExtras = Pick<
  PersonalIdentification,
  'maritalStatusCode' | 'sex' | 'otherDocuments' | 'hasBrazilianNationality' | 'filiation'
>;
export type PersonalQualificationExtras = Omit<PersonalQualification, 'updateDateTime' | 'companyCnpj'>;
export type BusinessExtras = Pick<BusinessIdentification, 'otherDocuments' | 'parties'>;
export type BusinessQualificationExtras = Omit<BusinessQualification, 'updateDateTime'>;

export interface SamplePerson extends SampleCustomerBase {
  readonly personType: 'PESSOA_NATURAL';
  readonly identification: PersonalExtras;
  readonly qualification: PersonalQualificationExtras;
  /** Index of the employer in the brand's counterparty pool, when salaried. */
  readonly employer?: number;
}

export interface SampleCompany extends SampleCustomerBase {
  readonly personType: 'PESSOA_JURIDICA';
  readonly identification: BusinessExtras;
  readonly qualification: BusinessQualificationExtras;
}

/** One generated customer, in clear (encryption happens when rows are written). */
export type SampleCustomer = SamplePerson | SampleCompany;
