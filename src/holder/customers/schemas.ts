import { Type, type TSchema } from 'typebox';
import {
  COUNTRY_SUB_DIVISIONS,
  CUSTOMER_ACCOUNT_TYPES,
  INCOME_FREQUENCIES,
  MARITAL_STATUS_CODES,
  PERSONAL_OTHER_DOCUMENT_TYPES,
  PERSON_TYPES,
  PHONE_TYPES,
  PRODUCT_SERVICE_TYPES,
  SEXES,
} from '../../connectors/index.ts';
import {
  Amount,
  Id,
  IsoDate,
  Links,
  MetaOnlyRequestDateTime,
  PagedQuery,
  SignedAmount,
  enumOf,
} from '../shared/schemas.ts';

// customers.yaml 2.2.1 (PF and PJ). Its `Meta` carries requestDateTime only.

const DateTime = Type.String({ format: 'date-time', maxLength: 20 });
const Text = (maxLength: number) => Type.String({ maxLength });
const Cnpj = Type.String({ pattern: '^\\d{14}$', maxLength: 14 });
const Opt = Type.Optional;

function postalAddress() {
  return Type.Object({
    isMain: Type.Boolean(),
    // Required for natural persons in the spec; the contract lets a core omit it (a 500 helps nobody).
    address: Opt(Text(150)),
    additionalInfo: Opt(Text(30)),
    districtName: Opt(Text(50)),
    townName: Text(50),
    ibgeTownCode: Opt(Type.String({ pattern: '\\d{7}$', maxLength: 7 })),
    countrySubDivision: Opt(enumOf(COUNTRY_SUB_DIVISIONS)),
    postCode: Opt(Type.String({ pattern: '^\\d{8}$', maxLength: 8 })),
    country: Text(80),
    countryCode: Opt(Type.String({ pattern: '^([A-Z]{3})$', maxLength: 3 })),
    geographicCoordinates: Opt(
      Type.Object({
        latitude: Type.String({ pattern: '^-?\\d{1,2}\\.\\d{1,9}$', maxLength: 13 }),
        longitude: Type.String({ pattern: '^-?\\d{1,3}\\.\\d{1,8}$', maxLength: 13 }),
      }),
    ),
  });
}

function contacts() {
  return Type.Object({
    postalAddresses: Type.Array(postalAddress()),
    phones: Type.Array(
      Type.Object({
        isMain: Type.Boolean(),
        type: enumOf(PHONE_TYPES),
        additionalInfo: Opt(Text(70)),
        countryCallingCode: Opt(Type.String({ pattern: '^\\d{1,4}$', maxLength: 4 })),
        areaCode: Type.String({ pattern: '^(\\d{2,3})$' }),
        number: Type.String({ pattern: '^([0-9]{6,13})$', maxLength: 13 }),
        phoneExtension: Opt(Type.String({ pattern: '^\\d{1,5}$', maxLength: 5 })),
      }),
    ),
    emails: Type.Array(Type.Object({ isMain: Type.Boolean(), email: Type.String({ maxLength: 320 }) })),
  });
}

