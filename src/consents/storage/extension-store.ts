import { randomUUID } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { fieldAad, type FieldCipher } from '../../platform/crypto/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { ConsentExtension, Page, PageRequest } from '../domain/model.ts';
import type { ConsentKey } from './consent-store.ts';
import { consentExtensions } from './schema.ts';

/** SQL for `consent_extensions`: the renewal history of a consent. */
export function createExtensionStore(cipher: FieldCipher) {
  const aad = (column: string, id: string) => fieldAad('consent_extensions', column, id);

  return {
    async insert(ex: Executor, key: ConsentKey, extension: ConsentExtension): Promise<void> {
      const id = randomUUID();
      await ex.insert(consentExtensions).values({
        id,
        consentId: key.consentId,
        brandId: key.brandId,
        requestDateTime: extension.requestDateTime,
        expirationDateTime: extension.expirationDateTime,
        previousExpirationDateTime: extension.previousExpirationDateTime,
        loggedUserDocument: cipher.encrypt(
          extension.loggedUser.document.identification,
          aad('logged_user_document', id),
        ),
        loggedUserRel: extension.loggedUser.document.rel,
        customerIpAddress: cipher.encrypt(extension.xFapiCustomerIpAddress, aad('customer_ip_address', id)),
        customerUserAgent: extension.xCustomerUserAgent,
      });
    },

    /** consents.yaml GET /extensions: newest first by `requestDateTime`. */
    async list(ex: Executor, key: ConsentKey, page: PageRequest): Promise<Page<ConsentExtension>> {
      const where = and(
        eq(consentExtensions.brandId, key.brandId),
        eq(consentExtensions.consentId, key.consentId),
      );
      const [total] = await ex.select({ n: count() }).from(consentExtensions).where(where);
      const rows = await ex
        .select()
        .from(consentExtensions)
        .where(where)
        .orderBy(desc(consentExtensions.requestDateTime), desc(consentExtensions.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const totalRecords = total?.n ?? 0;
      return {
        items: rows.map((row) => ({
          expirationDateTime: row.expirationDateTime,
          previousExpirationDateTime: row.previousExpirationDateTime,
          loggedUser: {
            document: {
              identification: cipher.decrypt(row.loggedUserDocument, aad('logged_user_document', row.id)),
              rel: row.loggedUserRel,
            },
          },
          requestDateTime: row.requestDateTime,
          xFapiCustomerIpAddress: cipher.decrypt(row.customerIpAddress, aad('customer_ip_address', row.id)),
          xCustomerUserAgent: row.customerUserAgent,
        })),
        totalRecords,
        totalPages: Math.ceil(totalRecords / page.pageSize),
      };
    },
  };
}

export type ExtensionStore = ReturnType<typeof createExtensionStore>;
