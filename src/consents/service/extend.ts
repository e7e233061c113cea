import { AppError } from '../../platform/errors/index.ts';
import { ConsentErrors } from '../errors.ts';
import { checkExtensionExpiry, parseSpecDateTime } from '../domain/expiration-policy.ts';
import type { Consent, ConsentDocument } from '../domain/model.ts';
import { notFound, ownedBy, type ConsentContext } from './context.ts';
import { currentConsent, lockedConsent } from './transitions.ts';
import type { ConsentKey } from '../storage/consent-store.ts';

/** consents.yaml CreateConsentExtensions.data plus the two headers the renewal must carry. */
export interface ExtendConsentInput {
  loggedUser: { document: ConsentDocument };
  businessEntity?: { document: ConsentDocument } | undefined;
  /** RFC 3339 UTC; omitted to make the consent indefinite. */
  expirationDateTime?: string | undefined;
  /** x-fapi-customer-ip-address (required on extends). */
  customerIpAddress: string;
  /** x-customer-user-agent (required on extends). */
  customerUserAgent: string;
}

function unmapped(message: string, consentId: string): AppError {
  return new AppError(ConsentErrors.CONSENT_UNMAPPED_ERROR, message, { detail: { consentId } });
}

/**
 * Who may renew without redirect (consents.yaml info.description): on a PF consent only the
 * `loggedUser` who created it; on a PJ consent any user of the company, so the business entity
 * (immutable, "utilizado apenas para verificação do consentimento vigente") must match instead.
 * The spec maps business-layer refusals to 422 and has no specific code for this one.
 */
function checkRenewer(consent: Consent, input: ExtendConsentInput): void {
  const sent = input.businessEntity?.document.identification.toUpperCase();
  if (consent.businessEntity === null) {
    if (sent !== undefined) {
      throw unmapped(
        'O consentimento é de pessoa natural: businessEntity não deve ser informado.',
        consent.consentId,
      );
    }
    if (input.loggedUser.document.identification !== consent.loggedUser.document.identification) {
      throw unmapped(
        'Somente o usuário que criou o consentimento pode renová-lo sem redirecionamento.',
        consent.consentId,
      );
    }
    return;
  }
  if (sent !== consent.businessEntity.document.identification.toUpperCase()) {
    throw unmapped('O businessEntity informado não corresponde ao do consentimento.', consent.consentId);
  }
}

/**
 * POST /consents/{consentId}/extends: only an AUTHORISED consent (else 422
 * ESTADO_CONSENTIMENTO_INVALIDO), renewed by the right user, to a later expiry within 12 months
 * (else 422 DATA_EXPIRACAO_INVALIDA). The renewal is stored in the extensions history with the
 * previous expiry; statusUpdateDateTime does not change, as the status does not.
 */
export async function extendConsent(
  ctx: ConsentContext,
  key: ConsentKey,
  clientId: string,
  input: ExtendConsentInput,
): Promise<Consent> {
  const requested =
    input.expirationDateTime === undefined
      ? undefined
      : parseSpecDateTime(input.expirationDateTime, 'data.expirationDateTime');
  ownedBy(await currentConsent(ctx, key), clientId);
  return ctx.db.transaction(async (tx) => {
    const consent = await lockedConsent(tx, ctx, key);
    if (consent === undefined) throw notFound();
    if (consent.status !== 'AUTHORISED') {
      throw new AppError(
        ConsentErrors.ESTADO_CONSENTIMENTO_INVALIDO,
        'O consentimento informado não pode ser renovado sem redirecionamento porque está em um estado que não permite a renovação.',
      );
    }
    checkRenewer(consent, input);
    const now = ctx.clock.now();
    checkExtensionExpiry(consent.expirationDateTime, requested, now);
    const expiration = requested ?? null;
    await ctx.consents.setExpiration(tx, key, expiration);
    await ctx.extensions.insert(tx, key, {
      expirationDateTime: expiration,
      previousExpirationDateTime: consent.expirationDateTime,
      loggedUser: { document: { ...input.loggedUser.document } },
      requestDateTime: new Date(Math.floor(now.getTime() / 1000) * 1000),
      xFapiCustomerIpAddress: input.customerIpAddress,
      xCustomerUserAgent: input.customerUserAgent,
    });
    return { ...consent, expirationDateTime: expiration };
  });
}
