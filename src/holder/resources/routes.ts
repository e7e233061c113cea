import { Type } from 'typebox';
import { RESOURCE_TYPES, type ResourceType } from '../../connectors/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import type { LinkedResourceStatus } from '../guard/context.ts';
import { pageLinks } from '../paging/links.ts';
import { HOLDER_APIS } from '../policy/apis.ts';
import { linkTarget, pageMeta, pagingOf, slicePage, type FamilyDeps } from '../shared/respond.ts';
import { protectedRoute } from '../shared/route.ts';
import { Id, Links, Meta, PageQuery, enumOf } from '../shared/schemas.ts';

const STATUSES = ['AVAILABLE', 'UNAVAILABLE', 'TEMPORARILY_UNAVAILABLE', 'PENDING_AUTHORISATION'] as const;

/** resources.yaml 3.1.0 GET /resources. */
export const GetResources = {
  querystring: Type.Object(PageQuery),
  response: {
    200: Type.Object({
      data: Type.Array(
        Type.Object({ resourceId: Id, type: enumOf(RESOURCE_TYPES), status: enumOf(STATUSES) }),
      ),
      links: Links,
      meta: Meta,
    }),
  },
};

/**
 * Resources 3.1.0: the resources the consent links, each with its current status (the link's,
 * then the core system's: resources.yaml "Os STATUS ... DEVEM considerar ... a disponibilidade
 * do recurso na instituição transmissora"). Only for AUTHORISED consents (the guard's 401);
 * registration data creates no resources, so a customers-only consent lists none (Confluence
 * "[DC] Dados Cadastrais" RN002). Neither TPM nor operational limits apply (DIGEST §8.4–8.5).
 */
export const resourcesRoutes = defineRoutes<FamilyDeps>((app, { brand, clock }) => {
  app.get(
    `${HOLDER_APIS.resources.basePath}/resources`,
    protectedRoute(GetResources, 'resources.list', 'pages'),
    async (request) => {
      const paging = pagingOf(request);
      const types = [...new Set(request.holder.consent.resources.map((r) => r.type))].sort();
      const all: Array<{ resourceId: string; type: ResourceType; status: LinkedResourceStatus }> = [];
      for (const type of types) {
        for (const [resourceId, status] of await request.holder.resourceStatuses(type)) {
          all.push({ resourceId, type, status });
        }
      }
      const page = slicePage(all, paging);
      return {
        data: page.items,
        links: pageLinks(linkTarget(request, brand), paging, page.totalPages),
        meta: pageMeta(clock, page.totalRecords, page.totalPages),
      };
    },
  );
});
