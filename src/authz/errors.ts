import { defineErrors } from '../platform/http/index.ts';

/**
 * Errors the authorization server raises outside oidc-provider's own OAuth answers: what a
 * resource server answers when a bearer token fails (401, RFC 6750 §3.1; DIGEST §3.4).
 */
export const AuthzErrors = defineErrors({
  ACCESS_TOKEN_INVALID: { status: 401, title: 'Token de acesso inválido', oauthError: 'invalid_client' },
  ACCESS_TOKEN_CERTIFICATE_MISMATCH: {
    status: 401,
    title: 'Token de acesso vinculado a outro certificado',
    oauthError: 'invalid_client',
  },
});
