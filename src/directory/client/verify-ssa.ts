import { constants, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../platform/errors/index.ts';
import { SoftwareStatementErrors } from '../errors.ts';
import type { SoftwareStatementErrorCode } from '../errors.ts';
import type { SoftwareStatementClaims } from '../ssa-claims.ts';

export interface Jwks {
  keys: Array<{ kty?: string; kid?: string; use?: string; alg?: string; [member: string]: unknown }>;
}

export interface SsaCheckOptions {
  /** The directory's SSA issuer (SSA_ISSUERS). */
  issuer: string;
  now: Date;
  /** DIGEST §6.2 item 3: an SSA older than 5 minutes is refused. */
  maxAgeSeconds: number;
  /** How far in the future `iat` may be, for clocks slightly ahead of ours. */
  toleranceSeconds: number;
}

function reject(
  code: SoftwareStatementErrorCode,
  message: string,
  detail: Record<string, unknown> = {},
): never {
  throw new AppError(SoftwareStatementErrors[code], message, { detail });
}

/** The directory's PS256 verification keys by `kid`: RSA keys not marked for encryption. */
export function verificationKeys(jwks: Jwks): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    if (jwk.kty !== 'RSA' || jwk.use === 'enc' || (jwk.alg !== undefined && jwk.alg !== 'PS256')) continue;
    try {
      keys.set(jwk.kid ?? '', createPublicKey({ key: jwk, format: 'jwk' }));
    } catch {
      // A malformed key in a published set is skipped: it verifies nothing.
    }
  }
  return keys;
}

function decodePart(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return reject('SOFTWARE_STATEMENT_MALFORMED', `O ${what} do software statement não é um objeto JSON.`);
}

export function ssaKeyId(jwt: string): string | undefined {
  const kid = decodePart(jwt.split('.')[0] ?? '', 'cabeçalho').kid;
  return typeof kid === 'string' ? kid : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

function checkClaims(claims: Record<string, unknown>, options: SsaCheckOptions): SoftwareStatementClaims {
  if (claims.iss !== options.issuer) {
    reject('SOFTWARE_STATEMENT_UNTRUSTED_ISSUER', 'O software statement não foi emitido pelo diretório.', {
      iss: claims.iss,
    });
  }
  const iat = claims.iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat))
    reject('SOFTWARE_STATEMENT_MALFORMED', 'O software statement não traz iat.');
  const now = options.now.getTime() / 1000;
  if (iat > now + options.toleranceSeconds) {
    reject('SOFTWARE_STATEMENT_ISSUED_IN_FUTURE', 'O iat do software statement está no futuro.', { iat });
  }
  if (now - iat > options.maxAgeSeconds) {
    reject('SOFTWARE_STATEMENT_EXPIRED', 'O software statement foi emitido há mais de 5 minutos.', { iat });
  }
  const required = {
    software_id: isString(claims.software_id),
    org_id: isString(claims.org_id),
    software_jwks_uri: isString(claims.software_jwks_uri),
    software_redirect_uris: isStringArray(claims.software_redirect_uris),
    software_statement_roles: Array.isArray(claims.software_statement_roles),
  };
  const missing = Object.entries(required)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  if (missing.length > 0) {
    reject(
      'SOFTWARE_STATEMENT_MALFORMED',
      `Claims ausentes ou inválidas no software statement: ${missing.join(', ')}.`,
    );
  }
  return claims as SoftwareStatementClaims;
}

/**
 * Verifies a software statement synchronously with `node:crypto`: compact JWS, `alg` PS256 only,
 * signature by one of `keys` (by `kid`), `iss`, and `iat` within the allowed age (DCR 1 ID3;
 * DIGEST §6.2 items 2-3). Throws AppError with a SoftwareStatementErrors code.
 */
export function verifySoftwareStatementWith(
  jwt: string,
  keys: ReadonlyMap<string, KeyObject>,
  options: SsaCheckOptions,
): SoftwareStatementClaims {
  const parts = jwt.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[2]) {
    reject('SOFTWARE_STATEMENT_MALFORMED', 'O software statement não é um JWS compacto.');
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart(headerPart, 'cabeçalho');
  if (header.alg !== 'PS256') {
    reject('SOFTWARE_STATEMENT_ALGORITHM_NOT_ALLOWED', 'O software statement deve ser assinado com PS256.', {
      alg: header.alg,
    });
  }
  const candidates =
    typeof header.kid === 'string'
      ? [keys.get(header.kid)].filter((k) => k !== undefined)
      : [...keys.values()];
  if (candidates.length === 0) {
    reject(
      'SOFTWARE_STATEMENT_UNKNOWN_KEY',
      'O software statement foi assinado por chave que o diretório não publica.',
      {
        kid: header.kid,
      },
    );
  }
  const signingInput = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  // RFC 7518 §3.5: PS256 is RSASSA-PSS with SHA-256, MGF1 SHA-256 and a 32-byte salt.
  const valid = candidates.some((key) =>
    verify(
      'sha256',
      signingInput,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      signature,
    ),
  );
  if (!valid) reject('SOFTWARE_STATEMENT_BAD_SIGNATURE', 'A assinatura do software statement não confere.');
  return checkClaims(decodePart(payloadPart, 'payload'), options);
}
