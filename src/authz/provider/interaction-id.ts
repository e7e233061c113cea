import type { KoaContextWithOIDC, KoaMiddleware } from 'oidc-provider';
import { INTERACTION_ID_HEADER, isValidInteractionId } from '../../platform/http/index.ts';

/**
 * `x-fapi-interaction-id` on the authorization server (FAPI-BR 1.0 ID3 §5.2.2 item 23;
 * DIGEST §0 item 9): every answer carries one (the client's when valid, else the one Fastify
 * generated for the request), and the protected resource the server itself exposes (userinfo)
 * refuses requests without a valid one with 400, as the resource servers do.
 */
export function interactionIdHandling(protectedPaths: readonly string[]): KoaMiddleware {
  const guarded = new Set(protectedPaths);
  return async (ctx: KoaContextWithOIDC, next) => {
    const received = ctx.get(INTERACTION_ID_HEADER);
    const generated = (ctx.req as { id?: unknown }).id;
    const id = isValidInteractionId(received)
      ? received
      : typeof generated === 'string'
        ? generated
        : undefined;
    if (id !== undefined) ctx.set(INTERACTION_ID_HEADER, id);
    if (guarded.has(ctx.path) && !isValidInteractionId(received)) {
      ctx.status = 400;
      ctx.set('cache-control', 'no-store');
      ctx.body = {
        error: 'invalid_request',
        error_description: `${INTERACTION_ID_HEADER} header missing or not a UUID`,
      };
      return;
    }
    await next();
  };
}
