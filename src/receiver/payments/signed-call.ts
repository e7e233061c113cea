import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { HolderResponseError, receiverCodeFor, type HolderErrorEntry } from '../holders/holder-call.ts';
import type { ReceiverContext } from '../types.ts';
import { signRequest, verifyAnswer, type OrgJwksUri } from './signatures.ts';

export interface SignedRequest {
  method: 'GET' | 'POST';
  token: string;
  /** The holder's organisationId: `aud` of our request, `iss` of its answer. */
  holderOrgId: string;
  /** The `data` claim; signed and sent as `application/jwt`. */
  data?: unknown;
  idempotencyKey?: string;
}

export interface SignedAnswer {
  status: number;
  data: unknown;
  fapiInteractionId: string;
}

function errorsOf(body: unknown): HolderErrorEntry[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return (errors as Array<Record<string, unknown>>)
    .filter((e) => typeof e?.code === 'string')
    .slice(0, 20)
    .map((e) => ({
      code: String(e.code).slice(0, 255),
      ...(typeof e.title === 'string' && { title: e.title.slice(0, 255) }),
      ...(typeof e.detail === 'string' && { detail: e.detail.slice(0, 2048) }),
    }));
}

/**
 * One call to the holder's payments API (DIGEST §4.2): the body a signed JWT, the answer a signed
 * JWT for 2xx and 422 (verified before anything is believed), plain JSON for other refusals.
 * Refusals become HolderResponseError (the holder's `errors[]` kept); a 2xx whose signature does
 * not verify is RECEIVER_HOLDER_BAD_SIGNATURE.
 */
export async function callSigned(
  ctx: ReceiverContext,
  orgJwksUri: OrgJwksUri,
  url: string,
  request: SignedRequest,
): Promise<SignedAnswer> {
  const fapiInteractionId = randomUUID();
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token}`,
    accept: 'application/jwt, application/json',
    'x-fapi-interaction-id': fapiInteractionId,
  };
  let body: string | undefined;
  if (request.data !== undefined) {
    headers['content-type'] = 'application/jwt';
    body = await signRequest(ctx, request.holderOrgId, request.data);
  }
  if (request.idempotencyKey) headers['x-idempotency-key'] = request.idempotencyKey;
  let response: Response;
  try {
    response = await ctx.transport.fetch(url, {
      method: request.method,
      headers,
      ...(body !== undefined && { body }),
      redirect: 'manual',
    });
  } catch (error) {
    throw new AppError(ReceiverErrors.RECEIVER_HOLDER_UNAVAILABLE, 'A detentora não respondeu.', {
      detail: { url, fapiInteractionId, reason: error instanceof Error ? error.message : String(error) },
      cause: error,
    });
  }
  const text = await response.text();
  const signed = /^application\/jwt/i.test(response.headers.get('content-type') ?? '');
  const ok = response.status >= 200 && response.status < 300;
  let payload: Record<string, unknown> | undefined;
  if (signed) {
    payload = await verifyAnswer(ctx, orgJwksUri, request.holderOrgId, text);
  } else if (ok) {
    throw new AppError(
      ReceiverErrors.RECEIVER_HOLDER_BAD_SIGNATURE,
      'A detentora respondeu sem assinatura.',
      {
        detail: { url, fapiInteractionId, status: response.status },
      },
    );
  } else {
    try {
      payload = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      payload = undefined;
    }
  }
  if (!ok) {
    const errors = errorsOf(payload);
    const codes = errors.map((e) => e.code).join(', ');
    throw new HolderResponseError(
      receiverCodeFor(response.status),
      `A detentora respondeu HTTP ${response.status}${codes ? ` (${codes})` : ''}.`,
      { status: response.status, errors, fapiInteractionId, url },
    );
  }
  return { status: response.status, data: payload?.data, fapiInteractionId };
}
