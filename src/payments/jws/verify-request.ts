import { AppError } from '../../platform/errors/index.ts';
import { PaymentErrors } from '../errors.ts';
import { ps256Verify } from './crypto.ts';
import { findSigningKey, type JwksSource } from './directory-keys.ts';

/** FAPI-BR 1.0 ID3 JWS item 8: `iat` within ±60 seconds. */
export const IAT_TOLERANCE_SECONDS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface SignedRequestContext {
  /** The initiator's organisationId (directory): the `iss` its messages carry. */
  clientOrgId: string;
  /** Directory JWKS of the initiator (software, organisation). */
  jwksUris: readonly string[];
  /** The account holder's organisationId and the URL called: the `aud` values accepted. */
  audiences: readonly string[];
  now: Date;
  keys: JwksSource;
  /** Records the jti; false when it was used before (called last, after every other check). */
  rememberJti(jti: string): Promise<boolean>;
}

const badSignature = (message: string) => new AppError(PaymentErrors.BAD_SIGNATURE, message);
const invalidClient = (message: string) => new AppError(PaymentErrors.PAYMENTS_INVALID_CLIENT, message);

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a signed request body (FAPI-BR 1.0 ID3 "Message Content Signing Considerations";
 * payments.yaml "Validações" items 1.2.3–1.2.4 and 2.1.3–2.1.4) and returns its claims:
 * 1. compact JWS with `alg: PS256`, a `kid`, `typ: JWT` (when present), no `crit` → else 400 BAD_SIGNATURE;
 * 2. the key is the initiator's, found only in its directory JWKS, and the signature verifies → else 400 BAD_SIGNATURE;
 * 3. `aud` is this account holder (organisationId or the endpoint URL), `iss` the initiator's
 *    organisationId, `iat` within ±60 s, `jti` a UUID v4 → else 403 INVALID_CLIENT;
 * 4. the jti was not used by this client in the last 24 h → else 403 INVALID_CLIENT.
 */
export async function verifySignedRequest(
  jwt: string,
  ctx: SignedRequestContext,
): Promise<Record<string, unknown>> {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
    throw badSignature('A mensagem não é um JWS compacto.');
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (header?.alg !== 'PS256') throw badSignature('A mensagem deve ser assinada com PS256.');
  if (typeof header.kid !== 'string' || header.kid.length === 0)
    throw badSignature('O cabeçalho JWS não traz kid.');
  if (header.typ !== undefined && header.typ !== 'JWT')
    throw badSignature('O cabeçalho JWS deve ter typ JWT.');
  if (header.crit !== undefined) throw badSignature('Extensões críticas (crit) não são suportadas.');

  const key = await findSigningKey(ctx.keys, ctx.jwksUris, header.kid);
  if (key === undefined) throw badSignature('A chave de assinatura não está no diretório do iniciador.');
  const valid = await ps256Verify(
    key,
    Buffer.from(`${headerPart}.${payloadPart}`),
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!valid) throw badSignature('A assinatura da mensagem não confere.');

  const claims = decodeJson(payloadPart);
  if (claims === undefined) throw badSignature('O payload do JWS não é um objeto JSON.');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((a) => typeof a === 'string' && ctx.audiences.includes(a))) {
    throw invalidClient('A claim aud não corresponde a esta instituição ou endpoint.');
  }
  if (claims.iss !== ctx.clientOrgId)
    throw invalidClient('A claim iss não corresponde ao organisationId do iniciador.');
  const now = ctx.now.getTime() / 1000;
  if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)) throw invalidClient('A claim iat é obrigatória e numérica.'); // prettier-ignore
  if (Math.abs(now - claims.iat) > IAT_TOLERANCE_SECONDS) throw invalidClient('A claim iat está fora da tolerância de 60 segundos.'); // prettier-ignore
  if (typeof claims.jti !== 'string' || !UUID.test(claims.jti))
    throw invalidClient('A claim jti deve ser um UUID.');
  if (!UUID_V4.test(claims.jti)) throw invalidClient('A claim jti deve ser um UUID versão 4.');
  if (!(await ctx.rememberJti(claims.jti.toLowerCase())))
    throw invalidClient('A claim jti já foi utilizada.');
  return claims;
}
