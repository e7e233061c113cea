import type { RelyingParties } from '../oidc/relying-party.ts';
import type { RegistrationStore } from '../registration/store.ts';
import type { ReceiverContext } from '../types.ts';
import type { ConsentSecrets } from './store.ts';

/** What the consent use cases share (built once by createReceiver). */
export interface ConsentDeps {
  ctx: ReceiverContext;
  registrations: RegistrationStore;
  parties: RelyingParties;
  secrets: ConsentSecrets;
  /** Wraps openid-client calls (oidc/oauth-errors.ts `oauthCall`). */
  oauth: <T>(call: () => Promise<T>) => Promise<T>;
}
