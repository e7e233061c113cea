import type { InteractionInstance } from 'oidc-provider';
import type { AuthenticatedCustomer } from '../customer-auth/authenticator.ts';
import { insufficientAuthenticationPage } from '../pages/authentication-pages.ts';
import { acrRequirement, meetsAcrRequirement } from '../policies/acr-requirements.ts';
import type { AuthzConsentView } from '../types.ts';
import {
  clientIdOf,
  clientNameOf,
  consentIdOf,
  finishWithError,
  loginState,
  rememberInInteraction,
  type InteractionDeps,
  type InteractionOutcome,
} from './interaction-deps.ts';

const REFUSAL_KEY = 'ponteRefusal';

/** The request's consent if it still awaits authorisation; else the outcome that ends it. */
export async function awaitingConsent(
  deps: InteractionDeps,
  details: InteractionInstance,
): Promise<AuthzConsentView | InteractionOutcome> {
  const consentId = consentIdOf(details);
  const consent =
    consentId === undefined
      ? undefined
      : await deps.consents.findForAuthorization(deps.brandId, consentId, clientIdOf(details));
  if (consent === undefined || consent.status !== 'AWAITING_AUTHORISATION') {
    return finishWithError('access_denied', 'the consent is no longer awaiting authorisation');
  }
  return consent;
}

/**
 * After the institution vouched for the customer, whatever the method: the level reached must
 * meet the request's (policies/acr-requirements.ts), the CPF must be a natural-person customer of
 * the core, and the rules of FAPI-BR 1.0 ID3 §7.2.2 items 9–11 (DIGEST §6.1 lifecycle duties):
 * the customer must be the consent's `loggedUser` (else `access_denied`), and a PJ consent's
 * `businessEntity` must be a company the bank knows. The login result carries the acr reached:
 * it is the id_token's `acr` (FAPI-BR §5.2.2 item 14).
 */
export async function admitCustomer(
  deps: InteractionDeps,
  details: InteractionInstance,
  consent: AuthzConsentView,
  authenticated: AuthenticatedCustomer,
): Promise<InteractionOutcome> {
  if (!meetsAcrRequirement(authenticated.acr, acrRequirement(details.params, deps.acrPolicy))) {
    // OIDC Core §5.5.1.1: an unmet essential acr is a failed authentication. The customer is told
    // why, and the button ends the request (abortInteraction).
    await rememberInInteraction(details, {
      [REFUSAL_KEY]: {
        error: 'unmet_authentication_requirements',
        error_description: `the authentication reached ${authenticated.acr}, below what the request requires`,
      },
    });
    return {
      kind: 'page',
      status: 403,
      html: insufficientAuthenticationPage({
        brand: deps.pageBrand,
        clientName: await clientNameOf(deps, details),
        action: `${deps.path}/${details.uid}/abort`,
      }),
    };
  }
  const person = await deps.connector.customers.findCustomer(deps.brandId, {
    type: 'CPF',
    number: authenticated.cpf,
  });
  if (person === null || person.personType !== 'PESSOA_NATURAL') {
    return finishWithError('access_denied', 'the authenticated customer is not a customer of the brand');
  }
  if (consent.loggedUser.document.identification !== authenticated.cpf) {
    return finishWithError('access_denied', 'the authenticated customer is not the consent loggedUser');
  }
  let owner = person;
  if (consent.businessEntity !== null) {
    const company = await deps.connector.customers.findCustomer(deps.brandId, {
      type: 'CNPJ',
      number: consent.businessEntity.document.identification,
    });
    if (company === null)
      return finishWithError('access_denied', 'the consent businessEntity is not a customer');
    owner = company;
  }
  return {
    kind: 'finish',
    merge: false,
    result: {
      login: {
        accountId: person.customerId,
        acr: authenticated.acr,
        ...(authenticated.amr.length === 0 ? {} : { amr: [...authenticated.amr] }),
        remember: false,
        // The provider compares login times with its own clock (max_age), so wall-clock time here.
        ts: Math.floor(Date.now() / 1000),
      },
      ...loginState({ subject: person.customerId, owner }),
    },
  };
}

/** The way out of a refusal page: the refusal kept in the interaction, or the customer gave up. */
export function abortInteraction(details: InteractionInstance): InteractionOutcome {
  const refusal = details.result?.[REFUSAL_KEY] as
    { error?: unknown; error_description?: unknown } | undefined;
  if (typeof refusal?.error === 'string' && typeof refusal.error_description === 'string') {
    return finishWithError(refusal.error, refusal.error_description);
  }
  return finishWithError('access_denied', 'the customer cancelled the authorization');
}
