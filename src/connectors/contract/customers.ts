import type { BrandId, CustomerDocument, CustomerRef } from './common.ts';
import type {
  BusinessFinancialRelation,
  BusinessIdentification,
  BusinessQualification,
} from './customers-business.ts';
import type {
  PersonalFinancialRelation,
  PersonalIdentification,
  PersonalQualification,
} from './customers-personal.ts';

/**
 * Customer registration data (customers API 2.2.1). Every method answers for one brand; a
 * reference of the wrong person type, or one the brand does not know, throws
 * `CONNECTOR_CUSTOMER_NOT_FOUND`. Implementations return personal data in clear: protecting it
 * at rest is their business, not the caller's.
 *
 * @example
 *   const ref = await connector.customers.findCustomer('bank-a', { type: 'CPF', number: '52998224725' });
 *   if (ref?.personType === 'PESSOA_NATURAL') {
 *     const [identification] = await connector.customers.getPersonalIdentifications('bank-a', ref);
 *   }
 */
export interface CustomersConnector {
  /**
   * The customer whose CPF/CNPJ this is, or `null`. Ponte calls it with the `loggedUser` /
   * `businessEntity` document of a consent; the number is bare (11 or 14 characters).
   */
  findCustomer(brandId: BrandId, document: CustomerDocument): Promise<CustomerRef | null>;

  /** `GET /personal/identifications`: usually one record per brand, hence an array as in the spec. */
  getPersonalIdentifications(
    brandId: BrandId,
    customer: CustomerRef,
  ): Promise<readonly PersonalIdentification[]>;
  /** `GET /personal/qualifications`. */
  getPersonalQualification(brandId: BrandId, customer: CustomerRef): Promise<PersonalQualification>;
  /** `GET /personal/financial-relations`. */
  getPersonalFinancialRelation(brandId: BrandId, customer: CustomerRef): Promise<PersonalFinancialRelation>;

  /** `GET /business/identifications`. */
  getBusinessIdentifications(
    brandId: BrandId,
    customer: CustomerRef,
  ): Promise<readonly BusinessIdentification[]>;
  /** `GET /business/qualifications`. */
  getBusinessQualification(brandId: BrandId, customer: CustomerRef): Promise<BusinessQualification>;
  /** `GET /business/financial-relations`. */
  getBusinessFinancialRelation(brandId: BrandId, customer: CustomerRef): Promise<BusinessFinancialRelation>;
}
