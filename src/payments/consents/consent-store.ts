import { and, eq, sql } from 'drizzle-orm';
import type { PersonType } from '../../connectors/index.ts';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor, Transaction } from '../../platform/db/index.ts';
import type { ConsentRejectionCode, ConsentStatus } from '../domain/consent-status.ts';
import type { CreditorAccount } from '../domain/local-instrument.ts';
import { paymentConsents } from '../schema.ts';
import type { ConsentRequest, PaymentConsent } from './model.ts';

type Row = typeof paymentConsents.$inferSelect;
const TABLE = 'payment_consents';

function aad(column: string, consentId: string): string {
  return fieldAad(TABLE, column, consentId);
}

/** Rows ↔ consents; personal data encrypted, bound to the consent id by its AAD. */
export function createConsentStore(cipher: FieldCipher) {
  const decode = (row: Row): PaymentConsent => ({
    consentId: row.consentId,
    brandId: row.brandId,
    clientId: row.clientId,
    status: row.status as ConsentStatus,
    creationDateTime: row.creationDateTime,
    statusUpdateDateTime: row.statusUpdateDateTime,
    expirationDateTime: row.expirationDateTime,
    request: JSON.parse(cipher.decrypt(row.requestEnc, aad('request_enc', row.consentId))) as ConsentRequest,
    paymentDates: row.paymentDates,
    scheduled: row.scheduled === 'SCHEDULED',
    paymentsCreated: row.paymentsCreated,
    ...(row.customerId === null
      ? {}
      : { customer: { customerId: row.customerId, personType: row.customerPersonType as PersonType } }),
    ...(row.debtorAccountId === null ? {} : { debtorAccountId: row.debtorAccountId }),
    ...(row.debtorAccountEnc === null
      ? {}
      : {
          debtorAccount: JSON.parse(
            cipher.decrypt(row.debtorAccountEnc, aad('debtor_account_enc', row.consentId)),
          ) as CreditorAccount,
        }),
    ...(row.rejectionCode === null
      ? {}
      : {
          rejection: { code: row.rejectionCode as ConsentRejectionCode, detail: row.rejectionDetail ?? '' },
        }),
  });

  return {
    async insert(tx: Transaction, consent: PaymentConsent): Promise<void> {
      await tx.insert(paymentConsents).values({
        consentId: consent.consentId,
        brandId: consent.brandId,
        clientId: consent.clientId,
        status: consent.status,
        creationDateTime: consent.creationDateTime,
        statusUpdateDateTime: consent.statusUpdateDateTime,
        expirationDateTime: consent.expirationDateTime,
        requestEnc: cipher.encrypt(JSON.stringify(consent.request), aad('request_enc', consent.consentId)),
        amount: consent.request.payment.amount,
        localInstrument: consent.request.payment.details.localInstrument,
        paymentDates: consent.paymentDates,
        scheduled: consent.scheduled ? 'SCHEDULED' : 'IMMEDIATE',
        paymentsCreated: 0,
      });
    },

    async find(
      db: Executor,
      brandId: string,
      consentId: string,
      lock = false,
    ): Promise<PaymentConsent | undefined> {
      const query = db
        .select()
        .from(paymentConsents)
        .where(and(eq(paymentConsents.brandId, brandId), eq(paymentConsents.consentId, consentId)));
      const [row] = lock ? await query.for('update') : await query;
      return row && decode(row);
    },

    /**
     * Moves a consent from the status it was read in to `to`; undefined when it is no longer in
     * that status (someone else moved it first: the caller re-reads).
     */
    async transition(
      tx: Transaction,
      consent: PaymentConsent,
      to: ConsentStatus,
      change: {
        at: Date;
        expirationDateTime?: Date;
        rejection?: { code: ConsentRejectionCode; detail: string };
        authorisation?: {
          customerId: string;
          personType: PersonType;
          debtorAccountId: string;
          debtorAccount: CreditorAccount;
        };
        paymentsCreated?: number;
      },
    ): Promise<PaymentConsent | undefined> {
      const { authorisation } = change;
      const [row] = await tx
        .update(paymentConsents)
        .set({
          status: to,
          statusUpdateDateTime: change.at,
          ...(change.expirationDateTime === undefined
            ? {}
            : { expirationDateTime: change.expirationDateTime }),
          ...(change.rejection === undefined
            ? {}
            : { rejectionCode: change.rejection.code, rejectionDetail: change.rejection.detail }),
          ...(change.paymentsCreated === undefined ? {} : { paymentsCreated: change.paymentsCreated }),
          ...(authorisation === undefined
            ? {}
            : {
                customerId: authorisation.customerId,
                customerPersonType: authorisation.personType,
                debtorAccountId: authorisation.debtorAccountId,
                debtorAccountEnc: cipher.encrypt(
                  JSON.stringify(authorisation.debtorAccount),
                  aad('debtor_account_enc', consent.consentId),
                ),
              }),
        })
        .where(
          and(
            eq(paymentConsents.brandId, consent.brandId),
            eq(paymentConsents.consentId, consent.consentId),
            eq(paymentConsents.status, consent.status),
          ),
        )
        .returning();
      return row && decode(row);
    },

    /** Consents whose deadline passed while they could still expire, oldest first. */
    async dueForExpiry(db: Executor, now: Date, limit: number): Promise<PaymentConsent[]> {
      const rows = await db
        .select()
        .from(paymentConsents)
        .where(
          sql`${paymentConsents.status} IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED') AND ${paymentConsents.expirationDateTime} <= ${now}`,
        )
        .orderBy(paymentConsents.expirationDateTime)
        .limit(limit);
      return rows.map(decode);
    },
  };
}

export type ConsentStore = ReturnType<typeof createConsentStore>;
