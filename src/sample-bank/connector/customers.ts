import { and, eq } from 'drizzle-orm';
import { normaliseCnpj, normaliseCpf } from '../../platform/documents/index.ts';
import {
  customerNotFound,
  type BrandId,
  type CustomerPhone,
  type CustomerEmail,
  type CustomerRef,
  type CustomersConnector,
  type PostalAddress,
  type ResourcesConnector,
} from '../../connectors/index.ts';
import type {
  BusinessExtras,
  BusinessQualificationExtras,
  PersonalExtras,
  PersonalQualificationExtras,
} from '../generator/model.ts';
import { sampleBankCustomers } from '../schema/customers.ts';
import { CUSTOMERS_TABLE } from '../seed/customers-family.ts';
import type { SampleBankDeps } from '../seed/family.ts';
import { financialRelation } from './relations.ts';
import { isUuid, isoSeconds, loadInstitution, opener } from './shared.ts';

type PersonType = CustomerRef['personType'];

/**
 * customers 2.2.1 over `sample_bank.customers`: finds customers by the keyed hash of their
 * CPF/CNPJ and decrypts their columns (AAD = table, column, customer id) on the way out.
 */
export function createCustomersReader(
  deps: SampleBankDeps,
  resources: ResourcesConnector,
): CustomersConnector {
  const { db, cipher } = deps;

  /** The customer's row and brand institution, if the reference is of this brand and person type. */
  async function load(brandId: BrandId, customer: CustomerRef, personType: PersonType) {
    if (customer.personType !== personType || !isUuid(customer.customerId)) throw customerNotFound();
    const [[row], institution] = await Promise.all([
      db
        .select()
        .from(sampleBankCustomers)
        .where(
          and(
            eq(sampleBankCustomers.id, customer.customerId),
            eq(sampleBankCustomers.brandId, brandId),
            eq(sampleBankCustomers.personType, personType),
          ),
        ),
      loadInstitution(db, brandId),
    ]);
    if (!row || !institution) throw customerNotFound();
    const open = opener(cipher, CUSTOMERS_TABLE, row.id);
    const contacts = () => ({
      postalAddresses: open.json<PostalAddress[]>('addresses_enc', row.addressesEnc),
      phones: open.json<CustomerPhone[]>('phones_enc', row.phonesEnc),
      emails: open.json<CustomerEmail[]>('emails_enc', row.emailsEnc),
    });
    return { row, institution, open, contacts };
  }

  return {
    async findCustomer(brandId, document) {
      const number = document.type === 'CPF' ? normaliseCpf(document.number) : normaliseCnpj(document.number);
      if (number === null) return null;
      const [row] = await db
        .select({ id: sampleBankCustomers.id, personType: sampleBankCustomers.personType })
        .from(sampleBankCustomers)
        .where(
          and(
            eq(sampleBankCustomers.brandId, brandId),
            eq(sampleBankCustomers.documentHash, cipher.hash(number)),
          ),
        );
      const expected: PersonType = document.type === 'CPF' ? 'PESSOA_NATURAL' : 'PESSOA_JURIDICA';
      return row && row.personType === expected ? { customerId: row.id, personType: row.personType } : null;
    },

    async getPersonalIdentifications(brandId, customer) {
      const { row, institution, open, contacts } = await load(brandId, customer, 'PESSOA_NATURAL');
      const extras = open.json<PersonalExtras>('identification_enc', row.identificationEnc);
      const socialName = open.optional('social_name_enc', row.socialNameEnc);
      return [
        {
          updateDateTime: isoSeconds(row.updatedAt),
          personalId: row.id,
          brandName: institution.brandName,
          civilName: open.text('name_enc', row.nameEnc),
          ...(socialName === undefined ? {} : { socialName }),
          birthDate: open.text('birth_date_enc', row.birthDateEnc),
          ...extras,
          companiesCnpj: [institution.companyCnpj],
          documents: { cpfNumber: open.text('document_enc', row.documentEnc) },
          contacts: contacts(),
        },
      ];
    },

    async getPersonalQualification(brandId, customer) {
      const { row, institution, open } = await load(brandId, customer, 'PESSOA_NATURAL');
      const extras = open.json<PersonalQualificationExtras>('qualification_enc', row.qualificationEnc);
      return { updateDateTime: isoSeconds(row.updatedAt), companyCnpj: institution.companyCnpj, ...extras };
    },

    async getPersonalFinancialRelation(brandId, customer) {
      const { row } = await load(brandId, customer, 'PESSOA_NATURAL');
      const relation = await financialRelation(deps, resources, brandId, row);
      return {
        ...relation,
        procurators: relation.procurators.map((p) => ({
          type: p.type,
          cpfNumber: p.document,
          civilName: p.civilName,
        })),
      };
    },

    async getBusinessIdentifications(brandId, customer) {
      const { row, institution, open, contacts } = await load(brandId, customer, 'PESSOA_JURIDICA');
      const extras = open.json<BusinessExtras>('identification_enc', row.identificationEnc);
      const tradeName = open.optional('social_name_enc', row.socialNameEnc);
      return [
        {
          updateDateTime: isoSeconds(row.updatedAt),
          businessId: row.id,
          brandName: institution.brandName,
          companyName: open.text('name_enc', row.nameEnc),
          ...(tradeName === undefined ? {} : { tradeName }),
          incorporationDate: `${open.text('birth_date_enc', row.birthDateEnc)}T00:00:00Z`,
          cnpjNumber: open.text('document_enc', row.documentEnc),
          companiesCnpj: [institution.companyCnpj],
          ...extras,
          contacts: contacts(),
        },
      ];
    },

    async getBusinessQualification(brandId, customer) {
      const { row, open } = await load(brandId, customer, 'PESSOA_JURIDICA');
      const extras = open.json<BusinessQualificationExtras>('qualification_enc', row.qualificationEnc);
      return { updateDateTime: isoSeconds(row.updatedAt), ...extras };
    },

    async getBusinessFinancialRelation(brandId, customer) {
      const { row } = await load(brandId, customer, 'PESSOA_JURIDICA');
      const relation = await financialRelation(deps, resources, brandId, row);
      return {
        ...relation,
        // BusinessAccount has no subtype (customers 2.2.1): joint ownership is a natural-person notion.
        accounts: relation.accounts.map(({ subtype: _subtype, ...account }) => account),
        procurators: relation.procurators.map((p) => ({
          type: p.type,
          cnpjCpfNumber: p.document,
          civilName: p.civilName,
        })),
      };
    },
  };
}
