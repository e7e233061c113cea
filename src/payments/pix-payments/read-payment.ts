import { AppError } from '../../platform/errors/index.ts';
import { PlatformErrors } from '../../platform/http/index.ts';
import type { PaymentsContext } from '../context.ts';
import type { PixPayment } from './model.ts';

/**
 * A payment of this brand as its initiator may see it: unknown is a 404; another client's is a
 * 403 ("Apenas pagamentos ... iniciados pela mesma iniciadora podem ser consultados ou
 * cancelados", payments.yaml OAuth2ClientCredentials).
 */
export async function ownPayment(
  ctx: PaymentsContext,
  brandId: string,
  paymentId: string,
  clientId: string,
): Promise<PixPayment> {
  const payment = await ctx.payments.find(ctx.db, brandId, paymentId);
  if (payment === undefined) throw new AppError(PlatformErrors.NOT_FOUND, 'Pagamento não encontrado.');
  if (payment.clientId !== clientId) {
    throw new AppError(PlatformErrors.FORBIDDEN, 'O pagamento pertence a outro iniciador.', {
      detail: { paymentId },
    });
  }
  return payment;
}
