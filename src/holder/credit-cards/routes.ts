import type { FastifyRequest } from 'fastify';
import { defineRoutes } from '../../platform/http/index.ts';
import { pageLinks, transactionLinks } from '../paging/links.ts';
import { HOLDER_APIS } from '../policy/apis.ts';
import type { EndpointId } from '../policy/endpoints.ts';
import { optionalRange, transactionWindow, type WindowKind } from '../shared/date-window.ts';
import {
  allPages,
  availableIds,
  linkTarget,
  meta,
  pageMeta,
  pagingOf,
  singleMeta,
  slicePage,
  todayIn,
  listBody,
  sameSecond,
  wire,
  type FamilyDeps,
} from '../shared/respond.ts';
import { protectedRoute } from '../shared/route.ts';
import { settled, then } from '../guard/ttl-cache.ts';
import {
  CardTransactionList,
  GetBills,
  GetBillTransactions,
  GetCardAccount,
  GetCardAccounts,
  GetCardLimits,
  GetCardTransactions,
} from './schemas.ts';

const BASE = `${HOLDER_APIS['credit-cards-accounts'].basePath}/accounts`;

function cardIdOf(request: FastifyRequest): string {
  return (request.params as { creditCardAccountId: string }).creditCardAccountId;
}

const DATE_NAMES = { from: 'fromTransactionDate', to: 'toTransactionDate' };

/**
 * Credit-cards-accounts 2.3.1: post-paid payment accounts the consent links. As for accounts, the
 * list shows only linked card accounts that are AVAILABLE (Confluence "[DC] Cartão de Crédito").
 * Bills are closed bills, newest due date first; `transactions` and `transactions-current` page
 * like account transactions (TransactionsLinks, keyset cursor in the pagination-key).
 */
export const creditCardsRoutes = defineRoutes<FamilyDeps>((app, { brand, connector, clock }) => {
  const cards = connector.creditCards;
  if (cards === undefined) throw new Error('the connector has no credit cards family');

  app.get(BASE, protectedRoute(GetCardAccounts, 'credit-cards-accounts.list', 'pages'), async (request) => {
    const paging = pagingOf(request);
    const wanted = await availableIds(request, 'CREDIT_CARD_ACCOUNT');
    const all = await allPages((page) => cards.listAccounts(brand.id, request.holder.customer, { page }));
    const page = slicePage(
      all.filter((c) => wanted.has(c.creditCardAccountId)),
      paging,
    );
    return {
      data: wire(page.items),
      links: pageLinks(linkTarget(request, brand), paging, page.totalPages),
      meta: pageMeta(clock, page.totalRecords, page.totalPages),
    };
  });

  app.get(
    `${BASE}/:creditCardAccountId`,
    protectedRoute(GetCardAccount, 'credit-cards-accounts.account'),
    async (request) => ({
      data: wire(await cards.getAccount(brand.id, request.holder.customer, cardIdOf(request))),
      links: { self: linkTarget(request, brand).url },
      meta: singleMeta(clock),
    }),
  );

  app.get(
    `${BASE}/:creditCardAccountId/limits`,
    protectedRoute(GetCardLimits, 'credit-cards-accounts.limits'),
    async (request) => {
      const limits = await cards.getLimits(brand.id, request.holder.customer, cardIdOf(request));
      return {
        data: wire(limits),
        links: { self: linkTarget(request, brand).url },
        meta: pageMeta(clock, limits.length, limits.length === 0 ? 0 : 1),
      };
    },
  );

  app.get(
    `${BASE}/:creditCardAccountId/bills`,
    protectedRoute(GetBills, 'credit-cards-accounts.bills', 'pages'),
    async (request) => {
      const paging = pagingOf(request);
      const { fromDueDate, toDueDate } = request.query;
      optionalRange(fromDueDate, toDueDate, { from: 'fromDueDate', to: 'toDueDate' });
      const result = await cards.listBills(brand.id, request.holder.customer, cardIdOf(request), {
        ...(fromDueDate ? { fromDueDate } : {}),
        ...(toDueDate ? { toDueDate } : {}),
        page: { page: paging.page, pageSize: paging.pageSize },
      });
      const target = linkTarget(request, brand, [
        ['fromDueDate', fromDueDate],
        ['toDueDate', toDueDate],
      ]);
      return {
        data: wire(result.items),
        links: pageLinks(target, paging, result.totalPages),
        meta: pageMeta(clock, result.totalRecords, result.totalPages),
      };
    },
  );

  app.get(
    `${BASE}/:creditCardAccountId/bills/:billId/transactions`,
    protectedRoute(GetBillTransactions, 'credit-cards-accounts.bill-transactions', 'pages'),
    async (request) => {
      const paging = pagingOf(request);
      const { fromTransactionDate: from, toTransactionDate: to, transactionType, payeeMCC } = request.query;
      optionalRange(from, to, DATE_NAMES);
      const result = await cards.listBillTransactions(
        brand.id,
        request.holder.customer,
        cardIdOf(request),
        request.params.billId,
        {
          ...(from ? { fromTransactionDate: from } : {}),
          ...(to ? { toTransactionDate: to } : {}),
          ...(transactionType ? { transactionType } : {}),
          ...(payeeMCC === undefined ? {} : { payeeMCC }),
          page: { page: paging.page, pageSize: paging.pageSize },
        },
      );
      const target = linkTarget(request, brand, [
        ['fromTransactionDate', from],
        ['toTransactionDate', to],
        ['transactionType', transactionType],
        ['payeeMCC', payeeMCC],
      ]);
      return {
        data: wire(result.items),
        links: pageLinks(target, paging, result.totalPages),
        meta: pageMeta(clock, result.totalRecords, result.totalPages),
      };
    },
  );

  const transactions = (kind: WindowKind, id: EndpointId) =>
    app.get(
      `${BASE}/:creditCardAccountId/${kind === 'current' ? 'transactions-current' : 'transactions'}`,
      protectedRoute(GetCardTransactions, id, 'transactions'),
      // Not async: answered in the same tick when the read cache holds the page (settled).
      (request, reply) =>
        sameSecond(request, reply, () => {
          const paging = pagingOf(request);
          const {
            fromTransactionDate: from,
            toTransactionDate: to,
            transactionType,
            payeeMCC,
          } = request.query;
          const window = transactionWindow({ from, to }, todayIn(clock), kind, DATE_NAMES);
          const page = cards.listTransactions(brand.id, request.holder.customer, cardIdOf(request), {
            fromTransactionDate: window.from,
            toTransactionDate: window.to,
            ...(transactionType ? { transactionType } : {}),
            ...(payeeMCC === undefined ? {} : { payeeMCC }),
            paging:
              paging.cursor === undefined
                ? { page: paging.page, pageSize: paging.pageSize }
                : { cursor: paging.cursor, pageSize: paging.pageSize },
          });
          const target = linkTarget(request, brand, [
            ['fromTransactionDate', from],
            ['toTransactionDate', to],
            ['transactionType', transactionType],
            ['payeeMCC', payeeMCC],
          ]);
          return then(settled(page), (result) =>
            listBody(reply, CardTransactionList, result.items, {
              links: transactionLinks(target, paging, result.nextCursor),
              meta: meta(clock, request.holder.at),
            }),
          );
        }) as never, // a pre-serialized body (see listBody); the response schema still documents it
    );
  transactions('history', 'credit-cards-accounts.transactions');
  transactions('current', 'credit-cards-accounts.transactions-current');
});
