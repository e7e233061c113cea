import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { CoreBankConnector, CustomerRef } from '../../connectors/index.ts';
import { ACR_LOA2 } from '../provider/acr.ts';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

/**
 * How the customer proves who they are on the brand's login page. An institution plugs its own
 * (its internet-banking credentials, MFA → loa3); Ponte ships the demo one below.
 */
export interface CustomerAuthenticator {
  /** The authentication context class the method achieves (FAPI-BR §5.2.2.4). */
  readonly acr: string;
  /** Authentication method references for the id_token `amr` claim (RFC 8176). */
  readonly amr: readonly string[];
  /**
   * The customer if the credentials are right; undefined otherwise, with the same answer (and
   * the same work) for an unknown CPF and a wrong password.
   */
  authenticate(brandId: string, cpf: string, password: string): Promise<CustomerRef | undefined>;
}

/** scrypt parameters (Node defaults: N=16384, r=8, p=1) and output length. */
const KEY_LENGTH = 32;

/**
 * The demo authenticator for the synthetic customers of the sample bank: a customer is any CPF
 * the connector knows (`findCustomer`), and the password is the brand's demo password. The
 * password is kept only as a salted scrypt hash; each attempt costs one scrypt, found or not.
 * Single factor: `urn:brasil:openbanking:loa2`, the suggested minimum for data sharing.
 */
export function createDemoAuthenticator(deps: {
  connector: CoreBankConnector;
  demoPassword: string;
}): CustomerAuthenticator {
  if (deps.demoPassword.length < 8) throw new Error('demoPassword must have at least 8 characters');
  const salt = randomBytes(16);
  const stored = scrypt(deps.demoPassword, salt, KEY_LENGTH);
  // The hash is computed once; a failure here must not become an unhandled rejection.
  stored.catch(() => {});
  return {
    acr: ACR_LOA2,
    amr: ['pwd'],
    async authenticate(brandId, cpf, password) {
      const [expected, presented, customer] = await Promise.all([
        stored,
        scrypt(password, salt, KEY_LENGTH),
        deps.connector.customers.findCustomer(brandId, { type: 'CPF', number: cpf }),
      ]);
      const passwordMatches = timingSafeEqual(expected, presented);
      return passwordMatches && customer !== null && customer.personType === 'PESSOA_NATURAL'
        ? customer
        : undefined;
    },
  };
}
