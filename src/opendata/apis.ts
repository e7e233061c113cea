/**
 * The Phase-1 open data APIs Ponte serves (DIGEST §1), at the versions of
 * `shared/specs/openapi/SOURCES.md`: products-services (file 3.0.0, path `/v2`) and channels
 * 2.0.1. Public: no token, no certificate; per-IP traffic limit (DIGEST §8.6: 500 TPM).
 */
export const PRODUCT_ENDPOINTS = [
  'personal-accounts',
  'business-accounts',
  'personal-loans',
  'business-loans',
  'personal-credit-cards',
  'business-credit-cards',
  'personal-financings',
  'business-financings',
  'personal-invoice-financings',
  'business-invoice-financings',
  'personal-unarranged-account-overdraft',
  'business-unarranged-account-overdraft',
] as const;
export type ProductEndpoint = (typeof PRODUCT_ENDPOINTS)[number];

export const CHANNEL_ENDPOINTS = [
  'banking-agents',
  'branches',
  'electronic-channels',
  'phone-channels',
  'shared-automated-teller-machines',
] as const;
export type ChannelEndpoint = (typeof CHANNEL_ENDPOINTS)[number];

export const OPEN_DATA_APIS = {
  'products-services': {
    title: "API's OpenData do Open Finance Brasil (produtos e serviços)",
    version: '3.0.0',
    basePath: '/open-banking/products-services/v2',
  },
  channels: {
    title: 'API OpenData Channels do Open Finance Brasil',
    version: '2.0.1',
    basePath: '/open-banking/channels/v2',
  },
} as const;
export type OpenDataApiName = keyof typeof OPEN_DATA_APIS;
