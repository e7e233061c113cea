import { createServer } from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { loadOrCreateCertificateAuthority } from '../../src/pki/index.ts';
import { systemClock } from '../../src/platform/clock/index.ts';

/** A webhook as the initiator received it: the brand's certificate subject, when it showed one. */
export interface Hook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  subject: string | undefined;
}

/**
 * An outside initiator's webhook endpoint on `uri` (its software statement's webhook URI), over
 * TLS with a certificate of the simulator's CA (`<simDir>/ca`). The same origin is the software's
 * redirect URI, which Chromium may preconnect to: a certificate is asked for, not demanded, and
 * a POST without a valid one is answered 401.
 */
export async function startWebhookReceiver(
  simDir: string,
  uri: string,
): Promise<{ hooks: Hook[]; close(): Promise<void> }> {
  const ca = await loadOrCreateCertificateAuthority({ dir: path.join(simDir, 'ca'), clock: systemClock });
  const tls = await ca.issueServerCertificate({
    commonName: 'localhost',
    organizationName: 'Fintech Alfa',
    ipAddresses: ['127.0.0.1'],
  });
  const hooks: Hook[] = [];
  const server = createServer(
    { key: tls.privateKeyPem, cert: tls.chainPem, ca: ca.trustBundlePem, requestCert: true, rejectUnauthorized: false }, // prettier-ignore
    (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.method === 'GET')
          return void res.writeHead(200, { 'content-type': 'text/html' }).end('<title>receptor</title>');
        const socket = req.socket as TLSSocket;
        const subject = socket.authorized ? socket.getPeerX509Certificate()?.subject : undefined;
        hooks.push({ path: req.url ?? '', headers: req.headers, body, subject });
        res.writeHead(socket.authorized ? 202 : 401).end();
      });
    },
  );
  const { port, hostname } = new URL(uri);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), hostname, resolve);
  });
  return {
    hooks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
