import type { ConsentDeps } from '../consents/deps.ts';
import type { OrgJwksUri } from './signatures.ts';
import type { PaymentSecrets } from './store.ts';

/** What the payment use cases share (built once by createReceiver). */
export interface PaymentDeps {
  consents: ConsentDeps;
  paymentSecrets: PaymentSecrets;
  /** The directory JWKS of a holder organisation (its BRSEAL keys). */
  orgJwksUri: OrgJwksUri;
  /** `GET /receiver/v1/payments/:id` asks the holder again when the status is older than this. */
  staleAfterMs: number;
}