const PersonalIdentification = Type.Object({
  updateDateTime: DateTime,
  personalId: Id,
  brandName: Text(80),
  civilName: Text(70),
  socialName: Opt(Text(70)),
  birthDate: IsoDate,
  maritalStatusCode: Opt(enumOf(MARITAL_STATUS_CODES)),
  maritalStatusAdditionalInfo: Opt(Text(50)),
  sex: Opt(enumOf(SEXES)),
  companiesCnpj: Type.Array(Cnpj, { minItems: 1 }),
  documents: Type.Object({
    cpfNumber: Opt(Type.String({ pattern: '^\\d{11}$', maxLength: 11 })),
    passport: Opt(
      Type.Object({
        number: Text(20),
        country: Type.String({ pattern: '^(\\w{3}){1}$', maxLength: 3 }),
        expirationDate: Opt(IsoDate),
        issueDate: Opt(IsoDate),
      }),
    ),
  }),
  otherDocuments: Opt(
    Type.Array(
      Type.Object({
        type: enumOf(PERSONAL_OTHER_DOCUMENT_TYPES),
        typeAdditionalInfo: Opt(Text(70)),
        number: Text(40),
        checkDigit: Opt(Text(2)),
        additionalInfo: Opt(Text(50)),
        expirationDate: Opt(IsoDate),
      }),
      { minItems: 1 },
    ),
  ),
  hasBrazilianNationality: Type.Boolean(),
  nationality: Opt(
    Type.Array(
      Type.Object({
        otherNationalitiesInfo: Text(40),
        documents: Type.Array(
          Type.Object({
            type: Text(10),
            number: Text(40),
            expirationDate: Opt(IsoDate),
            issueDate: Opt(IsoDate),
            country: Opt(Text(80)),
            additionalInfo: Opt(Text(70)),
          }),
        ),
      }),
      { minItems: 1 },
    ),
  ),
  filiation: Opt(
    Type.Array(
      Type.Object({ type: enumOf(['MAE', 'PAI'] as const), civilName: Text(70), socialName: Opt(Text(70)) }),
      { minItems: 1 },
    ),
  ),
  contacts: contacts(),
});

const InformedPatrimony = { amount: SignedAmount };

const PersonalQualification = Type.Object({
  updateDateTime: DateTime,
  companyCnpj: Cnpj,
  occupationCode: Opt(enumOf(['RECEITA_FEDERAL', 'CBO', 'OUTRO'] as const)),
  occupationDescription: Opt(Text(100)),
  informedIncome: Opt(Type.Object({ frequency: enumOf(INCOME_FREQUENCIES), amount: Amount, date: IsoDate })),
  informedPatrimony: Opt(Type.Object({ ...InformedPatrimony, year: Type.Integer({ maximum: 9999 }) })),
});

const ProcuratorType = enumOf(['REPRESENTANTE_LEGAL', 'PROCURADOR'] as const);
const Employer = {
  employerName: Text(80),
  employerCnpjCpf: Type.String({ pattern: '^\\d{14}$|^\\d{11}$', maxLength: 14 }),
};
const Ispb = Type.String({ pattern: '^[0-9]{8}$', maxLength: 8 });

const BusinessAccount = Type.Object({
  compeCode: Type.String({ pattern: '^\\d{3}$', maxLength: 3 }),
  branchCode: Opt(Type.String({ pattern: '^\\d{4}$', maxLength: 4 })),
  number: Type.String({ pattern: '^\\d{8,20}$', maxLength: 20 }),
  checkDigit: Text(1),
  type: enumOf(CUSTOMER_ACCOUNT_TYPES),
});
// Required in PersonalAccount; optional in the contract, so a core without it still answers.
const PersonalAccount = Type.Object({
  ...BusinessAccount.properties,
  subtype: Opt(enumOf(['INDIVIDUAL', 'CONJUNTA_SIMPLES', 'CONJUNTA_SOLIDARIA'] as const)),
});

const PersonalFinancialRelation = Type.Object({
  updateDateTime: DateTime,
  startDate: DateTime,
  productsServicesType: Type.Array(enumOf(PRODUCT_SERVICE_TYPES), { minItems: 1 }),
  productsServicesTypeAdditionalInfo: Opt(Text(100)),
  procurators: Type.Array(
    Type.Object({
      type: ProcuratorType,
      cpfNumber: Type.String({ pattern: '^\\d{11}$', maxLength: 11 }),
      civilName: Text(70),
      socialName: Opt(Text(70)),
    }),
  ),
  accounts: Type.Array(PersonalAccount),
  portabilitiesReceived: Opt(
    Type.Array(
      Type.Object({
        ...Employer,
        paycheckBankDetainerCnpj: Cnpj,
        paycheckBankDetainerIspb: Ispb,
        portabilityApprovalDate: IsoDate,
      }),
      { minItems: 1 },
    ),
  ),
  paychecksBankLink: Opt(
    Type.Array(
      Type.Object({
        ...Employer,
        paycheckBankCnpj: Cnpj,
        paycheckBankIspb: Ispb,
        accountOpeningDate: IsoDate,
      }),
      { minItems: 1 },
    ),
  ),
});

