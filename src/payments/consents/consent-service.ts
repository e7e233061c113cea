import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors, requestDateTime } from '../../platform/http/index.ts';
import type { BrandRuntime } from '../brand.ts';
import type { PaymentsContext } from '../context.ts';
import { runIdempotent, type Answer } from '../idempotency/idempotent.ts';
import { newConsent } from './create-consent.ts';
import type { ConsentRequest } from './model.ts';
import { consentData, consentUrl } from './present.ts';
import { currentConsent } from './transitions.ts';

/** POST /consents under its idempotency key: validated, stored AWAITING_AUTHORISATION, 201. */
export function createConsent(
  ctx: PaymentsContext,
  brand: BrandRuntime,
  clientId: string,
  data: ConsentRequest,
  idempotencyKey: string,
): Promise<Answer> {
  const scope = { brandId: brand.id, clientId, endpoint: 'POST /consents', key: idempotencyKey };
  return runIdempotent(ctx, scope, data, {
    prepare: () => Promise.resolve(newConsent(ctx, brand, clientId, data)),
    async commit(tx, consent) {
      await ctx.consents.insert(tx, consent);
      return {
        status: 201,
        body: {
          data: consentData(consent, { withRejection: false }),
          links: { self: consentUrl(brand, consent.consentId) },
          meta: { requestDateTime: requestDateTime(ctx.clock) },
        },
      };
    },
  });
}

/**
 * GET /consents/{consentId}: the consent as of now (expiry applied). Unknown → 404; another
 * initiator's → 403 ("Apenas ... consentimentos iniciados pela mesma iniciadora podem ser consultados").
 */
export async function readConsent(
  ctx: PaymentsContext,
  brand: BrandRuntime,
  consentId: string,
  clientId: string,
) {
  const consent = await currentConsent(ctx, brand.id, consentId);
  if (consent === undefined) throw new AppError(PlatformErrors.NOT_FOUND, 'Consentimento não encontrado.');
  if (consent.clientId !== clientId) {
    throw new AppError(PlatformErrors.FORBIDDEN, 'O consentimento pertence a outro iniciador.');
  }
  return {
    data: consentData(consent, { withRejection: true }),
    links: { self: consentUrl(brand, consentId) },
    meta: { requestDateTime: requestDateTime(ctx.clock) },
  };
}
