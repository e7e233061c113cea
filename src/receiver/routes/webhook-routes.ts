import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineRoutes } from '../../platform/http/index.ts';
import type { Receiver } from '../receiver.ts';
import { WebhookParams } from './payment-schemas.ts';

const PREFIX = '/open-banking/webhook/v1/payments/v4';
/** src/payments/README.md "Webhooks": the detached JWS over the body. */
const SIGNATURE_HEADER = 'x-jws-signature';

/**
 * The holders' payment webhooks (webhook.yaml 1.2.0): `POST <webhook_uri>/open-banking/webhook/
 * v1/payments/v4/{pix/payments|consents}/{id}`. The body is kept as bytes (the signature covers
 * them exactly): this plugin's own JSON parser, encapsulated, so no other route is affected.
 * Verified → 202 at once with `x-webhook-interaction-id` echoed; the GET at the holder follows
 * (medusa's pattern: acknowledge, then process).
 */
export const webhookRoutes = defineRoutes<{ receiver: Receiver }>((app, { receiver }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 16_384 }, (_req, body, done) =>
    done(null, body),
  );

  const handle =
    (resource: 'payment' | 'consent') => async (request: FastifyRequest, reply: FastifyReply, id: string) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers[SIGNATURE_HEADER];
      const accepted = await receiver.acceptWebhook({
        resource,
        id,
        signature: typeof signature === 'string' ? signature : undefined,
        body,
      });
      const interactionId = request.headers['x-webhook-interaction-id'];
      if (typeof interactionId === 'string') void reply.header('x-webhook-interaction-id', interactionId);
      void reply.code(202).send();
      accepted
        .process()
        .catch((error: unknown) =>
          request.log.warn({ err: error, resource, id, orgId: accepted.orgId }, 'webhook follow-up failed'),
        );
      return reply;
    };
  const onPayment = handle('payment');
  const onConsent = handle('consent');

  app.post(
    `${PREFIX}/pix/payments/:paymentId`,
    { schema: { params: WebhookParams.payment } },
    (request, reply) => onPayment(request, reply, request.params.paymentId),
  );
  app.post(`${PREFIX}/consents/:consentId`, { schema: { params: WebhookParams.consent } }, (request, reply) =>
    onConsent(request, reply, request.params.consentId),
  );
});
