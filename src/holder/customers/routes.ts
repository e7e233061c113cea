import type { PaycheckLink, PersonalFinancialRelation } from '../../connectors/index.ts';
import { defineRoutes } from '../../platform/http/index.ts';
import { pageLinks } from '../paging/links.ts';
import { HOLDER_APIS } from '../policy/apis.ts';
import { linkTarget, meta, pagingOf, slicePage, wire, type FamilyDeps } from '../shared/respond.ts';
import { protectedRoute } from '../shared/route.ts';
import {
  GetBusinessFinancialRelations,
  GetBusinessIdentifications,
  GetBusinessQualifications,
  GetPersonalFinancialRelations,
  GetPersonalIdentifications,
  GetPersonalQualifications,
} from './schemas.ts';

const BASE = HOLDER_APIS.customers.basePath;

/**
 * customers.yaml names the two employer lists' fields apart (PortabilitiesReceived,
 * PaychecksBankLink); the contract keeps one shape for both.
 */
function financialRelation(relation: PersonalFinancialRelation) {
  const { portabilitiesReceived, paychecksBankLink, ...rest } = relation;
  const portability = (p: PaycheckLink) => ({
    employerName: p.employerName,
    employerCnpjCpf: p.employerCnpjCpf,
    paycheckBankDetainerCnpj: p.paycheckBankCnpj,
    paycheckBankDetainerIspb: p.paycheckBankIspb,
    portabilityApprovalDate: p.date,
  });
  const payroll = (p: PaycheckLink) => ({
    employerName: p.employerName,
    employerCnpjCpf: p.employerCnpjCpf,
    paycheckBankCnpj: p.paycheckBankCnpj,
    paycheckBankIspb: p.paycheckBankIspb,
    accountOpeningDate: p.date,
  });
  return {
    ...wire(rest),
    ...(portabilitiesReceived?.length
      ? { portabilitiesReceived: portabilitiesReceived.map(portability) }
      : {}),
    ...(paychecksBankLink?.length ? { paychecksBankLink: paychecksBankLink.map(payroll) } : {}),
  };
}

/**
 * Customers 2.2.1: registration data of the natural person (`/personal/*`) or the company
 * (`/business/*`) the consent is about. Which side a consent reaches follows from its
 * permissions (PF and PJ permissions never mix, consents 3.3.1); registration data has no
 * resources, so the operational limit counts per consent.
 */
export const customersRoutes = defineRoutes<FamilyDeps>((app, { brand, connector, clock }) => {
  const customers = connector.customers;

  app.get(
    `${BASE}/personal/identifications`,
    protectedRoute(GetPersonalIdentifications, 'customers.personal.identifications', 'pages'),
    async (request) => {
      const paging = pagingOf(request);
      const all = await customers.getPersonalIdentifications(brand.id, request.holder.customer);
      const page = slicePage(all, paging);
      return {
        data: wire(page.items),
        links: pageLinks(linkTarget(request, brand), paging, page.totalPages),
        meta: meta(clock),
      };
    },
  );

  app.get(
    `${BASE}/personal/qualifications`,
    protectedRoute(GetPersonalQualifications, 'customers.personal.qualifications'),
    async (request) => ({
      data: wire(await customers.getPersonalQualification(brand.id, request.holder.customer)),
      links: { self: linkTarget(request, brand).url },
      meta: meta(clock),
    }),
  );

  app.get(
    `${BASE}/personal/financial-relations`,
    protectedRoute(GetPersonalFinancialRelations, 'customers.personal.financial-relations'),
    async (request) => ({
      data: financialRelation(
        await customers.getPersonalFinancialRelation(brand.id, request.holder.customer),
      ),
      links: { self: linkTarget(request, brand).url },
      meta: meta(clock),
    }),
  );

  app.get(
    `${BASE}/business/identifications`,
    protectedRoute(GetBusinessIdentifications, 'customers.business.identifications', 'pages'),
    async (request) => {
      const paging = pagingOf(request);
      const all = await customers.getBusinessIdentifications(brand.id, request.holder.customer);
      const page = slicePage(all, paging);
      return {
        data: wire(page.items),
        links: pageLinks(linkTarget(request, brand), paging, page.totalPages),
        meta: meta(clock),
      };
    },
  );

  app.get(
    `${BASE}/business/qualifications`,
    protectedRoute(GetBusinessQualifications, 'customers.business.qualifications'),
    async (request) => ({
      data: wire(await customers.getBusinessQualification(brand.id, request.holder.customer)),
      links: { self: linkTarget(request, brand).url },
      meta: meta(clock),
    }),
  );

  app.get(
    `${BASE}/business/financial-relations`,
    protectedRoute(GetBusinessFinancialRelations, 'customers.business.financial-relations'),
    async (request) => ({
      data: wire(await customers.getBusinessFinancialRelation(brand.id, request.holder.customer)),
      links: { self: linkTarget(request, brand).url },
      meta: meta(clock),
    }),
  );
});
