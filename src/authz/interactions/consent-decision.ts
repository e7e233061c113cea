import type { InteractionInstance } from 'oidc-provider';
import { isAppError } from '../../platform/errors/index.ts';
import { consentPage } from '../pages/consent-page.ts';
import { consentScope } from '../policies/consent-scope.ts';
import { grantLifetimeSeconds } from '../policies/lifetimes.ts';
import { API_SCOPES, SUPPORTED_SCOPES } from '../policies/scopes.ts';
import { recordConsentGrant } from '../consent-grants/consent-grants.ts';
import type { AuthzConsentView } from '../types.ts';
import {
  clientIdOf,
  clientNameOf,
  consentIdOf,
  finishWithError,
  loggedInCustomerOf,
  type InteractionDeps,
  type InteractionOutcome,
  type LoggedInCustomer,
} from './interaction-deps.ts';
import { listResourceChoices, RESOURCE_FAMILY_LABEL, selectedChoices } from './resource-choices.ts';

interface ConsentStep {
  consent: AuthzConsentView;
  customer: LoggedInCustomer;
}

/** The consent and the logged-in customer of a consent-prompt interaction, or the error to end with. */
async function consentStep(
  deps: InteractionDeps,
  details: InteractionInstance,
): Promise<ConsentStep | InteractionOutcome> {
  const customer = loggedInCustomerOf(details);
  const consentId = consentIdOf(details);
  if (customer === undefined || consentId === undefined) {
    return finishWithError('access_denied', 'the customer did not log in for this consent');
  }
  const consent = await deps.consents.findForAuthorization(deps.brandId, consentId, clientIdOf(details));
  if (consent === undefined || consent.status !== 'AWAITING_AUTHORISATION') {
    return finishWithError('access_denied', 'the consent is no longer awaiting authorisation');
  }
  return { consent, customer };
}

export async function showConsent(
  deps: InteractionDeps,
  details: InteractionInstance,
  extra: { error?: string; checked?: readonly string[]; status?: number } = {},
): Promise<InteractionOutcome> {
  const step = await consentStep(deps, details);
  if ('kind' in step) return step;
  const choices = await listResourceChoices(
    deps.connector,
    deps.brandId,
    step.customer.owner,
    step.consent.products,
  );
  const page = {
    brand: deps.pageBrand,
    action: `${deps.path}/${details.uid}/consent`,
    clientName: await clientNameOf(deps, details),
    permissions: step.consent.permissions,
    expirationDateTime: step.consent.expirationDateTime,
    choices,
    familyLabels: RESOURCE_FAMILY_LABEL,
    ...(extra.checked === undefined ? {} : { checked: extra.checked }),
    ...(extra.error === undefined ? {} : { error: extra.error }),
  };
  return {
    kind: 'page',
    status: extra.status ?? 200,
    html: step.consent.renderAuthorisationPage?.(page) ?? consentPage(page),
  };
}

function requestedScopes(details: InteractionInstance): Set<string> {
  return new Set(typeof details.params.scope === 'string' ? details.params.scope.split(' ') : []);
}

/** The resource server's scopes the grant gets: the consent's scope, openid and the API scopes requested. */
function grantedResourceScope(details: InteractionInstance, consentId: string): string {
  const requested = requestedScopes(details);
  return [...['openid', ...API_SCOPES].filter((s) => requested.has(s)), consentScope(consentId)].join(' ');
}

/**
 * The static scopes requested, granted as OpenID scopes too: the provider counts every static
 * scope as an OpenID one, and a grant missing one would send the customer back to the consent.
 */
function grantedOpenIdScope(details: InteractionInstance): string {
  const requested = requestedScopes(details);
  return SUPPORTED_SCOPES.filter((s) => requested.has(s)).join(' ');
}

async function refuse(deps: InteractionDeps, consentId: string): Promise<InteractionOutcome> {
  await deps.db.transaction((tx) =>
    deps.consents.reject(tx, deps.brandId, consentId, {
      rejectedBy: 'USER',
      reason: 'CUSTOMER_MANUALLY_REJECTED',
    }),
  );
  return finishWithError('access_denied', 'the customer refused the consent');
}

/**
 * The consent step's decision. Refuse: the consent is rejected by the user
 * (CUSTOMER_MANUALLY_REJECTED) and the client gets `access_denied`. Confirm: a grant bound to
 * this consent (its scope, its lifetime) is stored, then the consent is authorised with the
 * chosen resources and linked to the grant in one transaction; the provider then issues the code.
 */
export async function submitConsent(
  deps: InteractionDeps,
  details: InteractionInstance,
  form: { action?: unknown; resources?: unknown },
): Promise<InteractionOutcome> {
  const step = await consentStep(deps, details);
  if ('kind' in step) return step;
  const { consent, customer } = step;
  if (form.action === 'refuse') return refuse(deps, consent.consentId);
  if (form.action !== 'confirm')
    return showConsent(deps, details, { error: 'Escolha confirmar ou recusar.', status: 400 });

  const values = Array.isArray(form.resources)
    ? form.resources.map(String)
    : typeof form.resources === 'string'
      ? [form.resources]
      : [];
  const choices = await listResourceChoices(deps.connector, deps.brandId, customer.owner, consent.products);
  const { selected, unknown } = selectedChoices(choices, values);
  if (unknown > 0)
    return showConsent(deps, details, { error: 'A seleção enviada não é válida.', status: 400 });
  if (choices.length > 0 && selected.length === 0) {
    return showConsent(deps, details, {
      error: 'Selecione ao menos uma conta ou produto para compartilhar, ou recuse o pedido.',
      checked: [],
      status: 400,
    });
  }

  const grant = new deps.provider.Grant({
    accountId: customer.subject,
    clientId: clientIdOf(details),
    expiresIn: grantLifetimeSeconds(
      consent.expirationDateTime,
      deps.clock.now(),
      deps.indefiniteConsentLifetimeSeconds,
    ),
  });
  grant.addOIDCScope(grantedOpenIdScope(details));
  grant.addResourceScope(deps.resource, grantedResourceScope(details, consent.consentId));
  const missingClaims = details.prompt.details.missingOIDCClaims;
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
  const grantId = await grant.save();

  try {
    await deps.db.transaction(async (tx) => {
      await deps.consents.authorise(tx, deps.brandId, consent.consentId, {
        customer: customer.owner,
        resources: selected.map((c) => ({ type: c.type, id: c.id })),
      });
      await recordConsentGrant(tx, {
        brandId: deps.brandId,
        consentId: consent.consentId,
        grantId,
        clientId: clientIdOf(details),
      });
    });
  } catch (error) {
    await grant.destroy();
    if (!isAppError(error)) throw error;
    deps.logger.info({ code: error.code, consentId: consent.consentId }, 'consent could not be authorised');
    return finishWithError('access_denied', 'the consent could not be authorised');
  }
  return { kind: 'finish', result: { consent: { grantId } }, merge: true };
}
