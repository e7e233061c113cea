import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';
import { registrationRequest } from './metadata.ts';
import { currentFingerprint, freshSoftwareStatement, type RegistrationDeps } from './register.ts';
import { errorText } from './error-text.ts';
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
  const { row } = await registered(deps, id);
  const ssa = await freshSoftwareStatement(deps);
  return viewOf(
    await putAtHolder(deps, row, { ssa, fingerprint: await currentFingerprint(deps, ssa) }, changes),
  );
}

/** DCM PUT of one registered row with `ssa`; stores the answer and the fingerprint it was made from. */
export async function putAtHolder(
  deps: RegistrationDeps,
  row: ReceiverRegistrationRow,
  basis: { ssa: string; fingerprint: string; syncedAt?: Date },
  changes: Record<string, unknown> = {},
): Promise<ReceiverRegistrationRow> {
  const token = deps.store.registrationAccessToken(row);
  if (!token || !row.registrationClientUri) refused('PUT do registro', 0, { error: 'no_dcm_access' });
  const request = {
    ...registrationRequest(deps.ctx.identity, basis.ssa),
    ...changes,
    client_id: row.clientId,
  };
  const { status, body } = await call(deps, row.registrationClientUri, token, 'PUT', request);
  if (status !== 200) refused('PUT do registro', status, body);
  const { registration_access_token: rotated, ...metadata } = body;
  const now = deps.ctx.clock.now();
  return deps.store.save(deps.ctx.db, {
    softwareStatementId: row.softwareStatementId,
    orgId: row.orgId,
    authorisationServerId: row.authorisationServerId,
    discoveryUrl: row.discoveryUrl,
    status: 'REGISTERED',
    clientId: row.clientId,
    registrationAccessToken: typeof rotated === 'string' ? rotated : token,
    registrationClientUri: row.registrationClientUri,
    metadata,
    ssaFingerprint: basis.fingerprint,
    ...(basis.syncedAt && { syncedAt: basis.syncedAt }),
    now,
  });
}

/**
 * DCM DELETE of one row at the holder (RFC 7592 §2.3: 204), then the local row becomes DELETED
 * with `reason`. With `bestEffort` (the holder left the directory) a refusal or an unreachable
 * holder is only noted in `lastError`: the row is DELETED either way.
 */
export async function deleteAtHolder(
  deps: RegistrationDeps,
  row: ReceiverRegistrationRow,
  options: { reason: string; bestEffort?: boolean; syncedAt?: Date },
): Promise<ReceiverRegistrationRow> {
  const token = deps.store.registrationAccessToken(row);
  let lastError: string | null = null;
  if (row.status === 'REGISTERED' && token && row.registrationClientUri) {
    try {
      const { status, body } = await call(deps, row.registrationClientUri, token, 'DELETE');
      // 401/404 after a successful earlier delete whose answer was lost: the client is gone either way.
      if (status !== 204 && status !== 401 && status !== 404) refused('DELETE do registro', status, body);
    } catch (error) {
      if (!options.bestEffort) throw error;
      lastError = errorText(error);
    }
  }
  return deps.store.save(deps.ctx.db, {
    softwareStatementId: row.softwareStatementId,
    orgId: row.orgId,
    authorisationServerId: row.authorisationServerId,
    discoveryUrl: row.discoveryUrl,
    status: 'DELETED',
    statusReason: options.reason,
    clientId: row.clientId,
    registrationClientUri: row.registrationClientUri,
    lastError,
    ...(options.syncedAt && { syncedAt: options.syncedAt }),
    now: deps.ctx.clock.now(),
  });
}

/** Deletes the client at the holder (RFC 7592 §2.3: 204); the local row stays, DELETED. */
export async function deleteRegistration(deps: RegistrationDeps, id: string): Promise<RegistrationView> {
  const { row } = await registered(deps, id);
  return viewOf(await deleteAtHolder(deps, row, { reason: 'excluído pelo operador (DCM DELETE)' }));
}
