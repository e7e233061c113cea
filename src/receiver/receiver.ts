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
import { registerAtServer, type RegistrationDeps } from './registration/register.ts';
import { createRegistrationStore, viewOf, type RegistrationView } from './registration/store.ts';
import { syncRegistrations, type SyncSummary } from './registration/sync.ts';
import { createMtlsTransport } from './transport.ts';
import type { ReceiverContext, ReceiverDeps, ReceiverIdentity } from './types.ts';
import type { PaymentDeps } from './payments/deps.ts';
import { initiatePayment } from './payments/initiate.ts';
import type { StartPaymentInput } from './payments/order.ts';
import { startPaymentConsent, type StartedPaymentConsent } from './payments/start.ts';
import { getPayment } from './payments/status.ts';
import { createPaymentSecrets, type PaymentView } from './payments/store.ts';
import { getPaymentConsent, orgJwksUriFrom, type PaymentConsentView } from './payments/views.ts';
import { acceptWebhook, type WebhookNotice } from './payments/webhooks.ts';

/** Ponte as a client of other institutions (DESIGN §3.3), behind a plain API for its own apps. */
export interface Receiver {
  /**
   * Brings the registrations in step with the directory: DCR at new holders (and retries of
   * failed ones), DCM PUT where our keys, redirect/webhook URIs or roles changed, DCM DELETE
   * where a holder left the participants list. Run at start and on a schedule.
   */
  syncRegistrations(): Promise<SyncSummary>;
  /** `syncRegistrations()`, answering the registrations only (idempotent). */
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
  /** First call of a payment: signed consent at the holder + PAR; the customer goes to the URL. */
  startPaymentConsent(input: StartPaymentInput): Promise<StartedPaymentConsent>;
  getPaymentConsent(id: string): Promise<PaymentConsentView>;
  /** Second call: the signed Pix payment on the authorised consent (a retry answers the same one). */
  initiatePayment(consentId: string): Promise<{ payment: PaymentView; created: boolean }>;
  /** The payment, asked again at the holder when not final and stale. */
  getPayment(id: string): Promise<PaymentView>;
  /** Verifies a holder's webhook and finds its resource; `process` asks the holder afterwards. */
  acceptWebhook(notice: WebhookNotice): Promise<{ orgId: string; process: () => Promise<void> }>;
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
    initiator: c.initiator ?? {},
  };
}

/**
 * @example
 *   const receiver = await createReceiver({ db, clock, logger, cipher, directory, credentials,
 *     brandId: 'banco-ponte', returnUrl: 'https://app.example/consents/done' });
 *   await receiver.syncRegistrations(); // and every few minutes
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
  const followUps = new Set<Promise<void>>();
  const payments: PaymentDeps = {
    consents,
    paymentSecrets: createPaymentSecrets(deps.cipher),
    orgJwksUri: async (orgId) =>
      deps.orgJwksUri?.(orgId) ??
      orgJwksUriFrom(await store.list(ctx.db, identity.softwareStatementId), identity.orgId, orgId),
    staleAfterMs: deps.paymentStaleAfterMs ?? 10_000,
  };

  return {
    syncRegistrations: () => syncRegistrations(registration),
    registerEverywhere: async () => (await syncRegistrations(registration)).registrations,
    registerAt: (id) => registerAtServer(registration, id),
    listRegistrations: async () => (await store.list(ctx.db, identity.softwareStatementId)).map(viewOf),
    readRegistration: (id) => readRegistration(registration, id),
    updateRegistration: (id, changes) => updateRegistration(registration, id, changes),
    deleteRegistration: (id) => deleteRegistration(registration, id),
    startConsent: (input) => startConsent(consents, input),
    async completeAuthorisation(params) {
      const view = await completeAuthorisation(consents, params);
      if (view.kind === 'PAYMENT' && (await getPaymentConsent(payments, view.id)).autoInitiate) {
        // autoInitiate: the second call made for the app; if it fails, the app can still make it.
        await initiatePayment(payments, view.id).catch((error: unknown) =>
          ctx.logger.warn({ id: view.id, err: error }, 'automatic payment initiation failed'),
        );
        return (await consentQueries.byId(ctx.db, view.id).then((row) => row && consentView(row))) ?? view;
      }
      return view;
    },
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
    async revokeConsent(id) {
      const row = await consentQueries.byId(ctx.db, id);
      if (row?.kind === 'PAYMENT') {
        throw new AppError(
          ReceiverErrors.RECEIVER_NOT_A_DATA_CONSENT,
          'Consentimentos de pagamento não são revogados (payments 4.0.0): expiram na detentora.',
        );
      }
      return revokeConsent(consents, id);
    },
    refreshExpiring: (withinMs) => refreshExpiring(consents, withinMs),
    fetchData: (request) => fetchData(consents, request),
    startPaymentConsent: (input) => startPaymentConsent(payments, input),
    getPaymentConsent: (id) => getPaymentConsent(payments, id),
    initiatePayment: (id) => initiatePayment(payments, id),
    getPayment: (id) => getPayment(payments, id),
    async acceptWebhook(notice) {
      const accepted = await acceptWebhook(payments, notice);
      // Follow-ups run after the 202; close() waits for those still running.
      const process = () => {
        const running = accepted.process().finally(() => followUps.delete(running));
        followUps.add(running);
        return running;
      };
      return { orgId: accepted.orgId, process };
    },
    returnUrl(outcome) {
      const url = new URL(deps.returnUrl);
      if (outcome.id) url.searchParams.set('consent', outcome.id);
      url.searchParams.set('status', outcome.status);
      if (outcome.error) url.searchParams.set('error', outcome.error);
      return url.href;
    },
    async close() {
      await Promise.allSettled([...followUps]);
      if (ownsTransport) await transport.close();
    },
  };
}
