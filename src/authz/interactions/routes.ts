import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InteractionInstance } from 'oidc-provider';
import type { PonteApp } from '../../platform/http/index.ts';
import { errorPage } from '../pages/error-page.ts';
import { PAGE_HEADERS } from '../pages/layout.ts';
import { showConsent, submitConsent } from './consent-decision.ts';
import type { InteractionDeps, InteractionOutcome } from './interaction-deps.ts';
import { abortInteraction } from './admission.ts';
import { beginFederatedLogin, completeFederatedLogin, interactionUidOfState } from './federated-login.ts';
import { showLogin, submitLogin } from './login.ts';

type Params = { uid: string };
type Step = 'login' | 'consent';

async function details(
  deps: InteractionDeps,
  request: FastifyRequest<{ Params: Params }>,
  reply: FastifyReply,
) {
  try {
    const interaction = await deps.provider.interactionDetails(request.raw, reply.raw);
    // The cookie must belong to the interaction in the URL (no replay of another request's uid).
    return interaction.uid === request.params.uid ? interaction : undefined;
  } catch {
    return undefined;
  }
}

function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', 'no-store').redirect(location, 303);
}

/** The query as sent (repeated parameters kept), not Fastify's parsed object. */
function queryOf(request: FastifyRequest): URLSearchParams {
  return new URL(request.url, 'http://query.invalid').searchParams;
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(html);
}

async function deliver(
  deps: InteractionDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: InteractionOutcome,
): Promise<FastifyReply | undefined> {
  if (outcome.kind === 'page') return sendPage(reply, outcome.status, outcome.html);
  if (outcome.kind === 'redirect') return seeOther(reply, outcome.location);
  // The provider writes the 303 to the resume endpoint on the raw response itself.
  reply.hijack();
  await deps.provider.interactionFinished(request.raw, reply.raw, outcome.result, {
    mergeWithLastSubmission: outcome.merge,
  });
  return undefined;
}

function expired(deps: InteractionDeps, reply: FastifyReply): FastifyReply {
  return sendPage(
    reply,
    400,
    errorPage(
      deps.pageBrand,
      'Este pedido de autorização expirou ou não pertence a esta sessão do navegador.',
    ),
  );
}

function promptOf(interaction: InteractionInstance): Step | undefined {
  const name = interaction.prompt.name;
  return name === 'login' || name === 'consent' ? name : undefined;
}

/** The login step: the brand's form, or off to the institution's identity provider. */
function loginStep(
  deps: InteractionDeps,
  interaction: InteractionInstance,
  body: Record<string, unknown> | undefined,
): Promise<InteractionOutcome> {
  const { authenticator } = deps;
  if (authenticator.style === 'redirect') return beginFederatedLogin(deps, authenticator, interaction);
  return body === undefined
    ? showLogin(deps, interaction)
    : submitLogin(deps, authenticator, interaction, body);
}

/**
 * The customer's pages (white label, server-rendered, pt-BR), outside the provider's prefix:
 * - `GET  {path}/:uid`          the page of the current step (login or consent); with a redirect
 *                               authenticator, the login step sends the browser to the identity provider;
 * - `POST {path}/:uid/login`    fields `cpf`, `password`;
 * - `POST {path}/:uid/consent`  fields `resources` (repeated), `action=confirm|refuse`;
 * - `POST {path}/:uid/abort`    the way back to the receiver from a refusal page;
 * - `GET  {path}/federated/callback`      the identity provider's redirect URI (fixed, registered
 *                               there): bounces to `{path}/:uid/federated/callback`, where the
 *                               interaction's cookie is, by the uid in the state.
 * A POST to the other step's action is refused (a stale tab cannot skip the login).
 */
export async function registerInteractionRoutes(app: PonteApp, deps: InteractionDeps): Promise<void> {
  await app.register(
    async (scope) => {
      await scope.register(formbody, { bodyLimit: 16 * 1024 });
      // The platform's mapper answers API errors in JSON; a person's browser gets a page instead.
      scope.setErrorHandler((error, request, reply) => {
        request.log.error({ err: error }, 'customer page failed');
        return sendPage(
          reply,
          500,
          errorPage(deps.pageBrand, 'Ocorreu um erro inesperado. Tente novamente.'),
        );
      });

      scope.get<{ Params: Params }>('/:uid', async (request, reply) => {
        const interaction = await details(deps, request, reply);
        if (!interaction) return expired(deps, reply);
        const step = promptOf(interaction);
        if (step === undefined) return expired(deps, reply);
        const outcome =
          step === 'login'
            ? await loginStep(deps, interaction, undefined)
            : await showConsent(deps, interaction);
        return deliver(deps, request, reply, outcome);
      });

      scope.get('/federated/callback', async (request, reply) => {
        const query = queryOf(request);
        const uid = interactionUidOfState(query.get('state') ?? undefined);
        if (uid === undefined) return expired(deps, reply);
        return seeOther(reply, `${deps.path}/${uid}/federated/callback?${query.toString()}`);
      });

      scope.get<{ Params: Params }>('/:uid/federated/callback', async (request, reply) => {
        const interaction = await details(deps, request, reply);
        const { authenticator } = deps;
        if (!interaction || promptOf(interaction) !== 'login' || authenticator.style !== 'redirect') {
          return expired(deps, reply);
        }
        const outcome = await completeFederatedLogin(deps, authenticator, interaction, queryOf(request));
        return deliver(deps, request, reply, outcome);
      });

      scope.post<{ Params: Params }>('/:uid/abort', async (request, reply) => {
        const interaction = await details(deps, request, reply);
        if (!interaction) return expired(deps, reply);
        return deliver(deps, request, reply, abortInteraction(interaction));
      });

      for (const step of ['login', 'consent'] as const) {
        scope.post<{ Params: Params; Body: Record<string, unknown> }>(
          `/:uid/${step}`,
          async (request, reply) => {
            const interaction = await details(deps, request, reply);
            if (!interaction || promptOf(interaction) !== step) return expired(deps, reply);
            const body = request.body ?? {};
            const outcome =
              step === 'login'
                ? await loginStep(deps, interaction, body)
                : await submitConsent(deps, interaction, body);
            return deliver(deps, request, reply, outcome);
          },
        );
      }
    },
    { prefix: deps.path },
  );
}
