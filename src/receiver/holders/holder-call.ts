import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors, type ReceiverErrorCode } from '../errors.ts';
import type { ReceiverFetch } from '../transport.ts';

/** One entry of the holder's `errors[]` (ResponseError of every Open Finance API). */
export interface HolderErrorEntry {
  code: string;
  title?: string;
  detail?: string;
}

/**
 * The holder answered an error. Keeps the holder's status and `errors[]` so the receiver's
 * answer can carry the holder's codes (see routes/holder-error-body.ts).
 */
export class HolderResponseError extends AppError {
  readonly holderStatus: number;
  readonly holderErrors: HolderErrorEntry[];
  readonly fapiInteractionId: string;
  constructor(
    code: ReceiverErrorCode,
    message: string,
    input: { status: number; errors: HolderErrorEntry[]; fapiInteractionId: string; url: string },
  ) {
    super(code, message, {
      detail: {
        holderStatus: input.status,
        holderErrors: input.errors,
        url: input.url,
        fapiInteractionId: input.fapiInteractionId,
      },
    });
    this.name = 'HolderResponseError';
    this.holderStatus = input.status;
    this.holderErrors = input.errors;
    this.fapiInteractionId = input.fapiInteractionId;
  }
}

/** Holder status → receiver code (accounts.yaml responses; DIGEST §3.4, §8.4–8.5). */
export function receiverCodeFor(status: number): ReceiverErrorCode {
  if (status === 401) return ReceiverErrors.RECEIVER_HOLDER_UNAUTHORISED;
  if (status === 403) return ReceiverErrors.RECEIVER_HOLDER_FORBIDDEN;
  if (status === 404) return ReceiverErrors.RECEIVER_HOLDER_NOT_FOUND;
  if (status === 422) return ReceiverErrors.RECEIVER_HOLDER_UNPROCESSABLE;
  if (status === 423 || status === 429 || status === 529) return ReceiverErrors.RECEIVER_HOLDER_LIMITED;
  if (status >= 500) return ReceiverErrors.RECEIVER_HOLDER_UNAVAILABLE;
  return ReceiverErrors.RECEIVER_HOLDER_REJECTED;
}

function holderErrors(body: unknown): HolderErrorEntry[] {
  const errors: unknown = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return (errors as unknown[])
    .filter(
      (e): e is Record<string, unknown> =>
        typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string',
    )
    .slice(0, 20)
    .map((e) => ({
      code: String(e.code).slice(0, 255),
      ...(typeof e.title === 'string' && { title: e.title.slice(0, 255) }),
      ...(typeof e.detail === 'string' && { detail: e.detail.slice(0, 2048) }),
    }));
}

export interface HolderRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  token: string;
  body?: unknown;
  /** x-fapi-auth-date, x-fapi-customer-ip-address, x-customer-user-agent (accounts.yaml parameters). */
  headers?: Record<string, string | undefined>;
}

export interface HolderAnswer {
  status: number;
  body: Record<string, unknown> | undefined;
  fapiInteractionId: string;
}

/**
 * One call to an Open Finance API of a holder: Bearer token over mTLS, a fresh
 * x-fapi-interaction-id (mandatory from the client, DIGEST §0 item 9), JSON in and out.
 * Non-2xx answers become HolderResponseError; transport failures RECEIVER_HOLDER_UNAVAILABLE.
 */
export async function callHolder(
  fetch: ReceiverFetch,
  url: string,
  request: HolderRequest,
): Promise<HolderAnswer> {
  const fapiInteractionId = randomUUID();
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token}`,
    accept: 'application/json',
    'x-fapi-interaction-id': fapiInteractionId,
  };
  for (const [name, value] of Object.entries(request.headers ?? {})) if (value) headers[name] = value;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      redirect: 'manual',
    });
  } catch (error) {
    throw new AppError(ReceiverErrors.RECEIVER_HOLDER_UNAVAILABLE, 'A transmissora não respondeu.', {
      detail: { url, fapiInteractionId, reason: error instanceof Error ? error.message : String(error) },
      cause: error,
    });
  }
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    body = undefined;
  }
  if (response.status < 200 || response.status >= 300) {
    const errors = holderErrors(body);
    const codes = errors.map((e) => e.code).join(', ');
    throw new HolderResponseError(
      receiverCodeFor(response.status),
      `A transmissora respondeu HTTP ${response.status}${codes ? ` (${codes})` : ''}.`,
      { status: response.status, errors, fapiInteractionId, url },
    );
  }
  return { status: response.status, body, fapiInteractionId };
}
