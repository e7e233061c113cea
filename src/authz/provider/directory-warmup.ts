import type { KoaContextWithOIDC, KoaMiddleware } from 'oidc-provider';
import type { Logger } from '../../platform/logger/index.ts';
import type { AuthzDirectory } from '../types.ts';

/** DCR POST `/register` and DCM PUT `/register/:clientId` (paths relative to the issuer). */
function writesClient(ctx: KoaContextWithOIDC): boolean {
  return (
    (ctx.method === 'POST' && ctx.path === '/register') ||
    (ctx.method === 'PUT' && ctx.path.startsWith('/register/'))
  );
}

/**
 * Before a registration is validated, the directory client's keystore cache is made warm, so
 * that the synchronous SSA verification in `extraClientMetadata.validator` has the directory's
 * current keys (DESIGN §6). A directory that cannot be reached is logged; the verification then
 * refuses SSAs whose key it does not hold.
 */
export function warmDirectoryBeforeRegistration(directory: AuthzDirectory, logger: Logger): KoaMiddleware {
  return async (ctx, next) => {
    if (directory.warm !== undefined && writesClient(ctx)) {
      try {
        await directory.warm();
      } catch (error) {
        logger.warn({ err: error }, 'directory keystore could not be refreshed before a registration');
      }
    }
    await next();
  };
}
