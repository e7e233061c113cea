import type { FastifyRequest } from 'fastify';
import { defineRoutes } from '../../platform/http/index.ts';
import { transactionLinks, pageLinks } from '../paging/links.ts';
import type { EndpointId } from '../policy/endpoints.ts';
import { HOLDER_APIS } from '../policy/apis.ts';
import { protectedRoute } from '../shared/route.ts';
import { settled, then } from '../guard/ttl-cache.ts';
import { transactionWindow, type WindowKind } from '../shared/date-window.ts';
import {
  allPages,
  availableIds,
  linkTarget,
  pageMeta,
  pagingOf,
  meta,
  singleMeta,
  slicePage,
  todayIn,
  listBody,
  sameSecond,
  wire,
  type FamilyDeps,
} from '../shared/respond.ts';
import {
  GetAccount,
  GetAccounts,
  GetBalances,
  GetOverdraftLimits,
  GetTransactions,
  TransactionList,
} from './schemas.ts';

const BASE = HOLDER_APIS.accounts.basePath;

function accountIdOf(request: FastifyRequest): string {
  return (request.params as { accountId: string }).accountId;
}

/**
 * Accounts 2.4.2 (DIGEST §1): deposit, savings and prepaid payment accounts the consent links.
 * The list shows only linked accounts that are AVAILABLE (Confluence "[DC] Contas": "200 Não
 * retorna conta"); the others answer the guard's 403 on their own endpoints.
 */
export const accountsRoutes = defineRoutes<FamilyDeps>((app, { brand, connector, clock }) => {
  const accounts = connector.accounts;

  app.get(`${BASE}/accounts`, protectedRoute(GetAccounts, 'accounts.list', 'pages'), async (request) => {
    const { customer } = request.holder;
    const paging = pagingOf(request);
    const wanted = await availableIds(request, 'ACCOUNT');
    const { accountType } = request.query;
    const all = await allPages((page) =>
      accounts.listAccounts(brand.id, customer, { page, ...(accountType ? { accountType } : {}) }),
    );
    const page = slicePage(
      all.filter((a) => wanted.has(a.accountId)),
      paging,
    );
    return {
      data: wire(page.items),
      links: pageLinks(linkTarget(request, brand, [['accountType', accountType]]), paging, page.totalPages),
      meta: pageMeta(clock, page.totalRecords, page.totalPages),
    };
  });

  app.get(`${BASE}/accounts/:accountId`, protectedRoute(GetAccount, 'accounts.account'), async (request) => ({
    data: await accounts.getAccount(brand.id, request.holder.customer, accountIdOf(request)),
    links: { self: linkTarget(request, brand).url },
    meta: singleMeta(clock),
  }));

  app.get(
    `${BASE}/accounts/:accountId/balances`,
    protectedRoute(GetBalances, 'accounts.balances'),
    async (request) => ({
      data: await accounts.getBalances(brand.id, request.holder.customer, accountIdOf(request)),
      links: { self: linkTarget(request, brand).url },
      meta: singleMeta(clock),
    }),
  );

  app.get(
    `${BASE}/accounts/:accountId/overdraft-limits`,
    protectedRoute(GetOverdraftLimits, 'accounts.overdraft-limits'),
    async (request) => ({
      data: await accounts.getOverdraftLimits(brand.id, request.holder.customer, accountIdOf(request)),
      links: { self: linkTarget(request, brand).url },
      meta: singleMeta(clock),
    }),
  );

  const transactions = (kind: WindowKind, id: EndpointId) =>
    app.get(
      `${BASE}/accounts/:accountId/${kind === 'current' ? 'transactions-current' : 'transactions'}`,
      protectedRoute(GetTransactions, id, 'transactions'),
      // Not async: answered in the same tick when the read cache holds the page (settled).
      (request, reply) =>
        sameSecond(request, reply, () => {
          const paging = pagingOf(request);
          const { fromBookingDate, toBookingDate, creditDebitIndicator } = request.query;
          const window = transactionWindow(
            { from: fromBookingDate, to: toBookingDate },
            todayIn(clock),
            kind,
            {
              from: 'fromBookingDate',
              to: 'toBookingDate',
            },
          );
          const page = accounts.listTransactions(brand.id, request.holder.customer, accountIdOf(request), {
            fromBookingDate: window.from,
            toBookingDate: window.to,
            ...(creditDebitIndicator ? { creditDebitIndicator } : {}),
            paging:
              paging.cursor === undefined
                ? { page: paging.page, pageSize: paging.pageSize }
                : { cursor: paging.cursor, pageSize: paging.pageSize },
          });
          // Links repeat the filters as sent: the pagination-key is bound to them.
          const target = linkTarget(request, brand, [
            ['fromBookingDate', fromBookingDate],
            ['toBookingDate', toBookingDate],
            ['creditDebitIndicator', creditDebitIndicator],
          ]);
          const body = then(settled(page), (result) =>
            listBody(reply, TransactionList, result.items, {
              links: transactionLinks(target, paging, result.nextCursor),
              meta: meta(clock, request.holder.at),
            }),
          );
          return body;
        }) as never, // a pre-serialized body (see listBody); the response schema still documents it
    );
  transactions('history', 'accounts.transactions');
  transactions('current', 'accounts.transactions-current');
});
