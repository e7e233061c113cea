import { and, asc, eq } from 'drizzle-orm';
import type { CoreResource, ResourcesConnector } from '../../connectors/index.ts';
import { sampleBankAccounts } from '../schema/accounts.ts';
import type { FamilyConnector, SampleBankDeps } from '../seed/family.ts';
import { isUuid } from './shared.ts';

/** Accounts, plus whatever each data family lists, filtered and ordered as the contract says. */
export function createResourcesReader(
  deps: SampleBankDeps,
  families: readonly FamilyConnector[],
): ResourcesConnector {
  return {
    async listResources(brandId, customer, filter) {
      if (!isUuid(customer.customerId)) return [];
      const wanted = (type: CoreResource['type']) =>
        filter?.types === undefined || filter.types.includes(type);
      const lists: Promise<readonly CoreResource[]>[] = [];
      if (wanted('ACCOUNT')) {
        lists.push(
          deps.db
            .select({ resourceId: sampleBankAccounts.id, status: sampleBankAccounts.status })
            .from(sampleBankAccounts)
            .where(
              and(
                eq(sampleBankAccounts.brandId, brandId),
                eq(sampleBankAccounts.customerId, customer.customerId),
              ),
            )
            .orderBy(asc(sampleBankAccounts.id))
            .then((rows) => rows.map((r) => ({ ...r, type: 'ACCOUNT' as const }))),
        );
      }
      for (const family of families)
        if (family.listResources) lists.push(family.listResources(brandId, customer));
      const all = (await Promise.all(lists)).flat().filter((r) => wanted(r.type));
      return all.sort((a, b) => a.type.localeCompare(b.type) || a.resourceId.localeCompare(b.resourceId));
    },
  };
}
