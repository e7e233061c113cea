import { errors } from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { consentIdsInScope, looksLikeConsentScope } from '../policies/consent-scope.ts';
import type { AuthzConsents } from '../types.ts';

/**
 * At the pushed authorization request (FAPI-BR 1.0 ID3 §7.1; DIGEST §3.1 flow): the request
 * names exactly one well-formed `consent:<urn>` scope, and that consent exists for this brand,
 * was created by this client and still awaits authorisation. Anything else is refused before
 * the customer is ever sent to the login page.
 */
export function checkPushedConsent(deps: { brandId: string; consents: AuthzConsents }) {
  return async (ctx: KoaContextWithOIDC): Promise<void> => {
    const scope = typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : '';
    const tokens = scope.split(' ').filter(looksLikeConsentScope);
    const ids = consentIdsInScope(scope);
    if (tokens.length !== 1 || ids.length !== 1) {
      throw new errors.InvalidScope('exactly one consent:<consentId> scope is required', 'consent');
    }
    const clientId = ctx.oidc.client?.clientId;
    const consent =
      clientId === undefined
        ? undefined
        : await deps.consents.findForAuthorization(deps.brandId, ids[0]!, clientId);
    if (consent === undefined) {
      throw new errors.InvalidScope('the consent does not exist for this client', tokens[0]);
    }
    if (consent.status !== 'AWAITING_AUTHORISATION') {
      throw new errors.InvalidScope('the consent is not awaiting authorisation', tokens[0]);
    }
  };
}
