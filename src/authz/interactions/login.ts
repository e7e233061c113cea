import type { InteractionInstance } from 'oidc-provider';
import { isValidCpf, normaliseCpf } from '../../platform/documents/index.ts';
import type { FormAuthenticator } from '../customer-auth/authenticator.ts';
import { AUTHENTICATION_UNAVAILABLE } from '../pages/authentication-pages.ts';
import { loginPage } from '../pages/login-page.ts';
import { admitCustomer, awaitingConsent } from './admission.ts';
import {
  clientNameOf,
  finishWithError,
  rememberInInteraction,
  type InteractionDeps,
  type InteractionOutcome,
} from './interaction-deps.ts';

/** Failed attempts per interaction before the request ends with access_denied. */
export const MAX_LOGIN_ATTEMPTS = 5;
const FAILED_KEY = 'ponteFailedLogins';
/** One message for every refusal: an unknown CPF and a wrong password look the same. */
const REFUSED = 'CPF ou senha incorretos.';

export async function showLogin(
  deps: InteractionDeps,
  details: InteractionInstance,
  extra: { cpf?: string; error?: string; status?: number } = {},
): Promise<InteractionOutcome> {
  return {
    kind: 'page',
    status: extra.status ?? 200,
    html: loginPage({
      brand: deps.pageBrand,
      action: `${deps.path}/${details.uid}/login`,
      clientName: await clientNameOf(deps, details),
      ...(extra.cpf === undefined ? {} : { cpf: extra.cpf }),
      ...(extra.error === undefined ? {} : { error: extra.error }),
    }),
  };
}

async function countFailure(details: InteractionInstance): Promise<number> {
  const failures = Number(details.result?.[FAILED_KEY] ?? 0) + 1;
  await rememberInInteraction(details, { [FAILED_KEY]: failures });
  return failures;
}

/**
 * The login step of a form authenticator: CPF and password, checked by the institution
 * (customer-auth/), then admitted (admission.ts). A refusal keeps the customer on the page with
 * the one generic message, five end the request; an institution service that does not answer is
 * a 503 page that invites to try again and counts as no attempt.
 */
export async function submitLogin(
  deps: InteractionDeps,
  authenticator: FormAuthenticator,
  details: InteractionInstance,
  form: { cpf?: unknown; password?: unknown },
): Promise<InteractionOutcome> {
  const typed = typeof form.cpf === 'string' ? form.cpf : '';
  const cpf = normaliseCpf(typed);
  const password = typeof form.password === 'string' ? form.password : '';
  if (cpf === null || !isValidCpf(cpf) || password.length === 0) {
    return showLogin(deps, details, { cpf: typed, error: 'Informe um CPF válido e a senha.', status: 400 });
  }
  const consent = await awaitingConsent(deps, details);
  if ('kind' in consent) return consent;
  const attempt = await authenticator.authenticate(deps.brandId, cpf, password);
  switch (attempt.outcome) {
    case 'authenticated':
      return admitCustomer(deps, details, consent, attempt.customer);
    case 'unavailable':
      deps.logger.error({ reason: attempt.reason }, 'customer authentication unavailable');
      return showLogin(deps, details, { cpf: typed, error: AUTHENTICATION_UNAVAILABLE, status: 503 });
    case 'rejected':
      if ((await countFailure(details)) >= MAX_LOGIN_ATTEMPTS) {
        return finishWithError('access_denied', 'too many failed login attempts');
      }
      return showLogin(deps, details, { cpf: typed, error: REFUSED, status: 401 });
  }
}
