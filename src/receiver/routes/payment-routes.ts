import type { Clock } from '../../platform/clock/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import type { PaymentView } from '../payments/store.ts';
import type { PaymentConsentView } from '../payments/views.ts';
import type { Receiver } from '../receiver.ts';
import { shapeConsent } from './consent-routes.ts';
import { withHolderErrors } from './holder-error-body.ts';
import { CreatePaymentConsent, GetPayment, GetPaymentConsent, InitiatePayment } from './payment-schemas.ts';

export function shapePayment(view: PaymentView) {
  return {
    ...view,
    checkedAt: view.checkedAt?.toISOString() ?? null,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

function shapePaymentConsent(view: PaymentConsentView) {
  return {
    ...shapeConsent(view.consent),
    holderStatus: view.holderStatus,
    autoInitiate: view.autoInitiate,
    payment: view.payment ? shapePayment(view.payment) : null,
  };
}

/** Payment initiation in two calls (README "API"): lodge + authorise, then pay. */
export const paymentRoutes = defineRoutes<{ receiver: Receiver; clock: Clock }>(
  (app, { receiver, clock }) => {
    app.post('/receiver/v1/payments/consents', { schema: CreatePaymentConsent }, async (request, reply) =>
      withHolderErrors(reply, clock, async () => {
        const started = await receiver.startPaymentConsent(request.body);
        const view = {
          consent: started.consent,
          holderStatus: started.holderStatus,
          autoInitiate: started.autoInitiate,
          payment: null,
        };
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ data: { ...shapePaymentConsent(view), authorisationUrl: started.authorisationUrl } });
      }),
    );

    app.get('/receiver/v1/payments/consents/:id', { schema: GetPaymentConsent }, async (request) => ({
      data: shapePaymentConsent(await receiver.getPaymentConsent(request.params.id)),
    }));

    app.post('/receiver/v1/payments/consents/:id/pix', { schema: InitiatePayment }, async (request, reply) =>
      withHolderErrors(reply, clock, async () => {
        const { payment, created } = await receiver.initiatePayment(request.params.id);
        return reply
          .code(created ? 201 : 200)
          .header('cache-control', 'no-store')
          .send({ data: shapePayment(payment) });
      }),
    );

    app.get('/receiver/v1/payments/:id', { schema: GetPayment }, async (request) => ({
      data: shapePayment(await receiver.getPayment(request.params.id)),
    }));
  },
);
