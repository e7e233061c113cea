import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';
import { registrationRequest } from './metadata.ts';
import { freshSoftwareStatement, type RegistrationDeps } from './register.ts';
import { viewOf, type RegistrationView } from './store.ts';

/**
 * DCM (RFC 7592; DIGEST §6.3): `GET/PUT/DELETE` on the registration_client_uri with the
 * registration_access_token over mTLS. FAPI-BR DCR 2.1.0: the token is not rotated, so it is
 * kept as stored unless the server does send a new one.
 */
async function registered(deps: RegistrationDeps, id: string) {
  const row = await deps.store.byId(deps.ctx.db, id);
  if (!row || row.softwareStatementId !== deps.ctx.identity.softwareStatementId) {
    throw new AppError(ReceiverErrors.RECEIVER_REGISTRATION_NOT_FOUND, 'Registro não encontrado.');
  }
  const token = deps.store.registrationAccessToken(row);
  if (row.status !== 'REGISTERED' || !row.registrationClientUri || !token) {
    throw new AppError(ReceiverErrors.RECEIVER_REGISTRATION_NOT_FOUND, 'O registro não está ativo.', {
      detail: { id, status: row.status },
    });
  }
  return { row, token, uri: row.registrationClientUri };
}

async function call(deps: RegistrationDeps, uri: string, token: string, method: string, body?: unknown) {
  const response = await deps.ctx.transport.fetch(uri, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  return { status: response.status, body: parsed };
}

function refused(step: string, status: number, body: Record<string, unknown>): never {
  throw new AppError(
    ReceiverErrors.RECEIVER_REGISTRATION_FAILED,
    `A transmissora recusou o ${step} (HTTP ${status}).`,
    {
      detail: { status, error: body.error, description: body.error_description },
    },
  );
}

/** The client's registration as the holder holds it (RFC 7592 §2.1). */
export async function readRegistration(deps: RegistrationDeps, id: string): Promise<Record<string, unknown>> {
  const { token, uri } = await registered(deps, id);
  const { status, body } = await call(deps, uri, token, 'GET');
  if (status !== 200) refused('GET do registro', status, body);
  const { registration_access_token: _secret, ...metadata } = body;
  return metadata;
}

/**
 * Replaces the registration with the current metadata and a fresh SSA (RFC 7592 §2.2: the
 * whole client metadata, including `client_id`), e.g. after redirect URIs or keys changed.
 */
export async function updateRegistration(
  deps: RegistrationDeps,
  id: string,
  changes: Record<string, unknown> = {},
): Promise<RegistrationView> {
  const { row, token, uri } = await registered(deps, id);
  const ssa = await freshSoftwareStatement(deps);
  const request = { ...registrationRequest(deps.ctx.identity, ssa), ...changes, client_id: row.clientId };
  const { status, body } = await call(deps, uri, token, 'PUT', request);
  if (status !== 200) refused('PUT do registro', status, body);
  const { registration_access_token: rotated, ...metadata } = body;
  return viewOf(await save(deps, row, typeof rotated === 'string' ? rotated : token, metadata));
}

async function save(
  deps: RegistrationDeps,
  row: ReceiverRegistrationRow,
  token: string,
  metadata: Record<string, unknown>,
) {
  return deps.store.save(deps.ctx.db, {
    softwareStatementId: row.softwareStatementId,
    orgId: row.orgId,
    authorisationServerId: row.authorisationServerId,
    discoveryUrl: row.discoveryUrl,
    status: 'REGISTERED',
    clientId: row.clientId,
    registrationAccessToken: token,
    registrationClientUri: row.registrationClientUri,
    metadata,
    now: deps.ctx.clock.now(),
  });
}

/** Deletes the client at the holder (RFC 7592 §2.3: 204); the local row stays, DELETED. */
export async function deleteRegistration(deps: RegistrationDeps, id: string): Promise<RegistrationView> {
  const { row, token, uri } = await registered(deps, id);
  const { status, body } = await call(deps, uri, token, 'DELETE');
  // 401 after a successful earlier delete whose answer was lost: the client is gone either way.
  if (status !== 204 && status !== 401) refused('DELETE do registro', status, body);
  const saved = await deps.store.save(deps.ctx.db, {
    softwareStatementId: row.softwareStatementId,
    orgId: row.orgId,
    authorisationServerId: row.authorisationServerId,
    discoveryUrl: row.discoveryUrl,
    status: 'DELETED',
    clientId: row.clientId,
    registrationClientUri: row.registrationClientUri,
    now: deps.ctx.clock.now(),
  });
  return viewOf(saved);
}
