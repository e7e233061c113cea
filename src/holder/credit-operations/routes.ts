import type { FastifyRequest } from 'fastify';
import type { CreditOperationType, ResourceType } from '../../connectors/index.ts';
import { defineRoutes, type RoutePlugin } from '../../platform/http/index.ts';
import { pageLinks } from '../paging/links.ts';
import { HOLDER_APIS, type HolderApiName } from '../policy/apis.ts';
import type { EndpointId } from '../policy/endpoints.ts';
import {
  allPages,
  availableIds,
  linkTarget,
  meta,
  pageMeta,
  pagingOf,
  slicePage,
  wire,
  type FamilyDeps,
} from '../shared/respond.ts';
import { protectedRoute } from '../shared/route.ts';
import { creditOperationSchemas } from './schemas.ts';

type CreditApi = Extract<
  HolderApiName,
  'loans' | 'financings' | 'unarranged-accounts-overdraft' | 'invoice-financings'
>;

/** Each credit API's operation type, which is also its contracts' resource type (resources 3.1.0). */
const OPERATION: Readonly<Record<CreditApi, CreditOperationType & ResourceType>> = {
  loans: 'LOAN',
  financings: 'FINANCING',
  'unarranged-accounts-overdraft': 'UNARRANGED_ACCOUNT_OVERDRAFT',
  'invoice-financings': 'INVOICE_FINANCING',
};

function contractIdOf(request: FastifyRequest): string {
  return (request.params as { contractId: string }).contractId;
}

/**
 * One credit operation API (loans 2.5.0, financings 2.4.0, unarranged-accounts-overdraft 2.5.0,
 * invoice-financings 2.4.0): `/contracts` lists the linked contracts of that type that are
 * AVAILABLE; the contract, its warranties, scheduled instalments and payments follow.
 */
export function creditOperationRoutes(api: CreditApi): RoutePlugin<FamilyDeps> {
  const type = OPERATION[api];
  const schemas = creditOperationSchemas(type);
  const base = `${HOLDER_APIS[api].basePath}/contracts`;
  const id = (suffix: string) => `${api}.${suffix}` as EndpointId;

  return defineRoutes<FamilyDeps>((app, { brand, connector, clock }) => {
    const operations = connector.creditOperations;
    if (operations === undefined) throw new Error('the connector has no credit operations family');

    app.get(base, protectedRoute(schemas.contracts, id('contracts'), 'pages'), async (request) => {
      const paging = pagingOf(request);
      const wanted = await availableIds(request, type);
      const all = await allPages((page) =>
        operations.listContracts(brand.id, request.holder.customer, type, { page }),
      );
      const page = slicePage(
        all.filter((c) => wanted.has(c.contractId)),
        paging,
      );
      return {
        // The response schema is this API's; TypeScript cannot relate `type` to its member of the union.
        data: page.items as never,
        links: pageLinks(linkTarget(request, brand), paging, page.totalPages),
        meta: pageMeta(clock, page.totalRecords, page.totalPages),
      };
    });

    app.get(`${base}/:contractId`, protectedRoute(schemas.contract, id('contract')), async (request) => ({
      data: (await operations.getContract(
        brand.id,
        request.holder.customer,
        type,
        contractIdOf(request),
      )) as never,
      links: { self: linkTarget(request, brand).url },
      meta: meta(clock),
    }));

    app.get(
      `${base}/:contractId/warranties`,
      protectedRoute(schemas.warranties, id('warranties'), 'pages'),
      async (request) => {
        const paging = pagingOf(request);
        const result = await operations.listWarranties(
          brand.id,
          request.holder.customer,
          type,
          contractIdOf(request),
          {
            page: { page: paging.page, pageSize: paging.pageSize },
          },
        );
        return {
          data: wire(result.items),
          links: pageLinks(linkTarget(request, brand), paging, result.totalPages),
          meta: pageMeta(clock, result.totalRecords, result.totalPages),
        };
      },
    );

    app.get(
      `${base}/:contractId/scheduled-instalments`,
      protectedRoute(schemas.instalments, id('scheduled-instalments')),
      async (request) => ({
        data: wire(
          await operations.getScheduledInstalments(
            brand.id,
            request.holder.customer,
            type,
            contractIdOf(request),
          ),
        ),
        links: { self: linkTarget(request, brand).url },
        meta: meta(clock),
      }),
    );

    app.get(
      `${base}/:contractId/payments`,
      protectedRoute(schemas.payments, id('payments')),
      async (request) => ({
        data: (await operations.getPayments(
          brand.id,
          request.holder.customer,
          type,
          contractIdOf(request),
        )) as never,
        links: { self: linkTarget(request, brand).url },
        meta: meta(clock),
      }),
    );
  });
}
