import { randomUUID } from 'node:crypto';
import type { CoreBankConnector } from '../../connectors/index.ts';
import type { Product } from './permissions.ts';

/** consents.yaml consentId: `urn:<namespace>:<specific string>`, at most 256 characters. */
export const CONSENT_ID_PATTERN = "^urn:[a-zA-Z0-9][a-zA-Z0-9-]{0,31}:[a-zA-Z0-9()+,\\-.:=@;$_!*'%\\/?#]+$";
const URN_NAMESPACE = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,31}$/;

/**
 * What the consents module needs to know about a brand (the trust-core Brand seam, narrowed):
 * its id, the URN namespace of its consent ids, the base URL its links start with, and the
 * products it shares. Build it with `consentBrand`.
 */
export interface ConsentBrand {
  readonly id: string;
  /** `bancoex` in `urn:bancoex:C1DD33123` (consents.yaml consentId description). */
  readonly urnNamespace: string;
  /** `https://api.banco.com.br`, no trailing slash; `links.self` starts with it. */
  readonly apiBaseUrl: string;
  /** Products whose permissions this brand grants; others are dropped at creation. */
  readonly supportedProducts: ReadonlySet<Product>;
}

/**
 * The products a connector can serve: customers and accounts always, credit cards and the four
 * credit operations when it implements those families (CoreBankConnector: optional families).
 */
export function productsOfferedBy(connector: CoreBankConnector): Set<Product> {
  const products = new Set<Product>(['customers', 'accounts']);
  if (connector.creditCards) products.add('credit-cards-accounts');
  if (connector.creditOperations) {
    for (const p of ['loans', 'financings', 'unarranged-accounts-overdraft', 'invoice-financings'] as const) {
      products.add(p);
    }
  }
  return products;
}

/**
 * @example
 *   const brand = consentBrand({ id: 'banco-a', urnNamespace: 'bancoa', apiBaseUrl: 'https://a.example', connector });
 */
export function consentBrand(input: {
  id: string;
  urnNamespace: string;
  apiBaseUrl: string;
  /** The brand's own declaration; by default what the connector offers. */
  supportedProducts?: Iterable<Product>;
  connector?: CoreBankConnector;
}): ConsentBrand {
  if (!URN_NAMESPACE.test(input.urnNamespace)) {
    throw new Error(`brand ${input.id}: URN namespace must match ${URN_NAMESPACE.source}`);
  }
  const supported = input.supportedProducts ?? (input.connector && productsOfferedBy(input.connector));
  if (supported === undefined) {
    throw new Error(`brand ${input.id}: give supportedProducts or the connector that serves the brand`);
  }
  return {
    id: input.id,
    urnNamespace: input.urnNamespace,
    apiBaseUrl: input.apiBaseUrl.replace(/\/+$/, ''),
    supportedProducts: new Set(supported),
  };
}

/** A new consent id under the brand's namespace; the specific part is a random UUID. */
export function newConsentId(brand: ConsentBrand, random: () => string = randomUUID): string {
  return `urn:${brand.urnNamespace}:${random()}`;
}
