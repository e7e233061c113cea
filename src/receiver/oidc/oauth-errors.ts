import * as client from 'openid-client';
import { AppError, isAppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { HolderResponseError } from '../holders/holder-call.ts';

/**
 * Runs one openid-client call against a holder and turns its failures into receiver errors:
 * an OAuth error answer (RFC 6749 §5.2) keeps the holder's `error` as its code; anything else
 * is the holder being unreachable or answering nonsense.
 */
export async function oauthCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error)) throw error;
    if (error instanceof client.ResponseBodyError) {
      throw new HolderResponseError(
        ReceiverErrors.RECEIVER_HOLDER_REJECTED,
        `O servidor de autorização recusou: ${error.error}.`,
        {
          status: error.status,
          errors: [
            { code: error.error, ...(error.error_description && { detail: error.error_description }) },
          ],
          fapiInteractionId: '',
          url: '',
        },
      );
    }
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_UNAVAILABLE,
      'O servidor de autorização não respondeu como esperado.',
      {
        detail: { reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
        cause: error,
      },
    );
  }
}

/** The OAuth `error` of a failed openid-client call, if the server answered one. */
export function oauthErrorOf(error: unknown): string | undefined {
  if (error instanceof client.ResponseBodyError) return error.error;
  if (error instanceof HolderResponseError) return error.holderErrors[0]?.code;
  return undefined;
}
