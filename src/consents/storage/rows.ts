import type { PersonType } from '../../connectors/index.ts';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Consent } from '../domain/model.ts';
import type { Permission } from '../domain/permissions.ts';
import type { ConsentStatus, RejectedBy, RejectionReasonCode } from '../domain/status-policy.ts';
import type { ConsentRow } from './schema.ts';

/**
 * Row ⇄ domain mapping for `consents`. Documents are sealed with the row's consent id in the
 * AAD, so a ciphertext copied to another row or column does not decrypt.
 */
export function documentHash(cipher: FieldCipher, identification: string): Buffer {
  // CPF (11 digits) and CNPJ (14 characters) cannot collide; upper case for alphanumeric CNPJ.
  return cipher.hash(identification.toUpperCase());
}

export function sealConsentField(
  cipher: FieldCipher,
  column: 'logged_user_document' | 'business_entity_document',
  consentId: string,
  value: string,
): Buffer {
  return cipher.encrypt(value, fieldAad('consents', column, consentId));
}

export function toRow(cipher: FieldCipher, consent: Consent): ConsentRow {
  const { consentId } = consent;
  const user = consent.loggedUser.document;
  const business = consent.businessEntity?.document;
  return {
    consentId,
    brandId: consent.brandId,
    clientId: consent.clientId,
    status: consent.status,
    permissions: [...consent.permissions],
    creationDateTime: consent.creationDateTime,
    statusUpdateDateTime: consent.statusUpdateDateTime,
    expirationDateTime: consent.expirationDateTime,
    loggedUserDocument: sealConsentField(cipher, 'logged_user_document', consentId, user.identification),
    loggedUserRel: user.rel,
    loggedUserHash: documentHash(cipher, user.identification),
    businessEntityDocument: business
      ? sealConsentField(cipher, 'business_entity_document', consentId, business.identification)
      : null,
    businessEntityRel: business?.rel ?? null,
    businessEntityHash: business ? documentHash(cipher, business.identification) : null,
    rejectedBy: consent.rejection?.rejectedBy ?? null,
    rejectionReasonCode: consent.rejection?.reason.code ?? null,
    rejectionAdditionalInformation: consent.rejection?.reason.additionalInformation ?? null,
    isLinked: consent.isLinked,
    customerId: consent.customer?.customerId ?? null,
    customerPersonType: consent.customer?.personType ?? null,
  };
}

export function fromRow(cipher: FieldCipher, row: ConsentRow): Consent {
  const open = (column: 'logged_user_document' | 'business_entity_document', value: Buffer) =>
    cipher.decrypt(value, fieldAad('consents', column, row.consentId));
  const business =
    row.businessEntityDocument !== null && row.businessEntityRel !== null
      ? {
          document: {
            identification: open('business_entity_document', row.businessEntityDocument),
            rel: row.businessEntityRel,
          },
        }
      : null;
  const rejection =
    row.rejectedBy !== null && row.rejectionReasonCode !== null
      ? {
          rejectedBy: row.rejectedBy as RejectedBy,
          reason: {
            code: row.rejectionReasonCode as RejectionReasonCode,
            ...(row.rejectionAdditionalInformation === null
              ? {}
              : { additionalInformation: row.rejectionAdditionalInformation }),
          },
        }
      : null;
  return {
    brandId: row.brandId,
    consentId: row.consentId,
    clientId: row.clientId,
    status: row.status as ConsentStatus,
    permissions: row.permissions as Permission[],
    creationDateTime: row.creationDateTime,
    statusUpdateDateTime: row.statusUpdateDateTime,
    expirationDateTime: row.expirationDateTime,
    loggedUser: {
      document: {
        identification: open('logged_user_document', row.loggedUserDocument),
        rel: row.loggedUserRel,
      },
    },
    businessEntity: business,
    rejection,
    isLinked: row.isLinked,
    customer:
      row.customerId !== null && row.customerPersonType !== null
        ? { customerId: row.customerId, personType: row.customerPersonType as PersonType }
        : null,
  };
}
