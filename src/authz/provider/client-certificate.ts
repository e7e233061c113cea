import type { X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { PresentedCertificate } from '../../platform/http/index.ts';

/**
 * The client certificate of a request, handed from Fastify to oidc-provider. The provider runs
 * behind @fastify/middie on the raw Node request, so the certificate Fastify resolved
 * (`request.clientCertificate()`, TLS or trusted proxy header; src/platform/http) is attached
 * to that raw request before middie passes it on.
 */
const presented = new WeakMap<IncomingMessage, PresentedCertificate | undefined>();

export function attachPresentedCertificate(
  raw: IncomingMessage,
  certificate: PresentedCertificate | undefined,
): void {
  presented.set(raw, certificate);
}

/** The certificate of a raw request, only when its chain was verified (RFC 8705 §3; DIGEST §6.2 item 1). */
export function verifiedCertificateOf(raw: IncomingMessage): X509Certificate | undefined {
  const entry = presented.get(raw);
  return entry?.verified === true ? entry.certificate : undefined;
}

/** `features.mTLS.getCertificate`: the verified client certificate, or undefined. */
export function getCertificate(ctx: KoaContextWithOIDC): X509Certificate | undefined {
  return verifiedCertificateOf(ctx.req);
}
