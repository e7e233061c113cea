import { AppError } from '../../platform/errors/index.ts';
import { ReceiverErrors } from '../errors.ts';
import { accessTokenFor } from '../consents/tokens.ts';
import type { ConsentDeps } from '../consents/deps.ts';
import { callHolder } from '../holders/holder-call.ts';
import { apiBase, findHolder, holderServers } from '../holders/holders.ts';
import { holderPath, type DataEndpoint } from './endpoints.ts';

/** Headers the institution's app passes through for the customer (accounts.yaml parameters). */
export interface CustomerContext {
  ipAddress?: string;
  userAgent?: string;
}

export interface DataRequest {
  id: string;
  endpoint: DataEndpoint;
  params: Readonly<Record<string, string>>;
  /** Query parameters passed to the holder as given (page, page-size, dates, pagination-key ...). */
  query: Readonly<Record<string, string>>;
  /** Follow `links.next` and return every page's `data` in one array. */
  all: boolean;
  customer: CustomerContext;
}

export interface DataAnswer {
  body: Record<string, unknown>;
  /** The x-fapi-interaction-id of each call made to the holder, in order. */
  fapiInteractionIds: string[];
}

/** A runaway `links.next` chain stops here (1000 × page-size 1000 is far above any real list). */
export const MAX_PAGES = 1000;

/**
 * Reads one Open Finance data endpoint at the holder with the consent's token over mTLS and
 * every FAPI header: a fresh x-fapi-interaction-id per call, x-fapi-auth-date (the customer's
 * authentication, RFC 7231 date), the customer's IP and user agent when the app gave them.
 * With `all`, follows `links.next` on the same origin only (the token never leaves the holder).
 */
export async function fetchData(deps: ConsentDeps, request: DataRequest): Promise<DataAnswer> {
  const { ctx } = deps;
  const { row } = await accessTokenFor(deps, request.id);
  if (!request.endpoint.requires.some((p) => row.permissions.includes(p))) {
    throw new AppError(ReceiverErrors.RECEIVER_DATA_NOT_CONSENTED, 'O consentimento não cobre estes dados.', {
      detail: { id: row.id, requires: request.endpoint.requires },
    });
  }
  const server = findHolder(holderServers(await ctx.directory.participants()), row.authorisationServerId);
  const url = new URL(
    `${apiBase(server, request.endpoint.family, request.endpoint.major)}${holderPath(request.endpoint, request.params)}`,
  );
  for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
  const headers = {
    'x-fapi-auth-date': (row.authTime ?? row.updatedAt).toUTCString(),
    'x-fapi-customer-ip-address': request.customer.ipAddress,
    'x-customer-user-agent': request.customer.userAgent,
  };
  const ids: string[] = [];
  const page = async (pageUrl: string) => {
    // Each page takes the token afresh: a long walk may outlive one access token.
    const { token } = await accessTokenFor(deps, request.id);
    const answer = await callHolder(ctx.transport.fetch, pageUrl, { token, headers });
    ids.push(answer.fapiInteractionId);
    ctx.logger.info(
      {
        fapiInteractionId: answer.fapiInteractionId,
        id: row.id,
        orgId: row.orgId,
        path: new URL(pageUrl).pathname,
        status: answer.status,
      },
      'holder data call',
    );
    return answer.body ?? {};
  };

  const first = await page(url.href);
  if (!request.all) return { body: first, fapiInteractionIds: ids };
  const data = Array.isArray(first.data) ? [...(first.data as unknown[])] : [];
  let next = nextLink(first, url.origin);
  for (let pages = 1; next && pages < MAX_PAGES; pages++) {
    const body = await page(next);
    if (Array.isArray(body.data)) data.push(...(body.data as unknown[]));
    next = nextLink(body, url.origin);
  }
  const meta = (first.meta ?? {}) as Record<string, unknown>;
  return {
    body: {
      data,
      links: { self: url.href },
      meta: { ...meta, totalRecords: data.length, totalPages: 1 },
    },
    fapiInteractionIds: ids,
  };
}

function nextLink(body: Record<string, unknown>, origin: string): string | undefined {
  const next = (body.links as { next?: unknown } | undefined)?.next;
  if (typeof next !== 'string' || next === '') return undefined;
  try {
    const url = new URL(next);
    return url.origin === origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}