const BusinessIdentification = Type.Object({
  updateDateTime: DateTime,
  businessId: Id,
  brandName: Text(80),
  companyName: Text(70),
  tradeName: Opt(Text(70)),
  incorporationDate: DateTime,
  cnpjNumber: Cnpj,
  companiesCnpj: Type.Array(Cnpj, { minItems: 1 }),
  otherDocuments: Opt(
    Type.Array(
      Type.Object({
        type: Text(20),
        number: Text(20),
        country: Type.String({ pattern: '^(\\w{3}){1}$', maxLength: 3 }),
        expirationDate: Opt(IsoDate),
      }),
      { minItems: 1 },
    ),
  ),
  parties: Type.Array(
    Type.Object({
      personType: enumOf(PERSON_TYPES),
      type: enumOf(['SOCIO', 'ADMINISTRADOR'] as const),
      civilName: Opt(Text(70)),
      socialName: Opt(Text(70)),
      companyName: Opt(Text(70)),
      tradeName: Opt(Text(70)),
      startDate: Opt(DateTime),
      shareholding: Opt(Type.String({ pattern: '^[01]\\.\\d{6}$', maxLength: 8 })),
      documentType: enumOf(['CPF', 'PASSAPORTE', 'OUTRO_DOCUMENTO_VIAGEM', 'CNPJ'] as const),
      documentNumber: Text(20),
      documentAdditionalInfo: Opt(Text(100)),
      documentCountry: Opt(Text(3)),
      documentExpirationDate: Opt(IsoDate),
      documentIssueDate: Opt(IsoDate),
    }),
  ),
  contacts: contacts(),
});

const BusinessQualification = Type.Object({
  updateDateTime: DateTime,
  economicActivities: Type.Array(
    Type.Object({ code: Type.String({ pattern: '^\\d{7}$' }), isMain: Type.Boolean() }),
  ),
  informedRevenue: Opt(
    Type.Object({
      frequency: Opt(enumOf(INCOME_FREQUENCIES)),
      frequencyAdditionalInfo: Opt(Text(100)),
      amount: SignedAmount,
      year: Opt(Type.Integer({ maximum: 9999 })),
    }),
  ),
  informedPatrimony: Opt(Type.Object({ ...InformedPatrimony, date: IsoDate })),
});

const BusinessFinancialRelation = Type.Object({
  updateDateTime: DateTime,
  startDate: DateTime,
  productsServicesType: Type.Array(enumOf(PRODUCT_SERVICE_TYPES), { minItems: 1 }),
  procurators: Type.Array(
    Type.Object({
      type: ProcuratorType,
      cnpjCpfNumber: Type.String({ pattern: '^\\d{11}$|^\\d{14}$', maxLength: 14 }),
      civilName: Text(70),
      socialName: Opt(Text(70)),
    }),
  ),
  accounts: Type.Array(BusinessAccount),
});

const single = <T extends TSchema>(data: T) => ({
  response: { 200: Type.Object({ data, links: Links, meta: MetaOnlyRequestDateTime }) },
});
const list = <T extends TSchema>(item: T) => ({
  querystring: PagedQuery,
  response: { 200: Type.Object({ data: Type.Array(item), links: Links, meta: MetaOnlyRequestDateTime }) },
});

export const GetPersonalIdentifications = list(PersonalIdentification);
export const GetPersonalQualifications = single(PersonalQualification);
export const GetPersonalFinancialRelations = single(PersonalFinancialRelation);
export const GetBusinessIdentifications = list(BusinessIdentification);
export const GetBusinessQualifications = single(BusinessQualification);
export const GetBusinessFinancialRelations = single(BusinessFinancialRelation);
