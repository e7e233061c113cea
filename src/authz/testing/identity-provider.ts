import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { freePort } from '../../platform/db/index.ts';
import type { TestPki } from './certificates.ts';

/**
 * Test helper: the institution's own identity provider, a second oidc-provider on its own HTTPS
 * port at `https://localhost` (another host than the brand's 127.0.0.1, so that the browser keeps
 * the two providers' cookies apart). Ponte is its client (private_key_jwt, PS256); customers log
 * in on a small form with user, password and an optional one-time code: the password alone gives
 * `acr = urn:banco:senha`, with the code `urn:banco:senha+otp`. The CPF is the `cpf` claim,
 * served by userinfo (scope `cpf`).
 */
export const IDP_ACR_PASSWORD = 'urn:banco:senha';
export const IDP_ACR_OTP = 'urn:banco:senha+otp';
export const IDP_OTP = '123456';

export interface IdpUser {
  username: string;
  password: string;
  cpf: string;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  /** PKCS#8 PEM of Ponte's private_key_jwt key (its public half is registered here). */
  clientPrivateKeyPem: string;
  /** Registers Ponte's redirect URI (known once the brand listens) and starts listening. */
  start(redirectUri: string): Promise<void>;
  close(): Promise<void>;
}

const FORM = (uid: string, error = '') => `<!DOCTYPE html><html lang="pt-BR"><title>Banco IdP</title>
<main><h1>Banco: entrar</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/login/${uid}">
<label for="u">Usuário</label><input id="u" name="username">
<label for="p">Senha</label><input id="p" name="password" type="password">
<label for="c">Código do token</label><input id="c" name="otp">
<button type="submit">Entrar no banco</button></form></main></html>`;

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The issuer and Ponte's key are known at once; `start` once Ponte's callback URL is. */
export async function prepareTestIdentityProvider(input: {
  pki: TestPki;
  users: readonly IdpUser[];
}): Promise<TestIdentityProvider> {
  const port = await freePort();
  const issuer = `https://localhost:${port}`;
  const clientId = 'ponte-bank-a';
  const [signing, clientKey] = await Promise.all([
    generateKeyPair('RS256', { extractable: true }),
    generateKeyPair('PS256', { extractable: true }),
  ]);
  const [signingJwk, clientJwk] = await Promise.all([
    exportJWK(signing.privateKey),
    exportJWK(clientKey.publicKey),
  ]);
  const configuration = (redirectUri: string): Configuration => ({
    jwks: { keys: [{ ...signingJwk, kid: 'idp-1', use: 'sig', alg: 'RS256' }] },
    clients: [
      {
        client_id: clientId,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'PS256',
        jwks: { keys: [{ ...clientJwk, kid: 'ponte-1', alg: 'PS256' }] },
      },
    ],
    acrValues: [IDP_ACR_PASSWORD, IDP_ACR_OTP],
    claims: { acr: null, openid: ['sub'], cpf: ['cpf'] },
    scopes: ['openid', 'cpf'],
    cookies: { keys: ['idp-cookie-key'] },
    features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
    pkce: { required: () => true },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/login/${interaction.uid}`,
    },
    // Ponte is the institution's own, trusted client: no consent screen at the identity provider.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (accountId === undefined || clientId === undefined) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid cpf');
      await grant.save();
      return grant;
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = input.users.find((u) => u.username === sub);
      return user === undefined ? undefined : { accountId: sub, claims: () => ({ sub, cpf: user.cpf }) };
    },
  });
  let server: Server | undefined;

  async function login(
    provider: Provider,
    request: IncomingMessage,
    response: ServerResponse,
    uid: string,
  ): Promise<void> {
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FORM(uid));
      return;
    }
    const form = await formOf(request);
    const user = input.users.find((u) => u.username === form.get('username'));
    if (user === undefined || user.password !== form.get('password')) {
      response
        .writeHead(401, { 'content-type': 'text/html; charset=utf-8' })
        .end(FORM(uid, 'Usuário ou senha inválidos'));
      return;
    }
    const acr = form.get('otp') === IDP_OTP ? IDP_ACR_OTP : IDP_ACR_PASSWORD;
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: user.username, acr } },
      {
        mergeWithLastSubmission: false,
      },
    );
  }

  return {
    issuer,
    clientId,
    clientPrivateKeyPem: await exportPKCS8(clientKey.privateKey),
    async start(redirectUri) {
      const provider = new Provider(issuer, configuration(redirectUri));
      const callback = provider.callback();
      const tls = { key: input.pki.server.key, cert: input.pki.server.cert };
      server = createServer(tls, (request, response) => {
        const match = /^\/login\/([A-Za-z0-9_-]+)$/.exec(request.url ?? '');
        if (!match) return callback(request, response);
        login(provider, request, response, match[1]!).catch(() => response.writeHead(500).end());
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    close: () => {
      if (server === undefined) return Promise.resolve();
      server.closeAllConnections();
      return new Promise((resolve) => server!.close(() => resolve()));
    },
  };
}
