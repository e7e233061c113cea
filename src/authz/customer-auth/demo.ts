import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { CoreBankConnector } from '../../connectors/index.ts';
import { ACR_LOA2 } from '../provider/acr.ts';
import type { FormAuthenticator } from './authenticator.ts';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

/** scrypt parameters (Node defaults: N=16384, r=8, p=1) and output length. */
const KEY_LENGTH = 32;

/**
 * The demo authenticator for the synthetic customers of the sample bank: a customer is any CPF
 * the connector knows (`findCustomer`), and the password is the brand's demo password. The
 * password is kept only as a salted scrypt hash; each attempt costs one scrypt, found or not.
 * Single factor: `urn:brasil:openbanking:loa2`, the suggested minimum for data sharing.
 * Only the simulator configures it (`{ kind: 'demo' }`); an institution never should.
 */
export function createDemoAuthenticator(deps: {
  connector: CoreBankConnector;
  demoPassword: string;
}): FormAuthenticator {
  if (deps.demoPassword.length < 8) throw new Error('demoPassword must have at least 8 characters');
  const salt = randomBytes(16);
  const stored = scrypt(deps.demoPassword, salt, KEY_LENGTH);
  // The hash is computed once; a failure here must not become an unhandled rejection.
  stored.catch(() => {});
  return {
    style: 'form',
    async authenticate(brandId, cpf, password) {
      const [expected, presented, customer] = await Promise.all([
        stored,
        scrypt(password, salt, KEY_LENGTH),
        deps.connector.customers.findCustomer(brandId, { type: 'CPF', number: cpf }),
      ]);
      const passwordMatches = timingSafeEqual(expected, presented);
      return passwordMatches && customer !== null && customer.personType === 'PESSOA_NATURAL'
        ? { outcome: 'authenticated', customer: { cpf, acr: ACR_LOA2, amr: ['pwd'] } }
        : { outcome: 'rejected' };
    },
  };
}
