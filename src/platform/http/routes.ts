import type { FastifyPluginOptions } from 'fastify';
import type { RouteApp, RoutePlugin } from './types.ts';

/**
 * Declares a module's routes. The module's dependencies arrive as the plugin options, passed by
 * the composition root; handlers stay thin (validate → one domain call → shape).
 *
 * @example
 *   export const accountRoutes = defineRoutes<{ accounts: Accounts; clock: Clock }>((app, { accounts, clock }) => {
 *     app.get('/open-banking/accounts/v2/accounts/:accountId', { schema: GetAccount, config: { fapi: true } },
 *       async (request) => shapeAccount(await accounts.get(request.params.accountId), clock));
 *   });
 *   // src/app/: await app.register(accountRoutes, { accounts, clock });
 */
export function defineRoutes<Options extends FastifyPluginOptions = Record<never, never>>(
  register: (app: RouteApp, options: Options) => void,
): RoutePlugin<Options> {
  return (app, options, done) => {
    try {
      register(app, options);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}
