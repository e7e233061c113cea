import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock/index.ts';
import { AppError } from '../../platform/errors/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import type { ConsentView } from '../consents/store.ts';
import { ReceiverErrors } from '../errors.ts';
import type { Receiver } from '../receiver.ts';
import { withHolderErrors } from './holder-error-body.ts';
import { Callback, CreateConsent, GetConsent } from './schemas.ts';

export function shapeConsent(view: ConsentView) {
  return {
    id: view.id,
    consentId: view.consentId,
    kind: view.kind,
    holder: { orgId: view.orgId, authorisationServerId: view.authorisationServerId },
    status: view.status,
    dataGroups: view.dataGroups,
    permissions: view.permissions,
    expirationDateTime: view.expirationDateTime?.toISOString() ?? null,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

/**
 * The hybrid response comes in the redirect's fragment, which browsers never send to a server
 * (FAPI-BR: response_mode=fragment). Without parameters, the callback answers this page, which
 * moves the fragment into the query of the same URL.
 */
const FRAGMENT_SCRIPT = `if(location.hash.length>1)location.replace(location.pathname+'?'+location.hash.slice(1));`;
const FRAGMENT_PAGE = `<!DOCTYPE html><meta charset="utf-8"><title>Ponte</title><script>${FRAGMENT_SCRIPT}</script>`;
const FRAGMENT_CSP = `default-src 'none'; script-src 'sha256-${createHash('sha256').update(FRAGMENT_SCRIPT).digest('base64')}'`;

export const consentRoutes = defineRoutes<{ receiver: Receiver; clock: Clock }>(
  (app, { receiver, clock }) => {
    app.post('/receiver/v1/consents', { schema: CreateConsent }, async (request, reply) =>
      withHolderErrors(reply, clock, async () => {
        const started = await receiver.startConsent(request.body);
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ data: { ...shapeConsent(started.consent), authorisationUrl: started.authorisationUrl } });
      }),
    );

    app.get('/receiver/v1/consents/:id', { schema: GetConsent }, async (request) => ({
      data: shapeConsent(await receiver.getConsent(request.params.id)),
    }));

    app.delete('/receiver/v1/consents/:id', { schema: GetConsent }, async (request, reply) =>
      withHolderErrors(reply, clock, async () => ({
        data: shapeConsent(await receiver.revokeConsent(request.params.id)),
      })),
    );

    app.get('/receiver/v1/callback', { schema: Callback }, async (request, reply) => {
      const params = new URLSearchParams(request.query as Record<string, string>);
      if ([...params.keys()].length === 0) {
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', FRAGMENT_CSP)
          .header('cache-control', 'no-store')
          .send(FRAGMENT_PAGE);
      }
      return withHolderErrors(reply, clock, async () => {
        try {
          const view = await receiver.completeAuthorisation(params);
          return reply.redirect(receiver.returnUrl({ id: view.id, status: view.status }), 303);
        } catch (error) {
          // The customer said no: that is an outcome for the app, not an error page.
          if (error instanceof AppError && error.code === ReceiverErrors.RECEIVER_AUTHORISATION_DENIED) {
            const id = typeof error.detail?.id === 'string' ? error.detail.id : undefined;
            return reply.redirect(
              receiver.returnUrl({
                ...(id && { id }),
                status: 'REJECTED',
                error: typeof error.detail?.error === 'string' ? error.detail.error : 'access_denied',
              }),
              303,
            );
          }
          throw error;
        }
      });
    });
  },
);
