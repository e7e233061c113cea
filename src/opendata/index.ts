/**
 * opendata: the Phase-1 open data APIs (products-services, channels), public and served from
 * each brand's catalogue. Other modules import only from here.
 */
export { openDataRoutes, type OpenDataDeps } from './routes.ts';
export { checkCatalogue, type OpenDataCatalogue } from './catalogue.ts';
export { sampleOpenDataCatalogue } from './sample-catalogue.ts';
export {
  CHANNEL_ENDPOINTS,
  OPEN_DATA_APIS,
  PRODUCT_ENDPOINTS,
  type ChannelEndpoint,
  type OpenDataApiName,
  type ProductEndpoint,
} from './apis.ts';
