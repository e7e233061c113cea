import type { FastifyReply } from 'fastify';
import type { Clock } from '../../platform/clock/index.ts';
import { requestDateTime } from '../../platform/http/index.ts';
import { RECEIVER_ERROR_DEFINITIONS, type ReceiverErrorCode } from '../errors.ts';
import { HolderResponseError } from '../holders/holder-call.ts';

/**
 * The answer when the holder refused: our code first (what the app acts on), and the holder's
 * own status, `errors[]` and x-fapi-interaction-id under `holder`, so nothing it said is lost.
 * Any other error goes to the platform's error mapper unchanged.
 */
export async function withHolderErrors<T>(
  reply: FastifyReply,
  clock: Clock,
  call: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof HolderResponseError)) throw error;
    const definition = RECEIVER_ERROR_DEFINITIONS[error.code as ReceiverErrorCode];
    reply.log.info({ code: error.code, detail: error.detail }, 'holder refused');
    return reply
      .code(definition.status)
      .header('cache-control', 'no-store')
      .send({
        errors: [{ code: error.code, title: definition.title, detail: error.message }],
        holder: {
          status: error.holderStatus,
          errors: error.holderErrors,
          ...(error.fapiInteractionId && { fapiInteractionId: error.fapiInteractionId }),
        },
        meta: { requestDateTime: requestDateTime(clock) },
      });
  }
}
