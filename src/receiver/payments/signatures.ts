import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  flattenedVerify,
  jwtVerify,
  SignJWT,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
} from 'jose';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import type { ReceiverContext } from '../types.ts';

/** FAPI-BR 1.0 ID3 "Message Content Signing": `iat` within ±60 s (DIGEST §4.2). */
const IAT_TOLERANCE_S = 60;
/** A webhook may wait in the holder's retry queue a little; its `iat` is the attempt's. */
const WEBHOOK_IAT_TOLERANCE_S = 300;

/** Where an organisation's JWKS lives in the directory (its BRSEAL keys). */
export type OrgJwksUri = (orgId: string) => Promise<string>;

/** Keys of the holder's organisation JWKS, fetched again once when the `kid` is unknown. */
function keysOf(ctx: ReceiverContext, orgJwksUri: OrgJwksUri, orgId: string) {
  return async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const uri = await orgJwksUri(orgId);
    const jwks = await ctx.directory.fetchJwks(uri, { ...(header.kid && { kid: header.kid }) });
    return createLocalJWKSet(jwks)(header, token);
  };
}

/**
 * A signed request body (DIGEST §4.2): PS256 with our software's signing key, `typ: JWT`, claims
 * `aud` = the holder's organisationId, `iss` = ours, `iat`, a fresh `jti` (UUID v4), `data`.
 */
export function signRequest(ctx: ReceiverContext, holderOrgId: string, data: unknown): Promise<string> {
  return new SignJWT({ data: data as Record<string, unknown> })
    .setProtectedHeader({ alg: 'PS256', typ: 'JWT', kid: ctx.identity.signingKid })
    .setAudience(holderOrgId)
    .setIssuer(ctx.identity.orgId)
    .setIssuedAt(Math.floor(ctx.clock.now().getTime() / 1000))
    .setJti(randomUUID())
    .sign(ctx.identity.signingKey);
}

/**
 * A holder's signed answer, verified with its organisation JWKS from the directory only (DIGEST
 * §4.2): PS256, `iss` = the holder's organisationId, `aud` = ours, `iat` within tolerance.
 */
export async function verifyAnswer(
  ctx: ReceiverContext,
  orgJwksUri: OrgJwksUri,
  holderOrgId: string,
  jwt: string,
): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(jwt, keysOf(ctx, orgJwksUri, holderOrgId), {
      algorithms: ['PS256'],
      issuer: holderOrgId,
      audience: ctx.identity.orgId,
      currentDate: ctx.clock.now(),
      clockTolerance: IAT_TOLERANCE_S,
    });
    return payload;
  } catch (error) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_BAD_SIGNATURE,
      'A resposta assinada da detentora não pôde ser verificada.',
      {
        detail: { orgId: holderOrgId, reason: error instanceof Error ? error.message : String(error) },
        cause: error,
      },
    );
  }
}

const missing = (message: string): never => {
  throw new AppError(ReceiverErrors.RECEIVER_WEBHOOK_SIGNATURE_MISSING, message);
};
const refused = (message: string, cause?: unknown): never => {
  throw new AppError(ReceiverErrors.RECEIVER_WEBHOOK_SIGNATURE_INVALID, message, { cause });
};

/**
 * A holder's webhook (src/payments/README.md "Webhooks"): `x-jws-signature` carries a detached
 * JWS (RFC 7515 Appendix F) over the exact body bytes, PS256, protected header `iss` (the
 * holder's organisationId, which must be an active participant), `aud` (ours), `iat`. Verified
 * with the holder's organisation JWKS from the directory. Answers the sending organisation.
 */
export async function verifyWebhookSignature(
  ctx: ReceiverContext,
  orgJwksUri: OrgJwksUri,
  signature: string | undefined,
  body: Buffer,
): Promise<{ orgId: string }> {
  const parts = signature?.split('.') ?? [];
  if (parts.length !== 3 || parts[1] !== '' || !parts[0] || !parts[2]) {
    return missing('x-jws-signature ausente ou não é um JWS destacado.');
  }
  let header: JWSHeaderParameters & { iss?: unknown; aud?: unknown; iat?: unknown };
  try {
    header = decodeProtectedHeader(`${parts[0]}..${parts[2]}`);
  } catch {
    return missing('Cabeçalho protegido do JWS ilegível.');
  }
  if (header.alg !== 'PS256' || typeof header.iss !== 'string' || typeof header.kid !== 'string') {
    return missing('O JWS precisa de alg PS256, kid e iss.');
  }
  const orgId = header.iss;
  const participants = await ctx.directory.participants();
  if (!participants.some((org) => org.OrganisationId === orgId && org.Status === 'Active')) {
    return refused('O emissor do webhook não é um participante ativo do diretório.');
  }
  try {
    await flattenedVerify(
      { protected: parts[0], payload: body.toString('base64url'), signature: parts[2] },
      keysOf(ctx, orgJwksUri, orgId),
      { algorithms: ['PS256'] },
    );
  } catch (error) {
    return refused('A assinatura do webhook não confere.', error);
  }
  const now = ctx.clock.now().getTime() / 1000;
  if (header.aud !== ctx.identity.orgId) return refused('O webhook não é endereçado a esta organização.');
  if (typeof header.iat !== 'number' || Math.abs(now - header.iat) > WEBHOOK_IAT_TOLERANCE_S) {
    return refused('iat do webhook fora da tolerância.');
  }
  return { orgId };
}
