import { interactionPolicy } from 'oidc-provider';
import type { GrantInstance, KoaContextWithOIDC } from 'oidc-provider';

const { base, Check } = interactionPolicy;

/**
 * Every authorization request is a consent of its own (FAPI-BR 1.0 ID3 §7.1): the customer logs
 * in and confirms on the brand's page each time, whatever browser session exists. The default
 * policy would skip login for a live session; this one asks again unless this very request
 * already went through the login page.
 */
export function interactionPolicyForConsents() {
  const policy = base();
  const login = policy.get('login');
  if (!login) throw new Error('oidc-provider base policy without a login prompt');
  login.checks.add(
    new Check(
      'login_per_consent',
      'each consent requires the customer to log in',
      (ctx: KoaContextWithOIDC) =>
        ctx.oidc.result?.login === undefined ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT,
    ),
    0,
  );
  return policy;
}

/**
 * `loadExistingGrant`: only the grant this request's consent page created. Grants are never
 * reused across authorizations (each one is bound to one consent; DESIGN §6), so the default
 * lookup through the browser session is not used.
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<GrantInstance | undefined> {
  const consent = ctx.oidc.result?.consent as { grantId?: unknown } | undefined;
  const grantId = typeof consent?.grantId === 'string' ? consent.grantId : undefined;
  return grantId === undefined ? undefined : ctx.oidc.provider.Grant.find(grantId);
}
