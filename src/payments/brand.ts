import type { JWK } from 'jose';
import { signerFromJwk, type JwsSigner } from './jws/crypto.ts';

/**
 * What the payments module needs of a brand (the trust-core Brand seam, narrowed): its
 * organisationId (`iss` of every signed answer, `aud` of requests), the URN namespace of its
 * consent ids, the origin its links start with, its BRSEAL signing key, and the page's looks.
 */
export interface PaymentsBrand {
  id: string;
  name: string;
  orgId: string;
  /** `bancoex` in `urn:bancoex:...`. */
  urnNamespace: string;
  /** `https://api.banco.com.br`: links are `<apiBaseUrl>/open-banking/payments/v4/...`. */
  apiBaseUrl: string;
  /** Private RSA JWK with `kid`, published in the brand's directory JWKS (PS256). */
  signingKey: JWK;
  theme: { primaryColor: string; logoSvg?: string };
}

export interface BrandRuntime extends PaymentsBrand {
  signer: JwsSigner;
}

export function brandRuntime(brand: PaymentsBrand): BrandRuntime {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{0,31}$/.test(brand.urnNamespace)) {
    throw new Error(`brand ${brand.id}: URN namespace must match ^[a-zA-Z0-9][a-zA-Z0-9-]{0,31}$`);
  }
  return {
    ...brand,
    apiBaseUrl: brand.apiBaseUrl.replace(/\/+$/, ''),
    signer: signerFromJwk(brand.signingKey),
  };
}

export const PAYMENTS_PATH = '/open-banking/payments/v4';
/** payments.yaml `info.version`, sent as `x-v`. */
export const PAYMENTS_API_VERSION = '4.0.0';
