import type { Clock } from '../../platform/clock/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import type { Receiver } from '../receiver.ts';
import { consentRoutes } from './consent-routes.ts';
import { dataRoutes } from './data-routes.ts';
import { registrationRoutes } from './registration-routes.ts';

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
  if (options.operatorRoutes !== false) void app.register(registrationRoutes, options);
});
