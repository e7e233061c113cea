import type { KeyObject } from 'node:crypto';
import { certificateDer, splitPemBundle, toX509 } from './certificate-input.ts';
import type { CertificateInput } from './certificate-input.ts';
import { certificateSubject, formatDistinguishedName } from './distinguished-name.ts';
import { certificateThumbprint, jwkThumbprint } from './thumbprint.ts';

/** A public JWK as the directory keystore publishes it (DIGEST §5.1: application.jwks, transport.jwks). */
export interface CertificateJwk {
  kty: string;
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
  kid: string;
  use: string;
  alg?: string;
  /** Leaf first, then the chain, base64 DER (RFC 7517 §4.7). */
  x5c: string[];
  'x5t#S256': string;
  /** Subject DN in the ecosystem's RFC 4514 form (certificate standard: "busque pela Claim: x5dn"). */
  x5dn: string;
  [member: string]: unknown;
}

export interface PublicJwk {
  kty: string;
  kid: string;
  [member: string]: unknown;
}

/** The public JWK of a key with its RFC 7638 thumbprint as `kid`. */
export function publicJwk(key: KeyObject, extra: Record<string, unknown> = {}): PublicJwk {
  const jwk = key.export({ format: 'jwk' }) as { kty: string; [k: string]: unknown };
  const { kty, n, e, crv, x, y } = jwk as Record<string, string>;
  const publicOnly = Object.fromEntries(
    Object.entries({ kty, n, e, crv, x, y }).filter(([, v]) => v !== undefined),
  );
  return { ...publicOnly, kid: jwkThumbprint(publicOnly), ...extra } as PublicJwk;
}

/**
 * The JWK of a certificate's public key with `x5c`, `x5t#S256` and `x5dn`; `use` is `tls` for
 * transport certificates and `sig` for signing ones.
 *
 * @example
 *   registry.addTransportCertificate(orgId, softwareId, certificateJwk(brcac.chainPem, { use: 'tls' }));
 */
export function certificateJwk(
  certificate: CertificateInput,
  options: { use: 'sig' | 'enc' | 'tls'; alg?: string; chain?: CertificateInput[] },
): CertificateJwk {
  // A PEM bundle brings its own chain: the leaf first.
  const bundle = typeof certificate === 'string' ? splitPemBundle(certificate) : [];
  const leaf = toX509(bundle[0] ?? certificate);
  const chain = [...bundle.slice(1), ...(options.chain ?? [])];
  return {
    ...publicJwk(leaf.publicKey),
    use: options.use,
    ...(options.alg && { alg: options.alg }),
    x5c: [leaf, ...chain].map((c) => certificateDer(c).toString('base64')),
    'x5t#S256': certificateThumbprint(leaf),
    x5dn: formatDistinguishedName(certificateSubject(leaf)),
  };
}
