import { BlockList, isIP } from 'node:net';
import { hash, X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';

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

/** The proxies' addresses; throws, naming the entry, on one that is not an IP address or CIDR. */
export function proxyList(entries: readonly string[]): BlockList {
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

/**
 * Headers only a gateway may set. From any other address they are removed before a route or the
 * authorization server sees them: oidc-provider behind a proxy (`provider.proxy`) builds its
 * endpoint URLs from X-Forwarded-Host/Proto whoever sends them.
 */
const FORWARDED_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
];

export function installClientCertificate(
  app: Pick<FastifyInstance, 'decorateRequest' | 'addHook'>,
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
  const fromTrustedProxy = (request: FastifyRequest) => {
    const remote = request.raw.socket.remoteAddress ?? '';
    if (!remote) return false;
    if (remote.startsWith('::ffff:')) return trusted.check(remote.slice(7), 'ipv4');
    return trusted.check(remote, isIP(remote) === 6 ? 'ipv6' : 'ipv4');
  };
  app.addHook('onRequest', (request, _reply, done) => {
    if (!fromTrustedProxy(request)) {
      // A certificate header from anyone but a configured proxy is a forged certificate, or a
      // gateway missing from trustedProxies: ignored (the request then has no certificate, and
      // every endpoint that needs one refuses it), and said in the log for the operator.
      if (request.headers[header] !== undefined) {
        request.log.warn(
          { remoteAddress: request.raw.socket.remoteAddress, header },
          'client certificate header from an address that is not a trusted proxy: ignored',
        );
        delete request.raw.headers[header];
      }
      for (const name of FORWARDED_HEADERS) delete request.raw.headers[name];
    }
    done();
  });
  app.decorateRequest('clientCertificate', function (this: FastifyRequest) {
    if (!fromTrustedProxy(this)) return undefined;
    const raw = this.headers[header];
    if (typeof raw !== 'string' || raw.length === 0) return undefined;
    try {
      return presented(new X509Certificate(decodeURIComponent(raw)), true);
    } catch {
      return undefined;
    }
  });
}
