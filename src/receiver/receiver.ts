import { importPKCS8 } from 'jose';
import { AppError } from '../platform/errors/index.ts';
import { normaliseCpf } from '../platform/documents/index.ts';
import { ReceiverErrors } from './errors.ts';
import { completeAuthorisation } from './consents/callback.ts';
import type { ConsentDeps } from './consents/deps.ts';
import { revokeConsent } from './consents/revoke.ts';
import { startConsent, type StartConsentInput, type StartedConsent } from './consents/start.ts';
import { consentQueries, consentView, createConsentSecrets, type ConsentView } from './consents/store.ts';
import { refreshExpiring } from './consents/tokens.ts';
import { fetchData, type DataAnswer, type DataRequest } from './data/fetch-data.ts';
import { oauthCall } from './oidc/oauth-errors.ts';
import { createRelyingParties } from './oidc/relying-party.ts';
import { deleteRegistration, readRegistration, updateRegistration } from './registration/manage.ts';
import { registerAtServer, registerEverywhere, type RegistrationDeps } from './registration/register.ts';
import { createRegistrationStore, viewOf, type RegistrationView } from './registration/store.ts';
import { createMtlsTransport } from './transport.ts';
import type { ReceiverContext, ReceiverDeps, ReceiverIdentity } from './types.ts';

/** Ponte as a client of other institutions (DESIGN §3.3), behind a plain API for its own apps. */
export interface Receiver {
  /** DCR at every authorisation server of the directory that supports it (idempotent). */
  registerEverywhere(): Promise<RegistrationView[]>;
  /** DCR (or a retry) at one authorisation server. */
  registerAt(authorisationServerId: string): Promise<RegistrationView>;
  listRegistrations(): Promise<RegistrationView[]>;
  /** DCM (RFC 7592) helpers on a registration. */
  readRegistration(id: string): Promise<Record<string, unknown>>;
  updateRegistration(id: string, changes?: Record<string, unknown>): Promise<RegistrationView>;
  deleteRegistration(id: string): Promise<RegistrationView>;
  startConsent(input: StartConsentInput): Promise<StartedConsent>;
  /** The authorisation response parameters (the redirect's fragment, forwarded). */
  completeAuthorisation(params: URLSearchParams): Promise<ConsentView>;
  getConsent(id: string): Promise<ConsentView>;
  /** Consents asked for one customer (by CPF), at every holder. */
  consentsOf(document: string): Promise<ConsentView[]>;
  revokeConsent(id: string): Promise<ConsentView>;
  /** Refreshes tokens expiring within `withinMs` (schedule it every few minutes). */
  refreshExpiring(withinMs?: number): Promise<{ refreshed: number; lost: number }>;
  fetchData(request: DataRequest): Promise<DataAnswer>;
  /** Where the callback sends the customer, with the outcome. */
  returnUrl(outcome: { id?: string; status: string; error?: string }): string;
  close(): Promise<void>;
}

async function importIdentity(deps: ReceiverDeps): Promise<ReceiverIdentity> {
  const c = deps.credentials;
  return {
    orgId: c.orgId,
    softwareStatementId: c.softwareStatementId,
    directoryClientId: c.directoryClientId ?? c.softwareStatementId,
    transport: { cert: c.transport.certificatePem, key: c.transport.keyPem },
    signingKey: await importPKCS8(c.signing.keyPem, 'PS256'),
    signingKid: c.signing.kid,
    encryptionKey: await importPKCS8(c.encryption.keyPem, 'RSA-OAEP'),
    encryptionKid: c.encryption.kid,
    redirectUris: c.redirectUris,
  };
}

/**
 * @example
 *   const receiver = await createReceiver({ db, clock, logger, cipher, directory, credentials,
 *     brandId: 'banco-ponte', returnUrl: 'https://app.example/consents/done' });
 *   await receiver.registerEverywhere();
 *   await app.register(receiverRoutes, { receiver });
 */
export async function createReceiver(deps: ReceiverDeps): Promise<Receiver> {
  const identity = await importIdentity(deps);
  const ownsTransport = deps.transport === undefined;
  const transport =
    deps.transport ??
    createMtlsTransport({
      ...identity.transport,
      ...(deps.credentials.caPem && { ca: deps.credentials.caPem }),
    });
  const ctx: ReceiverContext = {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger.child({ module: 'receiver' }),
    cipher: deps.cipher,
    directory: deps.directory,
    identity,
    transport,
    brandId: deps.brandId,
    returnUrl: deps.returnUrl,
  };
  const store = createRegistrationStore(deps.cipher);
  const parties = createRelyingParties({
    identity,
    fetch: transport.fetch,
    now: () => deps.clock.now().getTime(),
  });
  const registration: RegistrationDeps = { ctx, store, parties };
  const consents: ConsentDeps = {
    ctx,
    registrations: store,
    parties,
    secrets: createConsentSecrets(deps.cipher),
    oauth: oauthCall,
  };

  return {
    registerEverywhere: () => registerEverywhere(registration),
    registerAt: (id) => registerAtServer(registration, id),
    listRegistrations: async () => (await store.list(ctx.db, identity.softwareStatementId)).map(viewOf),
    readRegistration: (id) => readRegistration(registration, id),
    updateRegistration: (id, changes) => updateRegistration(registration, id, changes),
    deleteRegistration: (id) => deleteRegistration(registration, id),
    startConsent: (input) => startConsent(consents, input),
    completeAuthorisation: (params) => completeAuthorisation(consents, params),
    async getConsent(id) {
      const row = await consentQueries.byId(ctx.db, id);
      if (!row)
        throw new AppError(ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND, 'Consentimento não encontrado.');
      return consentView(row);
    },
    async consentsOf(document) {
      const cpf = normaliseCpf(document);
      if (cpf === null)
        throw new AppError(ReceiverErrors.RECEIVER_INVALID_DOCUMENT, 'O CPF informado não é válido.');
      return (await consentQueries.byDocumentHash(ctx.db, consents.secrets.documentHash(cpf))).map(
        consentView,
      );
    },
    revokeConsent: (id) => revokeConsent(consents, id),
    refreshExpiring: (withinMs) => refreshExpiring(consents, withinMs),
    fetchData: (request) => fetchData(consents, request),
    returnUrl(outcome) {
      const url = new URL(deps.returnUrl);
      if (outcome.id) url.searchParams.set('consent', outcome.id);
      url.searchParams.set('status', outcome.status);
      if (outcome.error) url.searchParams.set('error', outcome.error);
      return url.href;
    },
    close: () => (ownsTransport ? transport.close() : Promise.resolve()),
  };
}
