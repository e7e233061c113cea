import type { X509Certificate } from 'node:crypto';
import { AppError } from '../platform/errors/index.ts';
import { splitPemBundle, toX509 } from './certificate-input.ts';
import type { CertificateInput } from './certificate-input.ts';
import { PkiErrors } from './errors.ts';

const MAX_DEPTH = 8;

function certificates(input: CertificateInput | readonly CertificateInput[]): X509Certificate[] {
  const list: readonly CertificateInput[] = Array.isArray(input) ? input : [input as CertificateInput];
  return list
    .flatMap((c): CertificateInput[] => (typeof c === 'string' ? splitPemBundle(c) : [c]))
    .map(toX509);
}

function untrusted(message: string, detail: Record<string, unknown>): never {
  throw new AppError(PkiErrors.CERTIFICATE_UNTRUSTED, message, { detail });
}

function checkValidity(certificate: X509Certificate, at: Date): void {
  if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo)) {
    untrusted('Certificado fora do prazo de validade.', {
      subject: certificate.subject,
      at: at.toISOString(),
    });
  }
}

/**
 * Builds and checks the chain from a certificate to one of the trusted CAs (signature, issuer
 * name, CA flag, validity at `at`), for code that receives a certificate outside a TLS handshake
 * (a forwarded header, an `x5c`). TLS termination already does this for mTLS connections.
 * Returns the chain, leaf first; throws CERTIFICATE_UNTRUSTED.
 *
 * @example
 *   verifyChain(brcacPem, ca.trustBundlePem, { at: clock.now() });
 */
export function verifyChain(
  certificate: CertificateInput,
  trustedCas: CertificateInput | readonly CertificateInput[],
  options: { at?: Date; intermediates?: readonly CertificateInput[] } = {},
): X509Certificate[] {
  const at = options.at ?? new Date();
  const anchors = certificates(trustedCas).filter((c) => c.ca);
  const pool = [...anchors, ...certificates(options.intermediates ?? []).filter((c) => c.ca)];
  const isAnchor = (c: X509Certificate) => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  const chain = [toX509(certificate)];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const current = chain[chain.length - 1]!;
    checkValidity(current, at);
    if (isAnchor(current)) return chain;
    const issuer = pool.find(
      (candidate) => current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (issuer === undefined) {
      untrusted('A cadeia do certificado não leva a uma AC confiável.', { subject: current.subject });
    }
    chain.push(issuer);
  }
  return untrusted('A cadeia do certificado é longa demais.', { depth: MAX_DEPTH });
}
