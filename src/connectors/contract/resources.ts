import type { BrandId, CoreResource, CustomerRef, ResourceType } from './common.ts';

/**
 * Everything a customer holds that a consent could link (resources API 3.1.0), across families.
 * Ponte shows it on the brand's consent page so the customer can pick accounts, and reads the
 * `status` when answering `GET /resources`.
 */
export interface ResourcesConnector {
  /** Resources of the customer, optionally only of some types; order: type, then resourceId. */
  listResources(
    brandId: BrandId,
    customer: CustomerRef,
    filter?: { readonly types?: readonly ResourceType[] },
  ): Promise<readonly CoreResource[]>;
}
