import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/index.ts';
import { defineRoutes, FapiRequestHeaders, PlatformErrors } from '../../platform/http/index.ts';
import { PAYMENTS_PATH } from '../brand.ts';
import type { PaymentClient } from '../clients/payment-clients.ts';
import type { ConsentRequest } from '../consents/model.ts';
import { PaymentErrors } from '../errors.ts';
import type { Answer } from '../idempotency/idempotent.ts';
import type { PaymentsModule } from '../module.ts';
import type { CancellationRequest } from '../pix-payments/cancel-payments.ts';
import type { PaymentRequestItem } from '../pix-payments/model.ts';
import {
  requireClientCredentials,
  requireConsentToken,
  type AccessTokenVerifier,
  type VerifiedToken,
} from './access.ts';
import { ConsentIdParams, PaymentIdParams, SignedRequestHeaders } from './schemas/common.ts';
import { CreatePaymentConsentData } from './schemas/consents.ts';
import { CreatePixPaymentData, PatchPixPaymentData } from './schemas/payments.ts';
import { dataValidator } from './validate-data.ts';

export interface PaymentRoutesDeps {
  payments: PaymentsModule;
  verifier: AccessTokenVerifier;
  /** Which brand a request is for (each brand listens on its own host or port). */
  brands: (request: FastifyRequest) => string | undefined;
}

interface Caller {
  brandId: string;
  token: VerifiedToken;
  client: PaymentClient;
}

const consentData = dataValidator<ConsentRequest>(CreatePaymentConsentData);
const paymentData = dataValidator<PaymentRequestItem[]>(CreatePixPaymentData);
const patchData = dataValidator<CancellationRequest>(PatchPixPaymentData);

/**
 * Payments API 4.0.0 (`/open-banking/payments/v4`), account holder side:
 * - onRequest: the access token (401/403) and the initiator it belongs to;
 * - preValidation: the signed body (application/jwt) verified against the initiator's directory
 *   keys (400 BAD_SIGNATURE, 403 INVALID_CLIENT) and replaced by its claims;
 * - handler: the `data` claim against the endpoint's schema (422), then one use case;
 * - onSend: every 2xx and every 422 leaves signed by the brand (PS256, application/jwt), with
 *   `aud` = the initiator's organisationId; other errors stay JSON, as the spec declares them.
 */
