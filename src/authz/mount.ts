import middie from '@fastify/middie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import type { PonteApp } from '../platform/http/index.ts';
import { attachPresentedCertificate } from './provider/client-certificate.ts';

/**
 * Mounts the provider in the brand's Fastify app under `prefix` (the issuer's path) with
 * @fastify/middie, so that its router only sees its own paths and never shadows the brand's
 * other routes (DESIGN §6). The client certificate Fastify resolved is handed to the provider
 * on the raw request (provider/client-certificate.ts).
 */
export async function mountProvider(app: PonteApp, provider: Provider, prefix: string): Promise<void> {
  if (prefix === '' || prefix === '/') {
    throw new Error('the issuer must carry a path (e.g. https://host/auth) to mount the provider under');
  }
  const underPrefix = (url: string) =>
    url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
  app.addHook('onRequest', (request, _reply, done) => {
    if (underPrefix(request.url)) attachPresentedCertificate(request.raw, request.clientCertificate());
    done();
  });
  if (!app.hasDecorator('use')) await app.register(middie);
  const callback = provider.callback();
  app.use(prefix, (req: IncomingMessage, res: ServerResponse) => {
    callback(req, res);
  });
}
