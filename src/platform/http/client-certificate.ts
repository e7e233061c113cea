import { BlockList, isIP } from 'node:net';
import { hash, X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

/**
 * Where the client certificate of an mTLS request comes from (DESIGN §1, FAPI-BR mTLS):
 * - `tls`: Ponte terminates TLS itself and asks for a client certificate;
 * - `proxy`: a gateway terminates TLS and forwards the verified certificate (URL-encoded PEM, as
 *   nginx's `$ssl_client_escaped_cert`) in a header, believed only from the configured proxies.
 */
export type ClientCertificateSource =
  { mode: 'tls' } | { mode: 'proxy'; header: string; trustedProxies: readonly string[] };

export interface PresentedCertificate {
  certificate: X509Certificate;
  /** True when the chain was verified (by our TLS stack or by a trusted proxy). */
  verified: boolean;
  /** base64url SHA-256 of the DER: the `x5t#S256` a bound token carries (RFC 8705 §3.1). */
  thumbprint: string;
}

function presented(certificate: X509Certificate, verified: boolean): PresentedCertificate {
  return { certificate, verified, thumbprint: hash('sha256', certificate.raw, 'base64url') };
}

/**
 * A TLS connection's peer certificate cannot change once the handshake is done (createHttpApp
 * disables renegotiation), so it is read, parsed and hashed once per connection, not per request
 * of a keep-alive connection (that was ~6 % of a data API request's CPU).
 */
const perConnection = new WeakMap<object, PresentedCertificate | null>();

declare module 'fastify' {
  interface FastifyRequest {
    /** The client certificate presented on this request, if any (see ClientCertificateSource). */
    clientCertificate(): PresentedCertificate | undefined;
  }
}

function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (!address || isIP(address) === 0) throw new Error(`not an IP address or CIDR: ${entry}`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function fromTls(request: FastifyRequest): PresentedCertificate | undefined {
  const socket = request.raw.socket as Partial<TLSSocket>;
  let found = perConnection.get(socket);
  if (found === undefined) {
    const certificate = socket.getPeerX509Certificate?.();
    found = certificate ? presented(certificate, socket.authorized === true) : null;
    perConnection.set(socket, found);
  }
  return found ?? undefined;
}

export function installClientCertificate(
  app: { decorateRequest(name: string, value: unknown): unknown },
  source: ClientCertificateSource,
): void {
  if (source.mode === 'tls') {
    app.decorateRequest('clientCertificate', function (this: FastifyRequest) {
      return fromTls(this);
    });
    return;
  }
  const trusted = proxyList(source.trustedProxies);
  const header = source.header.toLowerCase();
  app.decorateRequest('clientCertificate', function (this: FastifyRequest) {
    const remote = this.raw.socket.remoteAddress ?? '';
    const family = isIP(remote) === 6 ? 'ipv6' : 'ipv4';
    // A header from anyone but a configured proxy is ignored: it would be a forged certificate.
    if (
      !remote ||
      !trusted.check(remote.replace(/^::ffff:/, ''), remote.startsWith('::ffff:') ? 'ipv4' : family)
    ) {
      return undefined;
    }
    const raw = this.headers[header];
    if (typeof raw !== 'string' || raw.length === 0) return undefined;
    try {
      return presented(new X509Certificate(decodeURIComponent(raw)), true);
    } catch {
      return undefined;
    }
  });
}
