import type { FastifyInstance } from 'fastify';
import { openApiDocument, type ApiDescription, type CollectedRoute } from './document.ts';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface Parameter {
  name: string;
  in: string;
  required: boolean;
}

function docsPage(
  title: string,
  documents: ReadonlyArray<{ api: ApiDescription; document: Record<string, unknown> }>,
) {
  const sections = documents.map(({ api, document }) => {
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    const rows = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => {
        const params = ((op.parameters as Parameter[] | undefined) ?? [])
          .filter((p) => p.in !== 'header')
          .map((p) => `<code>${escape(p.name)}</code>${p.required ? '*' : ''}`)
          .join(' ');
        const permission =
          typeof op['x-permission'] === 'string' ? `<code>${escape(op['x-permission'])}</code>` : '—';
        return `<tr><td>${method.toUpperCase()}</td><td><code>${escape(api.basePath + path)}</code></td><td>${permission}</td><td>${params}</td></tr>`;
      }),
    );
    return `<section><h2>${escape(api.title)} <small>${escape(api.version)}</small></h2>
<p><a href="${escape(api.basePath)}/openapi.json">OpenAPI (JSON)</a></p>
<table><thead><tr><th>método</th><th>caminho</th><th>permissão</th><th>parâmetros</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
  });
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;font-size:.9rem}small{color:#666}</style>
</head><body><h1>${escape(title)}</h1>${sections.join('')}</body></html>`;
}

/**
 * Serves each API's OpenAPI document at `<basePath>/openapi.json` (a stable URL beside the API
 * itself) and one HTML page listing them at `docsPath`. Public: documentation needs no token.
 */
export function registerApiDocs(
  app: FastifyInstance,
  options: {
    apis: readonly ApiDescription[];
    routesOf: (name: string) => readonly CollectedRoute[];
    origin: string;
    docsPath: string;
    title: string;
  },
): void {
  const cache = new Map<string, Record<string, unknown>>();
  const documentOf = (api: ApiDescription) => {
    let document = cache.get(api.name);
    if (document === undefined) {
      document = openApiDocument(api, options.routesOf(api.name), options.origin);
      cache.set(api.name, document);
    }
    return document;
  };
  for (const api of options.apis) {
    app.get(`${api.basePath}/openapi.json`, { config: { fapi: false } }, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(documentOf(api)),
    );
  }
  app.get(options.docsPath, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(
        docsPage(
          options.title,
          options.apis.map((api) => ({ api, document: documentOf(api) })),
        ),
      ),
  );
}
