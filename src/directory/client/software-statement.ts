import { AppError } from '../../platform/errors/index.ts';
import { DirectoryErrors } from '../errors.ts';
import type { DirectoryHttp, DirectoryHttpResponse } from './http.ts';

/** The software's transport certificate (BRCAC chain, PEM) and key, and its directory client id. */
export interface TransportIdentity {
  /** The directory's OAuth client id of the software (SSA software_client_id). */
  clientId: string;
  cert: string;
  key: string;
}

function failed(step: string, url: string, response?: DirectoryHttpResponse, reason?: unknown): never {
  const code = response ? DirectoryErrors.DIRECTORY_REQUEST_REFUSED : DirectoryErrors.DIRECTORY_UNAVAILABLE;
  throw new AppError(code, `O diretório recusou ou não respondeu: ${step}.`, {
    detail: {
      url,
      status: response?.status,
      body: response?.body.slice(0, 500),
      reason: reason instanceof Error ? reason.message : undefined,
    },
  });
}

async function call(
  http: DirectoryHttp,
  step: string,
  url: string,
  init: Parameters<DirectoryHttp['request']>[1],
) {
  try {
    return await http.request(url, init);
  } catch (error) {
    return failed(step, url, undefined, error);
  }
}

/**
 * tpp-user-guide §3.3: a `directory:software` token from the mTLS token endpoint
 * (tls_client_auth with the transport certificate), then the SSA from
 * `/organisations/{org}/softwarestatements/{ss}/assertion` over the same certificate.
 */
export async function fetchSoftwareStatement(
  http: DirectoryHttp,
  urls: { tokenUrl: string; apiBaseUrl: string },
  input: { orgId: string; softwareStatementId: string; identity: TransportIdentity },
): Promise<string> {
  const clientCertificate = { cert: input.identity.cert, key: input.identity.key };
  const tokenResponse = await call(http, 'token', urls.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: input.identity.clientId,
      scope: 'directory:software',
    }).toString(),
    clientCertificate,
  });
  if (tokenResponse.status !== 200) failed('token', urls.tokenUrl, tokenResponse);
  let accessToken: unknown;
  try {
    accessToken = (JSON.parse(tokenResponse.body) as { access_token?: unknown }).access_token;
  } catch {
    accessToken = undefined;
  }
  if (typeof accessToken !== 'string') failed('token', urls.tokenUrl, tokenResponse);

  const base = urls.apiBaseUrl.replace(/\/+$/, '');
  const path = `/organisations/${encodeURIComponent(input.orgId)}/softwarestatements/${encodeURIComponent(input.softwareStatementId)}/assertion`;
  const assertion = await call(http, 'assertion', base + path, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/jwt' },
    clientCertificate,
  });
  if (assertion.status !== 200) failed('assertion', base + path, assertion);
  return assertion.body.trim();
}
