import type { Clock } from '../../platform/clock/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import type { Receiver } from '../receiver.ts';
import { consentRoutes } from './consent-routes.ts';
import { dataRoutes } from './data-routes.ts';
import { paymentRoutes } from './payment-routes.ts';
import { registrationRoutes } from './registration-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

export interface ReceiverRoutesOptions {
  receiver: Receiver;
  clock: Clock;
  /** Mount the operator routes (registrations); off when the public API is served elsewhere. */
  operatorRoutes?: boolean;
}

/** Ponte's receiver API for the institution's own apps (put it behind the institution's auth). */
export const receiverRoutes = defineRoutes<ReceiverRoutesOptions>((app, options) => {
  void app.register(consentRoutes, options);
  void app.register(dataRoutes, options);
  void app.register(paymentRoutes, options);
  // Holders' webhooks: on the origin of the software statement's webhook URI.
  void app.register(webhookRoutes, options);
  if (options.operatorRoutes !== false) void app.register(registrationRoutes, options);
});
