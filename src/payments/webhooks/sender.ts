import { request, type Dispatcher } from 'undici';

/** Outbound HTTP for webhooks: a POST over mTLS (the brand's transport certificate, BRCAC). */
export interface WebhookSender {
  post(input: {
    brandId: string;
    url: string;
    headers: Record<string, string>;
    body: string;
    signal: AbortSignal;
  }): Promise<{ status: number }>;
}

/**
 * The default sender over undici; `dispatcherFor` gives each brand the agent that presents its
 * client certificate (Convenção de Webhook: "Toda a segurança é feita via certificado (mTLS –
 * BRCAC)") and trusts the ecosystem's CAs.
 */
export function undiciWebhookSender(
  dispatcherFor: (brandId: string) => Dispatcher | undefined,
): WebhookSender {
  return {
    async post({ brandId, url, headers, body, signal }) {
      const dispatcher = dispatcherFor(brandId);
      const response = await request(url, {
        method: 'POST',
        headers,
        body,
        signal,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
        ...(dispatcher === undefined ? {} : { dispatcher }),
      });
      await response.body.dump();
      return { status: response.statusCode };
    },
  };
}
