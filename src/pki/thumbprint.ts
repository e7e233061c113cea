import { createHash } from 'node:crypto';
import { certificateDer } from './certificate-input.ts';
import type { CertificateInput } from './certificate-input.ts';

/**
 * RFC 8705 §3.1 `x5t#S256`: base64url SHA-256 of the certificate's DER. What a certificate-bound
 * access token carries in `cnf` and what the resource server compares with the mTLS certificate.
 */
export function certificateThumbprint(certificate: CertificateInput): string {
  return createHash('sha256').update(certificateDer(certificate)).digest('base64url');
}

/** RFC 7638 JWK thumbprint (SHA-256) of an RSA or EC public key: the `kid` the directory gives keys. */
export function jwkThumbprint(jwk: {
  kty?: string;
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
}): string {
  // RFC 7638 §3.2: only the required members, in lexicographic order, no whitespace.
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : undefined;
  if (members === undefined || Object.values(members).some((v) => typeof v !== 'string')) {
    throw new Error(`cannot compute the thumbprint of a ${jwk.kty ?? 'typeless'} key`);
  }
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
