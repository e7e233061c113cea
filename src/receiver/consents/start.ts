import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { normaliseCnpj, normaliseCpf } from '../../platform/documents/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { callHolder } from '../holders/holder-call.ts';
import { apiBase, findHolder, holderServers, type HolderServer } from '../holders/holders.ts';
import { receiverConsents } from '../schema.ts';
import { pushAuthorisationRequest, redirectUriOf, registeredClientAt } from './authorisation-request.ts';
import { consentScope } from './data-groups.ts';
import { consentView, type ConsentView } from './store.ts';
import type { ConsentDeps } from './deps.ts';

export interface StartConsentInput {
  /** The customer's CPF (the holder's `loggedUser`). */
  document: string;
  /** The company's CNPJ, for a business consent (`businessEntity`). */
  businessEntity?: string;
  /** The holder: its AuthorisationServerId (a brand) or OrganisationId, from the directory. */
  holder: string;
  dataGroups: string[];
  /** Term in months (1–12; consents.yaml expirationDateTime at most 12 months ahead). */
  termMonths?: number;
  /** One of the registered redirect URIs; the first by default. */
  redirectUri?: string;
}

export interface StartedConsent {
  consent: ConsentView;
  /** Where to send the customer (the holder's authorization endpoint, PAR request_uri). */
  authorisationUrl: string;
}

function documents(input: StartConsentInput) {
  const cpf = normaliseCpf(input.document);
  if (cpf === null)
    throw new AppError(ReceiverErrors.RECEIVER_INVALID_DOCUMENT, 'O CPF informado não é válido.');
  if (input.businessEntity === undefined) return { cpf, cnpj: undefined };
  const cnpj = normaliseCnpj(input.businessEntity);
  if (cnpj === null) {
    throw new AppError(ReceiverErrors.RECEIVER_INVALID_DOCUMENT_CNPJ, 'O CNPJ informado não é válido.');
  }
  return { cpf, cnpj };
}

/** consents.yaml: date-time in UTC without fractions ("zulu"). */
const zulu = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function addMonths(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

/**
 * One call for the whole lodging (DESIGN §3.3): client_credentials token → `POST /consents`
 * at the holder → PAR with a signed request object (PKCE, nonce, state) → local row. A failure
 * after the holder created its consent deletes it there again, and nothing is stored locally.
 */
export async function startConsent(deps: ConsentDeps, input: StartConsentInput): Promise<StartedConsent> {
  const { ctx } = deps;
  const { cpf, cnpj } = documents(input);
  const scope = consentScope(input.dataGroups, { businessEntity: cnpj !== undefined });
  const termMonths = input.termMonths ?? 12;
  const server = findHolder(holderServers(await ctx.directory.participants()), input.holder);
  const { registration, config } = await registeredClientAt(deps, server);
  const redirectUri = redirectUriOf(registration, input.redirectUri);
  const { access_token: token } = await deps.oauth(() =>
    client.clientCredentialsGrant(config, { scope: 'consents' }),
  );
  const now = ctx.clock.now();
  const expiration = addMonths(now, termMonths);
  const consentsUrl = `${apiBase(server, 'consents', 3)}/consents`;
  const created = await callHolder(ctx.transport.fetch, consentsUrl, {
    method: 'POST',
    token,
    body: {
      data: {
        loggedUser: { document: { identification: cpf, rel: 'CPF' } },
        ...(cnpj && { businessEntity: { document: { identification: cnpj, rel: 'CNPJ' } } }),
        permissions: scope.permissions,
        expirationDateTime: zulu(expiration),
      },
    },
  });
  const consentId = (created.body?.data as { consentId?: unknown } | undefined)?.consentId;
  if (typeof consentId !== 'string') {
    throw new AppError(ReceiverErrors.RECEIVER_HOLDER_REJECTED, 'A transmissora não devolveu o consentId.');
  }
  ctx.logger.info(
    { consentId, fapiInteractionId: created.fapiInteractionId, orgId: server.orgId },
    'consent lodged at holder',
  );

  try {
    const id = randomUUID();
    const { authorisationUrl, state, nonce, codeVerifier } = await pushAuthorisationRequest(deps, config, {
      redirectUri,
      scopes: [...scope.scopes, `consent:${consentId}`],
    });
    const [row] = await ctx.db
      .insert(receiverConsents)
      .values({
        id,
        registrationId: registration.id,
        orgId: server.orgId,
        authorisationServerId: server.authorisationServerId,
        consentId,
        status: 'AWAITING_AUTHORISATION',
        dataGroups: scope.dataGroups,
        permissions: scope.permissions,
        documentEncrypted: deps.secrets.seal(id, 'document', cpf),
        documentHash: deps.secrets.documentHash(cpf),
        expirationDateTime: expiration,
        redirectUri,
        state,
        nonce,
        codeVerifier: deps.secrets.seal(id, 'code_verifier', codeVerifier),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { consent: consentView(row!), authorisationUrl };
  } catch (error) {
    await deleteAtHolder(deps, server, consentId, token);
    throw error;
  }
}

/** Compensation: the holder's consent goes (it would expire after 60 minutes anyway). */
async function deleteAtHolder(deps: ConsentDeps, server: HolderServer, consentId: string, token: string) {
  const url = `${apiBase(server, 'consents', 3)}/consents/${encodeURIComponent(consentId)}`;
  await callHolder(deps.ctx.transport.fetch, url, { method: 'DELETE', token }).catch((error: unknown) =>
    deps.ctx.logger.warn({ consentId, err: error }, 'could not delete the half-made consent at the holder'),
  );
}
