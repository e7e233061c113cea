import type { RouteOptions } from 'fastify';

/**
 * Ponte's own OpenAPI 3.1 documents, generated from the TypeBox schemas the routes validate and
 * serialize with (STYLE: "one schema per endpoint … feeds the OpenAPI we serve"). Routes are
 * collected as they are registered (Fastify `onRoute`), so the document is what is served.
 */
export interface ApiDescription {
  /** `accounts`, `products-services` … */
  name: string;
  title: string;
  /** The spec version implemented (`x-v`). */
  version: string;
  /** `/open-banking/accounts/v2`. */
  basePath: string;
  /** OAuth scope of the API; absent for public APIs (open data). */
  scope?: string;
  description?: string;
  /**
   * Request headers every operation documents (a JSON schema object). Kept out of the routes'
   * validation: the platform checks x-fapi-* (`config.fapi`) and the guard the token, so a
   * second validation per request would only cost time.
   */
  headers?: unknown;
}

export interface CollectedRoute {
  method: string;
  url: string;
  schema: Record<string, unknown>;
  /** Extra operation fields (summary, x-permission …). */
  extra: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** The schemas as plain JSON: TypeBox's symbol keys dropped, `undefined` removed. */
function plain(schema: unknown): Json {
  return JSON.parse(JSON.stringify(schema)) as Json;
}

const ERROR_STATUSES = ['400', '401', '403', '404', '405', '406', '422', '423', '429', '500', '504', '529'];
const PUBLIC_ERROR_STATUSES = ['400', '404', '405', '406', '422', '429', '500', '504', '529'];

const ResponseError: Json = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      maxItems: 13,
      items: {
        type: 'object',
        required: ['code', 'title', 'detail'],
        properties: {
          code: { type: 'string', maxLength: 255 },
          title: { type: 'string', maxLength: 255 },
          detail: { type: 'string', maxLength: 2048 },
        },
      },
    },
    meta: {
      type: 'object',
      required: ['requestDateTime'],
      properties: { requestDateTime: { type: 'string', format: 'date-time', maxLength: 20 } },
    },
  },
};

function parameters(schema: Json | undefined, location: 'header' | 'path' | 'query'): Json[] {
  if (schema === undefined) return [];
  const object = plain(schema);
  const required = new Set((object.required as string[] | undefined) ?? []);
  const properties = (object.properties as Record<string, Json> | undefined) ?? {};
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** Builds the OpenAPI document of one API from its collected routes. */
export function openApiDocument(
  api: ApiDescription,
  routes: readonly CollectedRoute[],
  origin: string,
): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const relative = route.url.slice(api.basePath.length).replace(/:([A-Za-z0-9_]+)/g, '{$1}') || '/';
    const schema = route.schema;
    const response = (schema.response as Record<string, unknown> | undefined)?.['200'];
    const errors = api.scope === undefined ? PUBLIC_ERROR_STATUSES : ERROR_STATUSES;
    const operation: Json = {
      ...route.extra,
      parameters: [
        ...parameters((schema.headers ?? api.headers) as Json | undefined, 'header'),
        ...parameters(schema.params as Json | undefined, 'path'),
        ...parameters(schema.querystring as Json | undefined, 'query'),
      ],
      responses: {
        '200': {
          description: 'OK',
          headers: {
            'x-fapi-interaction-id': { required: true, schema: { type: 'string', format: 'uuid' } },
            'x-v': { required: true, schema: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' } },
          },
          content: { 'application/json': { schema: response === undefined ? {} : plain(response) } },
        },
        ...Object.fromEntries(
          errors.map((status) => [
            status,
            {
              description: status,
              content: {
                'application/json; charset=utf-8': { schema: { $ref: '#/components/schemas/ResponseError' } },
              },
            },
          ]),
        ),
      },
      ...(api.scope === undefined
        ? {}
        : { security: [{ OpenId: ['openid'], OAuth2Security: ['consent:consentId', api.scope] }] }),
    };
    paths[relative] = { ...paths[relative], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${api.title} (Ponte)`,
      version: api.version,
      ...(api.description ? { description: api.description } : {}),
    },
    servers: [{ url: `${origin}${api.basePath}` }],
    paths,
    components: {
      schemas: { ResponseError },
      ...(api.scope === undefined
        ? {}
        : {
            securitySchemes: {
              OpenId: {
                type: 'openIdConnect',
                openIdConnectUrl: `${origin}/.well-known/openid-configuration`,
              },
              OAuth2Security: {
                type: 'oauth2',
                flows: {
                  authorizationCode: {
                    authorizationUrl: `${origin}/auth`,
                    tokenUrl: `${origin}/token`,
                    scopes: { [api.scope]: `Escopo da ${api.title}`, 'consent:consentId': 'Consentimento' },
                  },
                },
              },
            },
          }),
    },
  };
}

/** Collects the routes an app registers under each API's base path. */
export function createRouteCollector(apis: readonly ApiDescription[]) {
  const routes = new Map<string, CollectedRoute[]>(apis.map((a) => [a.name, []]));
  return {
    onRoute(options: RouteOptions, extra: (options: RouteOptions) => Record<string, unknown> = () => ({})) {
      const methods = Array.isArray(options.method) ? options.method : [options.method];
      if (!methods.includes('GET')) return;
      const api = apis.find((a) => options.url.startsWith(`${a.basePath}/`));
      if (api === undefined || options.url.endsWith('/openapi.json')) return;
      routes.get(api.name)?.push({
        method: 'GET',
        url: options.url,
        schema: (options.schema ?? {}) as Record<string, unknown>,
        extra: extra(options),
      });
    },
    routesOf: (name: string): readonly CollectedRoute[] => routes.get(name) ?? [],
  };
}