export const paymentRoutes = defineRoutes<PaymentRoutesDeps>((app, deps) => {
  const { api } = deps.payments;
  const callers = new WeakMap<FastifyRequest, Caller>();

  const brandIdOf = (request: FastifyRequest): string => {
    const brandId = deps.brands(request);
    if (brandId === undefined)
      throw new AppError(PlatformErrors.NOT_FOUND, 'Instituição não atendida neste endereço.');
    return brandId;
  };
  const guard = (kind: 'client' | 'consent') => async (request: FastifyRequest) => {
    const brandId = brandIdOf(request);
    const token =
      kind === 'client'
        ? await requireClientCredentials(request, deps.verifier, brandId)
        : await requireConsentToken(request, deps.verifier, brandId);
    const client = await deps.payments.context.clients.find(brandId, token.clientId);
    if (client === undefined)
      throw new AppError(PaymentErrors.PAYMENTS_INVALID_CLIENT, 'Iniciador desconhecido.');
    callers.set(request, { brandId, token, client });
  };
  const callerOf = (request: FastifyRequest): Caller => {
    const caller = callers.get(request);
    if (caller === undefined) throw new Error('access guard did not run');
    return caller;
  };
  const signedBody = async (request: FastifyRequest) => {
    const caller = callerOf(request);
    if (typeof request.body !== 'string') {
      throw new AppError(
        PlatformErrors.UNSUPPORTED_MEDIA_TYPE,
        'O corpo deve ser um JWS (Content-Type: application/jwt).',
      );
    }
    request.body = await api.verifyRequest({
      brandId: caller.brandId,
      clientId: caller.client.clientId,
      clientOrgId: caller.client.orgId,
      jwksUris: caller.client.jwksUris,
      jwt: request.body,
      url: `${deps.payments.context.brands.get(caller.brandId)?.apiBaseUrl ?? ''}${request.url.split('?')[0]}`,
    });
  };
  const claimsData = (request: FastifyRequest): unknown => (request.body as { data?: unknown }).data;
  const idempotencyKey = (request: FastifyRequest): string => request.headers['x-idempotency-key'] as string;
  const send = (reply: FastifyReply, answer: Answer) => reply.code(answer.status).send(answer.body);

  app.addContentTypeParser('application/jwt', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    if (!((status >= 200 && status < 300) || status === 422) || typeof payload !== 'string') return payload;
    const caller = callers.get(request);
    const brandId = caller?.brandId ?? deps.brands(request);
    if (brandId === undefined) return payload;
    const body = JSON.parse(payload) as Record<string, unknown>;
    reply.header('content-type', 'application/jwt');
    return api.signResponse(brandId, caller?.client.orgId, body);
  });

  const clientRoute = { onRequest: guard('client'), config: { fapi: true } };
  const signedRoute = { ...clientRoute, preValidation: signedBody };

  app.post(
    `${PAYMENTS_PATH}/consents`,
    { ...signedRoute, schema: { headers: SignedRequestHeaders } },
    async (request, reply) => {
      const { brandId, client } = callerOf(request);
      return send(
        reply,
        await api.createConsent(
          brandId,
          client.clientId,
          consentData(claimsData(request)),
          idempotencyKey(request),
        ),
      );
    },
  );

  app.get(
    `${PAYMENTS_PATH}/consents/:consentId`,
    { ...clientRoute, schema: { headers: FapiRequestHeaders, params: ConsentIdParams } },
    async (request) => {
      const { brandId, client } = callerOf(request);
      return api.getConsent(brandId, request.params.consentId, client.clientId);
    },
  );

  app.post(
    `${PAYMENTS_PATH}/pix/payments`,
    {
      onRequest: guard('consent'),
      preValidation: signedBody,
      config: { fapi: true },
      schema: { headers: SignedRequestHeaders },
    },
    async (request, reply) => {
      const { brandId, token, client } = callerOf(request);
      const items = paymentData(claimsData(request));
      const consentId = token.consentId!;
      return send(
        reply,
        await api.createPayments(
          brandId,
          { clientId: client.clientId, consentId },
          items,
          idempotencyKey(request),
        ),
      );
    },
  );

  app.get(
    `${PAYMENTS_PATH}/pix/payments/:paymentId`,
    { ...clientRoute, schema: { headers: FapiRequestHeaders, params: PaymentIdParams } },
    async (request) => {
      const { brandId, client } = callerOf(request);
      return api.getPayment(brandId, request.params.paymentId, client.clientId);
    },
  );

  app.patch(
    `${PAYMENTS_PATH}/pix/payments/:paymentId`,
    { ...signedRoute, schema: { headers: SignedRequestHeaders, params: PaymentIdParams } },
    async (request, reply) => {
      const { brandId, client } = callerOf(request);
      const data = patchData(claimsData(request));
      return send(
        reply,
        await api.cancelPayment(
          brandId,
          client.clientId,
          request.params.paymentId,
          data,
          idempotencyKey(request),
        ),
      );
    },
  );

  app.patch(
    `${PAYMENTS_PATH}/pix/payments/consents/:consentId`,
    { ...signedRoute, schema: { headers: SignedRequestHeaders, params: ConsentIdParams } },
    async (request, reply) => {
      const { brandId, client } = callerOf(request);
      const data = patchData(claimsData(request));
      return send(
        reply,
        await api.cancelConsentPayments(
          brandId,
          client.clientId,
          request.params.consentId,
          data,
          idempotencyKey(request),
        ),
      );
    },
  );
});
