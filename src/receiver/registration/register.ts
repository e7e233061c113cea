import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { holderServers, type HolderServer } from '../holders/holders.ts';
import type { RelyingParties } from '../oidc/relying-party.ts';
import type { ReceiverContext } from '../types.ts';
import { registrationRequest } from './metadata.ts';
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

/** The registration endpoint, preferring the mTLS alias (RFC 8705 §5). */
export async function registrationEndpoint(parties: RelyingParties, discoveryUrl: string): Promise<string> {
  const metadata = await parties.serverMetadata(discoveryUrl);
  const endpoint = metadata.mtls_endpoint_aliases?.registration_endpoint ?? metadata.registration_endpoint;
  if (!endpoint) throw new Error('the authorisation server publishes no registration_endpoint');
  return endpoint;
}

async function registerAt(
  deps: RegistrationDeps,
  server: HolderServer,
  ssa: string,
): Promise<RegistrationView> {
  const { ctx, store, parties } = deps;
  const base = {
    softwareStatementId: ctx.identity.softwareStatementId,
    orgId: server.orgId,
    authorisationServerId: server.authorisationServerId,
    discoveryUrl: server.discoveryUrl,
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
      now: ctx.clock.now(),
    });
    ctx.logger.info(
      { authorisationServerId: server.authorisationServerId, clientId: body.client_id },
      'registered at holder',
    );
    return viewOf(row);
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    ctx.logger.warn(
      { authorisationServerId: server.authorisationServerId, lastError },
      'registration at holder failed',
    );
    return viewOf(await store.save(ctx.db, { ...base, status: 'FAILED', lastError, now: ctx.clock.now() }));
  }
}

/**
 * Registers the receiver software at every authorisation server of the participants list that
 * supports automatic registration (other than its own organisation's), one fresh SSA for the
 * run. Servers where it is already registered are left alone; failures are recorded per
 * server (state FAILED, `lastError`) and retried on the next run.
 */
export async function registerEverywhere(deps: RegistrationDeps): Promise<RegistrationView[]> {
  const { ctx, store } = deps;
  const servers = holderServers(await ctx.directory.participants()).filter(
    (s) => s.autoRegistrationSupported && s.orgId !== ctx.identity.orgId,
  );
  const pending: HolderServer[] = [];
  const results: RegistrationView[] = [];
  for (const server of servers) {
    const existing = await store.find(ctx.db, ctx.identity.softwareStatementId, server.authorisationServerId);
    if (existing?.status === 'REGISTERED') results.push(viewOf(existing));
    else pending.push(server);
  }
  if (pending.length === 0) return results;
  const ssa = await freshSoftwareStatement(deps);
  results.push(...(await Promise.all(pending.map((server) => registerAt(deps, server, ssa)))));
  return results;
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
  return registerAt(deps, server, await freshSoftwareStatement(deps));
}
