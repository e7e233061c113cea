import { Agent, fetch } from 'undici';
import { isValidCpf, normaliseCpf } from '../../platform/documents/index.ts';
import { ACR_LOA3, isAcr } from '../provider/acr.ts';
import type { Authentication, FormAuthenticator } from './authenticator.ts';

/** The institution's login API (README "Customer authentication"). */
export interface LoginApiConfig {
  kind: 'login-api';
  /** `https:` URL that receives `POST { "cpf", "password" }` as JSON. */
  url: string;
  /** Static headers, e.g. `{ authorization: 'Bearer …' }` or an API key. */
  headers?: Record<string, string>;
  /** 5000 ms by default: past it the customer sees "temporarily unavailable". */
  timeoutMs?: number;
  /** PEM of the CA(s) that issued the API's certificate, when not a public one. */
  ca?: string;
  /** PEM client certificate chain and key, when the API asks for mTLS. */
  cert?: string;
  key?: string;
}

export const LOGIN_API_TIMEOUT_DEFAULT = 5_000;

/**
 * A 200 answer: `{ "authenticated": true, "cpf": "…", "acr": "urn:brasil:openbanking:loa2|loa3",
 * "amr"?: […] }`, or `authenticated: false`. 401 and 403 also mean "not authenticated".
 */
interface LoginApiAnswer {
  authenticated?: unknown;
  cpf?: unknown;
  acr?: unknown;
  amr?: unknown;
}

function interpret(answer: unknown): Authentication {
  const body = (typeof answer === 'object' && answer !== null ? answer : {}) as LoginApiAnswer;
  if (body.authenticated === false) return { outcome: 'rejected' };
  const cpf = typeof body.cpf === 'string' ? normaliseCpf(body.cpf) : null;
  if (body.authenticated !== true || cpf === null || !isValidCpf(cpf) || !isAcr(body.acr)) {
    return {
      outcome: 'unavailable',
      reason: 'login API answered 200 without authenticated, a valid cpf and acr',
    };
  }
  const amr =
    Array.isArray(body.amr) && body.amr.every((m): m is string => typeof m === 'string')
      ? body.amr
      : body.acr === ACR_LOA3
        ? ['pwd', 'mfa']
        : ['pwd'];
  return { outcome: 'authenticated', customer: { cpf, acr: body.acr, amr } };
}

/**
 * Customers log in on the brand's page with their internet-banking CPF and password, checked by
 * the institution's own login API. The API decides (and must answer in constant time for unknown
 * CPFs and wrong passwords); Ponte shows one message for every refusal and never the API's words.
 * A timeout, a network error, a 5xx or a malformed answer is `unavailable`: the customer is told
 * to try again later, the reason goes to the log.
 *
 * @example
 *   createLoginApiAuthenticator({ kind: 'login-api', url: 'https://login.bank.internal/v1/verify',
 *     headers: { authorization: `Bearer ${process.env.LOGIN_API_TOKEN}` }, timeoutMs: 3000 });
 */
export function createLoginApiAuthenticator(config: LoginApiConfig): FormAuthenticator & {
  close(): Promise<void>;
} {
  const url = new URL(config.url);
  if (url.protocol !== 'https:') throw new Error('login-api url must be https: it carries passwords');
  const timeoutMs = config.timeoutMs ?? LOGIN_API_TIMEOUT_DEFAULT;
  const agent = new Agent({
    connect: {
      ...(config.ca === undefined ? {} : { ca: config.ca }),
      ...(config.cert === undefined ? {} : { cert: config.cert }),
      ...(config.key === undefined ? {} : { key: config.key }),
    },
  });
  return {
    style: 'form',
    async authenticate(_brandId, cpf, password) {
      let response;
      try {
        response = await fetch(url, {
          method: 'POST',
          dispatcher: agent,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
          headers: { ...config.headers, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ cpf, password }),
        });
      } catch (error) {
        const name = (error as Error).name;
        return {
          outcome: 'unavailable',
          reason:
            name === 'TimeoutError'
              ? `login API timed out (${timeoutMs} ms)`
              : `login API unreachable: ${name}`,
        };
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        return { outcome: 'rejected' };
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return { outcome: 'unavailable', reason: `login API answered ${response.status}` };
      }
      try {
        return interpret(await response.json());
      } catch {
        return { outcome: 'unavailable', reason: 'login API answered 200 with a body that is not JSON' };
      }
    },
    close: () => agent.close(),
  };
}
