import { formatRequestDateTime } from '../../platform/http/index.ts';
import type { ConsentBrand } from '../domain/brand.ts';
import type { Consent, ConsentExtension, PageRequest } from '../domain/model.ts';

// Domain → wire shapes of consents.yaml 3.3.1 (dates as RFC 3339 UTC without fraction).

export const CONSENTS_PATH = '/open-banking/consents/v3/consents';

const at = formatRequestDateTime;

export function consentUrl(brand: ConsentBrand, consentId: string, suffix = ''): string {
  return `${brand.apiBaseUrl}${CONSENTS_PATH}/${consentId}${suffix}`;
}

/** ResponseConsent.data. */
export function consentData(consent: Consent) {
  return {
    consentId: consent.consentId,
    creationDateTime: at(consent.creationDateTime),
    status: consent.status,
    statusUpdateDateTime: at(consent.statusUpdateDateTime),
    permissions: consent.permissions,
    ...(consent.expirationDateTime === null ? {} : { expirationDateTime: at(consent.expirationDateTime) }),
  };
}

/** ResponseConsentRead.data: adds `rejection` once REJECTED and `journey` for the optimised journey. */
export function consentReadData(consent: Consent) {
  return {
    ...consentData(consent),
    ...(consent.rejection === null ? {} : { rejection: consent.rejection }),
    ...(consent.isLinked === null ? {} : { journey: { isLinked: consent.isLinked } }),
  };
}

/** ResponseConsentReadExtensions.data[]. */
export function extensionData(extension: ConsentExtension) {
  return {
    ...(extension.expirationDateTime === null
      ? {}
      : { expirationDateTime: at(extension.expirationDateTime) }),
    loggedUser: extension.loggedUser,
    requestDateTime: at(extension.requestDateTime),
    ...(extension.previousExpirationDateTime === null
      ? {}
      : { previousExpirationDateTime: at(extension.previousExpirationDateTime) }),
    xFapiCustomerIpAddress: extension.xFapiCustomerIpAddress,
    xCustomerUserAgent: extension.xCustomerUserAgent,
  };
}

/**
 * components.parameters.PageSize: below 25 counts as 25 ("A transmissora deve considerar
 * entrada como 25, caso seja informado algum valor menor").
 */
export function pageRequest(query: {
  page?: number | undefined;
  'page-size'?: number | undefined;
}): PageRequest {
  return { page: query.page ?? 1, pageSize: Math.max(query['page-size'] ?? 25, 25) };
}

/** Links: first/prev when not on the first page, next/last when not on the last (DIGEST §3.2). */
export function pageLinks(url: string, page: PageRequest, totalPages: number) {
  const link = (n: number) => `${url}?page=${n}&page-size=${page.pageSize}`;
  const last = Math.max(totalPages, 1);
  return {
    self: link(page.page),
    ...(page.page > 1 ? { first: link(1), prev: link(Math.min(page.page - 1, last)) } : {}),
    ...(page.page < last ? { next: link(page.page + 1), last: link(last) } : {}),
  };
}
