import { constants, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { AuthzDirectory, SoftwareStatementClaims } from '../types.ts';
import type { TestPki } from './certificates.ts';

/**
 * Test helper: the directory of participants as authz sees it. It signs software statements
 * (PS256), verifies them synchronously with node:crypto against its keystore (what the real
 * directory client does after warm-up) and serves the softwares' JWKS over HTTPS on loopback,
 * behind the test CA (the simulated ecosystem's shape: DESIGN §6).
 */
export interface TestDirectory extends AuthzDirectory {
  readonly keystoreOrigin: string;
  /** A signed SSA for the software, `iat` now unless given; `key` signs it instead of the directory's. */
  issueSsa(
    claims: Partial<SoftwareStatementClaims> & { software_id: string; org_id: string },
    options?: {
      iatSeconds?: number;
      key?: KeyObject;
    },
  ): Promise<string>;
  /** Publishes a JWKS at `<origin>/<org>/<software>/application.jwks`; returns its URL. */
  publishJwks(orgId: string, softwareId: string, jwks: { keys: JWK[] }): string;
  close(): Promise<void>;
}

const KID = 'directory-ssa-key';

function verifyPs256(jwt: string, keys: ReadonlyMap<string, KeyObject>): SoftwareStatementClaims {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) throw new Error('malformed JWT');
  const parsed = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string; kid?: string };
  const key = parsed.kid === undefined ? undefined : keys.get(parsed.kid);
  if (parsed.alg !== 'PS256' || key === undefined) throw new Error('unknown key or algorithm');
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('bad signature');
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as SoftwareStatementClaims;
}

export async function createTestDirectory(pki: TestPki): Promise<TestDirectory> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keystore = new Map([[KID, publicKey]]);
  const published = new Map<string, string>();
  const server: Server = createServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
    const body = published.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    keystoreOrigin: origin,
    verifySoftwareStatementSync: (jwt) => verifyPs256(jwt, keystore),
    async issueSsa(claims, options = {}) {
      const iat = options.iatSeconds ?? Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: 'Ponte test directory SSA issuer',
        org_status: 'Active',
        software_statement_roles: [{ role: 'DADOS', authorisation_domain: 'Open Banking', status: 'Active' }],
        software_roles: ['DADOS'],
        software_redirect_uris: [],
        ...claims,
        iat,
      })
        .setProtectedHeader({ alg: 'PS256', kid: KID, typ: 'JWT' })
        .sign(options.key ?? privateKey);
    },
    publishJwks(orgId, softwareId, jwks) {
      const pathname = `/${orgId}/${softwareId}/application.jwks`;
      published.set(pathname, JSON.stringify(jwks));
      return `${origin}${pathname}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A software's RSA key (WebCrypto, as openid-client takes it) with its public JWK. */
export async function rsaKey(kid: string, use: 'sig' | 'enc'): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const alg = use === 'sig' ? 'PS256' : 'RSA-OAEP';
  const { privateKey, publicKey } = await generateKeyPair(alg, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk: { ...jwk, kid, use, alg } };
}
