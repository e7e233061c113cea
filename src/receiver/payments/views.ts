import { AppError } from '../../platform/errors/index.ts';
import { consentQueries, consentView, type ConsentView } from '../consents/store.ts';
import { ReceiverErrors } from '../errors.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';
import type { PaymentDeps } from './deps.ts';
import { paymentQueries, paymentView, type PaymentView } from './store.ts';

export interface PaymentConsentView {
  consent: ConsentView;
  holderStatus: string;
  autoInitiate: boolean;
  payment: PaymentView | null;
}

export async function getPaymentConsent(deps: PaymentDeps, id: string): Promise<PaymentConsentView> {
  const { db } = deps.consents.ctx;
  const row = await consentQueries.byId(db, id);
  const details = row?.kind === 'PAYMENT' ? await paymentQueries.paymentConsent(db, id) : undefined;
  if (!row || !details) {
    throw new AppError(
      ReceiverErrors.RECEIVER_CONSENT_NOT_FOUND,
      'Consentimento de pagamento não encontrado.',
    );
  }
  const payment = await paymentQueries.paymentOfConsent(db, id);
  return {
    consent: consentView(row),
    holderStatus: details.holderStatus,
    autoInitiate: details.autoInitiate,
    payment: payment ? paymentView(payment) : null,
  };
}

/**
 * `<keystore>/<orgId>/application.jwks` from our own software JWKS URI as registered
 * (`<keystore>/<ourOrgId>/<softwareStatementId>/application.jwks`): the directory's keystore
 * layout (DIGEST §5), so no extra setting is needed.
 */
export function orgJwksUriFrom(
  registrations: readonly ReceiverRegistrationRow[],
  ownOrgId: string,
  orgId: string,
): string {
  const marker = `/${ownOrgId}/`;
  const softwareJwks = registrations
    .map((r) => (r.metadata as { jwks_uri?: unknown } | null)?.jwks_uri)
    .find((uri): uri is string => typeof uri === 'string' && uri.includes(marker));
  if (!softwareJwks) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_NOT_REGISTERED,
      'Sem registro com jwks_uri: não é possível localizar o keystore do diretório.',
    );
  }
  return `${softwareJwks.slice(0, softwareJwks.indexOf(marker))}/${encodeURIComponent(orgId)}/application.jwks`;
}
