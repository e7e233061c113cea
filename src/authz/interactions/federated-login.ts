import { randomBytes } from 'node:crypto';
import type { InteractionInstance } from 'oidc-provider';
import type { PendingRedirect, RedirectAuthenticator } from '../customer-auth/authenticator.ts';
import { authenticationUnavailablePage } from '../pages/authentication-pages.ts';
import { errorPage } from '../pages/error-page.ts';
import { admitCustomer, awaitingConsent } from './admission.ts';
import {
  finishWithError,
  rememberInInteraction,
  type InteractionDeps,
  type InteractionOutcome,
} from './interaction-deps.ts';

const PENDING_KEY = 'ponteRedirect';
/** oidc-provider interaction uids (nanoid alphabet); anything else in a state is not ours. */
const UID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The `state` sent to the identity provider: the interaction uid, a dot, 256 random bits. The
 * fixed callback reads the uid to find the interaction; the whole value must then equal the one
 * kept in that interaction (and the browser must hold that interaction's cookie).
 */
function newState(uid: string): string {
  return `${uid}.${randomBytes(32).toString('base64url')}`;
}

/** The interaction uid a callback's state claims to belong to, if it has the shape. */
export function interactionUidOfState(state: string | undefined): string | undefined {
  const uid = state?.split('.')[0];
  return uid !== undefined && UID.test(uid) && state!.length > uid.length + 1 ? uid : undefined;
}

function unavailable(
  deps: InteractionDeps,
  details: InteractionInstance,
  reason: string,
): InteractionOutcome {
  deps.logger.error({ reason }, 'customer authentication unavailable');
  return {
    kind: 'page',
    status: 503,
    html: authenticationUnavailablePage({ brand: deps.pageBrand, retryHref: `${deps.path}/${details.uid}` }),
  };
}

/** The login step of a redirect authenticator: off to the identity provider. */
export async function beginFederatedLogin(
  deps: InteractionDeps,
  authenticator: RedirectAuthenticator,
  details: InteractionInstance,
): Promise<InteractionOutcome> {
  const started = await authenticator.begin({
    redirectUri: deps.federationRedirectUri,
    state: newState(details.uid),
  });
  if ('outcome' in started) return unavailable(deps, details, started.reason);
  await rememberInInteraction(details, { [PENDING_KEY]: started.pending });
  return { kind: 'redirect', location: started.url.href };
}

/**
 * The identity provider's answer, at `{path}/{uid}/federated/callback` (the fixed callback sends
 * the browser here, where the interaction cookie is). A callback that cannot be trusted (state of
 * another request, bad id_token) is refused with a page and leaves the interaction as it was; a
 * refusal at the identity provider ends the request with `access_denied`.
 */
export async function completeFederatedLogin(
  deps: InteractionDeps,
  authenticator: RedirectAuthenticator,
  details: InteractionInstance,
  query: URLSearchParams,
): Promise<InteractionOutcome> {
  const pending = details.result?.[PENDING_KEY] as PendingRedirect | undefined;
  const callbackUrl = new URL(deps.federationRedirectUri);
  callbackUrl.search = query.toString();
  if (pending === undefined || query.get('state') !== pending.state) {
    deps.logger.warn({ uid: details.uid }, 'federation callback with a state of no pending login');
    return {
      kind: 'page',
      status: 400,
      html: errorPage(deps.pageBrand, 'Não foi possível confirmar sua identidade para este pedido.'),
    };
  }
  const completion = await authenticator.complete({ callbackUrl, pending });
  switch (completion.outcome) {
    case 'invalid-callback':
      deps.logger.warn({ reason: completion.reason }, 'federation callback refused');
      return {
        kind: 'page',
        status: 400,
        html: errorPage(deps.pageBrand, 'Não foi possível confirmar sua identidade para este pedido.'),
      };
    case 'unavailable':
      return unavailable(deps, details, completion.reason);
    case 'rejected':
      deps.logger.info({ reason: completion.reason }, 'customer not authenticated by the identity provider');
      return finishWithError('access_denied', 'the customer was not authenticated');
    case 'authenticated': {
      const consent = await awaitingConsent(deps, details);
      if ('kind' in consent) return consent;
      return admitCustomer(deps, details, consent, completion.customer);
    }
  }
}
