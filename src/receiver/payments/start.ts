import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { AppError } from '../../platform/errors/index.ts';
import {
  pushAuthorisationRequest,
  redirectUriOf,
  registeredClientAt,
} from '../consents/authorisation-request.ts';
import { consentView, type ConsentView } from '../consents/store.ts';
import { ReceiverErrors } from '../errors.ts';
import { apiBase, findHolder, holderServers } from '../holders/holders.ts';
import { receiverConsents, receiverPaymentConsents } from '../schema.ts';
import type { PaymentDeps } from './deps.ts';
import { paymentOrder, type StartPaymentInput } from './order.ts';
import { callSigned } from './signed-call.ts';
import { PAYMENT_CONSENT_STATUSES } from './store.ts';

export interface StartedPaymentConsent {
  consent: ConsentView;
  holderStatus: string;
  autoInitiate: boolean;
  authorisationUrl: string;
}

/**
 * The first of the two calls (DESIGN §3.2 from the initiator's side, DIGEST §4.1): validate the
 * plain request → client_credentials token (`payments`) → signed `POST /consents` at the holder,
 * its signed answer verified with the holder's directory keys → PAR for `payments
 * consent:<consentId>` → local rows, in one transaction. A payment consent cannot be deleted at
 * the holder (payments 4.0.0 has no DELETE); one left behind by a failure here expires there
 * after 5 minutes (AWAITING_AUTHORISATION → REJECTED), and nothing is stored locally.
 */
export async function startPaymentConsent(
  deps: PaymentDeps,
  input: StartPaymentInput,
): Promise<StartedPaymentConsent> {
  const { ctx } = deps.consents;
  const { cpf, order } = paymentOrder(input, ctx.clock.now());
  const server = findHolder(holderServers(await ctx.directory.participants()), input.holder);
  const { registration, config } = await registeredClientAt(deps.consents, server);
  const redirectUri = redirectUriOf(registration, input.redirectUri);
  const { access_token: token } = await deps.consents.oauth(() =>
    client.clientCredentialsGrant(config, { scope: 'payments' }),
  );
  const created = await callSigned(ctx, deps.orgJwksUri, `${apiBase(server, 'payments', 4)}/consents`, {
    method: 'POST',
    token,
    holderOrgId: server.orgId,
    data: order.consent,
    idempotencyKey: randomUUID(),
  });
  const answer = created.data as { consentId?: unknown; status?: unknown; expirationDateTime?: unknown };
  const holderStatus = PAYMENT_CONSENT_STATUSES.find((s) => s === answer?.status);
  if (typeof answer?.consentId !== 'string' || holderStatus === undefined) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_REJECTED,
      'A detentora não devolveu consentId e status.',
    );
  }
  const consentId = answer.consentId;
  ctx.logger.info(
    { consentId, fapiInteractionId: created.fapiInteractionId, orgId: server.orgId },
    'payment consent lodged at holder',
  );

  const { authorisationUrl, state, nonce, codeVerifier } = await pushAuthorisationRequest(
    deps.consents,
    config,
    { redirectUri, scopes: ['payments', `consent:${consentId}`] },
  );
  const id = randomUUID();
  const now = ctx.clock.now();
  const secrets = deps.consents.secrets;
  const expiration =
    typeof answer.expirationDateTime === 'string' ? new Date(answer.expirationDateTime) : null;
  const row = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(receiverConsents)
      .values({
        id,
        registrationId: registration.id,
        orgId: server.orgId,
        authorisationServerId: server.authorisationServerId,
        consentId,
        kind: 'PAYMENT',
        status: 'AWAITING_AUTHORISATION',
        dataGroups: [],
        permissions: [],
        documentEncrypted: secrets.seal(id, 'document', cpf),
        documentHash: secrets.documentHash(cpf),
        expirationDateTime: expiration && !Number.isNaN(expiration.getTime()) ? expiration : null,
        redirectUri,
        state,
        nonce,
        codeVerifier: secrets.seal(id, 'code_verifier', codeVerifier),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(receiverPaymentConsents).values({
      id,
      requestEncrypted: deps.paymentSecrets.sealOrder(id, order),
      holderStatus,
      autoInitiate: input.autoInitiate ?? false,
      checkedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    return inserted!;
  });
  return {
    consent: consentView(row),
    holderStatus,
    autoInitiate: input.autoInitiate ?? false,
    authorisationUrl,
  };
}
