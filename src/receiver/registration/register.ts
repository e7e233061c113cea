import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';
import { holderServers, type HolderServer } from '../holders/holders.ts';
import type { RelyingParties } from '../oidc/relying-party.ts';
import type { ReceiverContext } from '../types.ts';
import { errorText } from './error-text.ts';
import { fingerprintOf, registrationBasis } from './fingerprint.ts';
import { registrationRequest, ssaUris } from './metadata.ts';
import { viewOf, type RegistrationStore, type RegistrationView } from './store.ts';

export interface RegistrationDeps {
  ctx: ReceiverContext;
  store: RegistrationStore;
  parties: RelyingParties;
}

/** Our own SSA, fresh (a holder refuses one older than 5 minutes: DIGEST §6.2 item 3). */
export function freshSoftwareStatement({ ctx }: RegistrationDeps): Promise<string> {
  const { identity } = ctx;
  return ctx.directory.getSoftwareStatement(identity.orgId, identity.softwareStatementId, {
    clientId: identity.directoryClientId,
    cert: identity.transport.cert,
    key: identity.transport.key,
  });
}

/** The fingerprint of a registration made now with `ssa` (fingerprint.ts): reads our JWKS. */
export async function currentFingerprint({ ctx }: RegistrationDeps, ssa: string): Promise<string> {
  const jwks = await ctx.directory.fetchJwks(ssaUris(ssa).jwksUri);
  return fingerprintOf(registrationBasis(ssa, jwks, ctx.identity.redirectUris));
}

/** The registration endpoint, preferring the mTLS alias (RFC 8705 §5). */
export async function registrationEndpoint(parties: RelyingParties, discoveryUrl: string): Promise<string> {
  const metadata = await parties.serverMetadata(discoveryUrl);
  const endpoint = metadata.mtls_endpoint_aliases?.registration_endpoint ?? metadata.registration_endpoint;
  if (!endpoint) throw new Error('the authorisation server publishes no registration_endpoint');
  return endpoint;
}

/**
 * DCR at one server with `ssa` (fingerprint: what it was made from). Never throws for the
 * holder's sake: a failure is recorded on the row (FAILED, `lastError`) and retried next sync.
 */
export async function registerAt(
  deps: RegistrationDeps,
  server: HolderServer,
  basis: { ssa: string; fingerprint: string; syncedAt?: Date },
): Promise<ReceiverRegistrationRow> {
  const { ctx, store, parties } = deps;
  const { ssa } = basis;
  const base = {
    softwareStatementId: ctx.identity.softwareStatementId,
    orgId: server.orgId,
    authorisationServerId: server.authorisationServerId,
    discoveryUrl: server.discoveryUrl,
    holderName: server.name,
    syncedAt: basis.syncedAt ?? ctx.clock.now(),
  };
  try {
    const response = await ctx.transport.fetch(await registrationEndpoint(parties, server.discoveryUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(registrationRequest(ctx.identity, ssa)),
    });
    const text = await response.text();
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (response.status !== 201 || typeof body.client_id !== 'string') {
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      const reason = `HTTP ${response.status} ${str(body.error)} ${str(body.error_description)}`;
      throw new Error(reason.trim());
    }
    const { registration_access_token: token, ...metadata } = body;
    if (typeof token !== 'string') throw new Error('registration response without registration_access_token');
    const row = await store.save(ctx.db, {
      ...base,
      status: 'REGISTERED',
      clientId: body.client_id,
      registrationAccessToken: token,
      registrationClientUri:
        typeof body.registration_client_uri === 'string' ? body.registration_client_uri : null,
      metadata,
      ssaFingerprint: basis.fingerprint,
      now: ctx.clock.now(),
    });
    ctx.logger.info(
      { authorisationServerId: server.authorisationServerId, clientId: body.client_id },
      'registered at holder',
    );
    return row;
  } catch (error) {
    const lastError = errorText(error);
    ctx.logger.warn(
      { authorisationServerId: server.authorisationServerId, lastError },
      'registration at holder failed',
    );
    return store.save(ctx.db, {
      ...base,
      status: 'FAILED',
      lastError,
      ssaFingerprint: null,
      now: ctx.clock.now(),
    });
  }
}

/** Registers at one server (or retries a failed one). */
export async function registerAtServer(
  deps: RegistrationDeps,
  authorisationServerId: string,
): Promise<RegistrationView> {
  const servers = holderServers(await deps.ctx.directory.participants());
  const server = servers.find((s) => s.authorisationServerId === authorisationServerId);
  if (!server) {
    throw new AppError(
      ReceiverErrors.RECEIVER_UNKNOWN_HOLDER,
      'Servidor de autorização não encontrado no diretório.',
    );
  }
  const ssa = await freshSoftwareStatement(deps);
  return viewOf(await registerAt(deps, server, { ssa, fingerprint: await currentFingerprint(deps, ssa) }));
}
