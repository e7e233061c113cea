import { Agent, request } from 'undici';

export interface DirectoryHttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Client certificate (PEM chain) and key for mTLS. */
  clientCertificate?: { cert: string; key: string };
}

export interface DirectoryHttpResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** Outbound HTTP of the directory client (DESIGN: side effects behind a small interface). */
export interface DirectoryHttp {
  request(url: string, init?: DirectoryHttpRequest): Promise<DirectoryHttpResponse>;
  close(): Promise<void>;
}

export interface UndiciHttpOptions {
  /** Extra trust anchors (PEM), e.g. the simulator's CA bundle; the system's CAs otherwise. */
  ca?: string;
  /** Per request; 10 s by default. */
  timeoutMs?: number;
  /** Largest accepted response body; 5 MiB by default (the real participants list is ~2 MiB). */
  maxBodyBytes?: number;
}

/**
 * undici with one connection pool per client certificate: the server's certificate is checked
 * against `ca`, and the transport certificate (BRCAC) is presented when a request carries one.
 */
export function createUndiciHttp(options: UndiciHttpOptions = {}): DirectoryHttp {
  const timeout = options.timeoutMs ?? 10_000;
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const agents = new Map<string, Agent>();
  const agentFor = (identity: DirectoryHttpRequest['clientCertificate']): Agent => {
    const key = identity ? `${identity.cert}\u0000${identity.key}` : '';
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({
        connect: { ...(options.ca && { ca: options.ca }), ...identity },
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
      agents.set(key, agent);
    }
    return agent;
  };

  return {
    async request(url, init = {}) {
      const response = await request(url, {
        method: init.method ?? 'GET',
        headers: init.headers,
        body: init.body,
        dispatcher: agentFor(init.clientCertificate),
        signal: AbortSignal.timeout(timeout),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBody) {
          response.body.destroy();
          throw new Error(`response from ${url} larger than ${maxBody} bytes`);
        }
        chunks.push(chunk);
      }
      const contentType = response.headers['content-type'];
      return {
        status: response.statusCode,
        contentType: Array.isArray(contentType) ? contentType[0] : contentType,
        body: Buffer.concat(chunks).toString('utf8'),
      };
    },
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      agents.clear();
    },
  };
}
