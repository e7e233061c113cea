import { X509Certificate } from 'node:crypto';

/** A certificate as callers hold it: Node's X509Certificate, a PEM string or the DER bytes. */
export type CertificateInput = X509Certificate | string | Uint8Array;

export function certificateDer(input: CertificateInput): Buffer {
  if (input instanceof X509Certificate) return input.raw;
  if (typeof input === 'string') return new X509Certificate(input).raw;
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

export function toX509(input: CertificateInput): X509Certificate {
  return input instanceof X509Certificate ? input : new X509Certificate(certificateDer(input));
}

/** Every certificate of a PEM bundle, in order. */
export function splitPemBundle(pem: string): string[] {
  return (
    pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)?.map((c) => `${c}\n`) ?? []
  );
}
