import type { InteractionInstance } from 'oidc-provider';
import { isValidCpf, normaliseCpf } from '../../platform/documents/index.ts';
import { loginPage } from '../pages/login-page.ts';
import {
  clientIdOf,
  clientNameOf,
  consentIdOf,
  finishWithError,
  loginState,
  type InteractionDeps,
  type InteractionOutcome,
} from './interaction-deps.ts';

/** Failed attempts per interaction before the request ends with access_denied. */
export const MAX_LOGIN_ATTEMPTS = 5;
const FAILED_KEY = 'ponteFailedLogins';

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

/** Essential acr values the client asked for (claims parameter), if any (FAPI-BR §5.2.2.4). */
function essentialAcrs(details: InteractionInstance): string[] | undefined {
  if (typeof details.params.claims !== 'string') return undefined;
  try {
    const claims = JSON.parse(details.params.claims) as {
      id_token?: { acr?: { essential?: boolean; values?: unknown; value?: unknown } };
    };
    const acr = claims.id_token?.acr;
    if (!acr?.essential) return undefined;
    if (Array.isArray(acr.values)) return acr.values.filter((v): v is string => typeof v === 'string');
    return typeof acr.value === 'string' ? [acr.value] : undefined;
  } catch {
    return undefined;
  }
}

async function countFailure(details: InteractionInstance): Promise<number> {
  const failures = Number(details.result?.[FAILED_KEY] ?? 0) + 1;
  details.result = { ...details.result, [FAILED_KEY]: failures };
  await details.save(Math.max(1, details.exp - Math.floor(Date.now() / 1000)));
  return failures;
}

/**
 * The login step: CPF and password, then the rules of FAPI-BR 1.0 ID3 §7.2.2 items 9–11
 * (DIGEST §6.1 lifecycle duties): the customer who logged in must be the consent's `loggedUser`
 * (else `access_denied`), and a PJ consent's `businessEntity` must be a company the bank knows.
 */
export async function submitLogin(
  deps: InteractionDeps,
  details: InteractionInstance,
  form: { cpf?: unknown; password?: unknown },
): Promise<InteractionOutcome> {
  const typed = typeof form.cpf === 'string' ? form.cpf : '';
  const cpf = normaliseCpf(typed);
  const password = typeof form.password === 'string' ? form.password : '';
  if (cpf === null || !isValidCpf(cpf) || password.length === 0) {
    return showLogin(deps, details, { cpf: typed, error: 'Informe um CPF válido e a senha.', status: 400 });
  }
  const consentId = consentIdOf(details);
  const consent =
    consentId === undefined
      ? undefined
      : await deps.consents.findForAuthorization(deps.brandId, consentId, clientIdOf(details));
  if (consent === undefined || consent.status !== 'AWAITING_AUTHORISATION') {
    return finishWithError('access_denied', 'the consent is no longer awaiting authorisation');
  }
  const acrs = essentialAcrs(details);
  if (acrs !== undefined && !acrs.includes(deps.authenticator.acr)) {
    return finishWithError('unmet_authentication_requirements', 'the requested acr cannot be met');
  }
  const person = await deps.authenticator.authenticate(deps.brandId, cpf, password);
  if (person === undefined) {
    if ((await countFailure(details)) >= MAX_LOGIN_ATTEMPTS) {
      return finishWithError('access_denied', 'too many failed login attempts');
    }
    return showLogin(deps, details, { cpf: typed, error: 'CPF ou senha incorretos.', status: 401 });
  }
  if (consent.loggedUser.document.identification !== cpf) {
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
        acr: deps.authenticator.acr,
        amr: [...deps.authenticator.amr],
        remember: false,
        // The provider compares login times with its own clock (max_age), so wall-clock time here.
        ts: Math.floor(Date.now() / 1000),
      },
      ...loginState({ subject: person.customerId, owner }),
    },
  };
}
