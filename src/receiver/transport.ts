import { Agent, fetch as undiciFetch } from 'undici';

/** A fetch-compatible call (what openid-client's `customFetch` and the data proxy use). */
export type ReceiverFetch = (
  url: string,
  init?: {
    method?: string;
    headers?: Record<string, string> | Headers;
    body?: string | URLSearchParams | null;
    redirect?: 'follow' | 'manual' | 'error';
    signal?: AbortSignal | null;
  },
) => Promise<Response>;

/** Outbound HTTP to holders over mTLS with the receiver's transport certificate. */
export interface ReceiverTransport {
  fetch: ReceiverFetch;
  close(): Promise<void>;
}

/** FAPI-BR: the client waits 15 s (DIGEST §0 item 10). */
const TIMEOUT_MS = 15_000;

export function createMtlsTransport(input: { cert: string; key: string; ca?: string }): ReceiverTransport {
  const agent = new Agent({
    connect: { cert: input.cert, key: input.key, ...(input.ca && { ca: input.ca }) },
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  return {
    fetch: (url, init = {}) =>
      undiciFetch(url, {
        method: init.method,
        headers: init.headers instanceof Headers ? Object.fromEntries(init.headers) : init.headers,
        body: init.body === undefined || init.body === null ? init.body : String(init.body),
        ...(init.redirect && { redirect: init.redirect }),
        dispatcher: agent,
        signal: init.signal ?? AbortSignal.timeout(TIMEOUT_MS),
      }),
    close: () => agent.close(),
  };
}
