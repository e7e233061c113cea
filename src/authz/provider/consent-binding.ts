import { errors } from 'oidc-provider';
import type { GrantInstance, KoaContextWithOIDC, TokenInstance } from 'oidc-provider';
import { consentIdsInScope } from '../policies/consent-scope.ts';
import type { AuthzConsents } from '../types.ts';

/**
 * `extraTokenClaims`: runs whenever an access token is about to be stored, so it is where the
 * consent is re-checked at every token issue and refresh (FAPI-BR 1.0 ID3 §7.2.2 item 1;
 * DIGEST §6.1 "refresh only for active consents"; DESIGN §6). A consent that is no longer
 * active (REJECTED, revoked, expired) ends the request with `invalid_grant`, before any token
 * exists. The consent id is stored with the token for the resource servers (`extra.consentId`).
 */
export function consentBinding(deps: { brandId: string; resource: string; consents: AuthzConsents }) {
  return async function extraTokenClaims(
    ctx: KoaContextWithOIDC | undefined,
    token: TokenInstance,
  ): Promise<Record<string, unknown> | undefined> {
    if (token.kind !== 'AccessToken') return undefined;
    const grant = ctx?.oidc.entities.Grant as GrantInstance | undefined;
    // The grant's consent counts even when a refresh narrows the scope and leaves it out.
    const ids = new Set([
      ...consentIdsInScope(token.scope),
      ...consentIdsInScope(grant?.getResourceScope(deps.resource)),
    ]);
    for (const consentId of ids) {
      if (
        token.clientId === undefined ||
        !(await deps.consents.isActive(deps.brandId, consentId, token.clientId))
      ) {
        throw new errors.InvalidGrant('the consent bound to this grant is not active');
      }
    }
    const [consentId] = ids;
    return ids.size === 1 && consentId !== undefined ? { consentId } : undefined;
  };
}
