import { sampleBankCustomers, sampleBankProcurators } from '../schema/customers.ts';
import type { SampleCustomer } from '../generator/model.ts';
import { rowsFor, type DataFamily, type SeedContext } from './family.ts';

export const CUSTOMERS_TABLE = 'sample_bank.customers';
export const PROCURATORS_TABLE = 'sample_bank.procurators';

/** The customer row with every personal field encrypted under an AAD naming its column and row. */
export function customerRow(
  customer: SampleCustomer,
  ctx: SeedContext,
): typeof sampleBankCustomers.$inferInsert {
  const { cipher } = ctx;
  const id = customer.customerId;
  const seal = (column: string, value: string) => cipher.encrypt(value, ctx.aad(CUSTOMERS_TABLE, column, id));
  const json = (column: string, value: unknown) => seal(column, JSON.stringify(value));
  return {
    id,
    brandId: ctx.brandId,
    customerIndex: customer.index,
    personType: customer.personType,
    documentHash: cipher.hash(customer.document),
    documentEnc: seal('document_enc', customer.document),
    nameEnc: seal('name_enc', customer.name),
    socialNameEnc: customer.socialName === undefined ? null : seal('social_name_enc', customer.socialName),
    birthDateEnc: seal('birth_date_enc', customer.birthDate),
    addressesEnc: json('addresses_enc', customer.contacts.postalAddresses),
    phonesEnc: json('phones_enc', customer.contacts.phones),
    emailsEnc: json('emails_enc', customer.contacts.emails),
    identificationEnc: json('identification_enc', customer.identification),
    qualificationEnc: json('qualification_enc', customer.qualification),
    relationshipStartedAt: new Date(customer.relationshipStart),
    updatedAt: new Date(customer.updateDateTime),
  };
}

/** Customers (natural and legal persons) and the people who act for them. */
export const customersFamily: DataFamily = {
  name: 'customers',
  tables: [sampleBankCustomers, sampleBankProcurators],
  generate(_random, customer, ctx) {
    const procurators = customer.procurators.map((p, position) => {
      const aad = (column: string) =>
        ctx.aad(PROCURATORS_TABLE, column, `${customer.customerId}:${position}`);
      return {
        brandId: ctx.brandId,
        customerId: customer.customerId,
        position,
        type: p.type,
        documentHash: ctx.cipher.hash(p.document),
        documentEnc: ctx.cipher.encrypt(p.document, aad('document_enc')),
        civilNameEnc: ctx.cipher.encrypt(p.civilName, aad('civil_name_enc')),
        socialNameEnc:
          p.socialName === undefined ? null : ctx.cipher.encrypt(p.socialName, aad('social_name_enc')),
      };
    });
    return [
      rowsFor(sampleBankCustomers, [customerRow(customer, ctx)]),
      rowsFor(sampleBankProcurators, procurators),
    ];
  },
};
