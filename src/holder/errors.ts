import { defineErrors } from '../platform/http/index.ts';

/**
 * Codes the Phase-2 data APIs answer with (their OpenAPI files declare `ResponseError` with free
 * codes). Where Open Finance Brasil names a code, it is used verbatim:
 * - RESOURCE_FORBIDDEN and STATUS_RESOURCE_* (403): Confluence "Orientações – [DC] Contas",
 *   "[DC] Cartão de Crédito" and "[DC] Dados Cadastrais" (the resource-status tables);
 * - 401 for a consent that is missing, not authorised, revoked or expired (same tables: "Com
 *   consentimento não autorizado / revogado ou expirado → 401 UNAUTHORIZED");
 * - 422 for query values that break a business rule on the transactions and bills endpoints
 *   ("Quanto ao erro 422" in the same pages);
 * - 423 / 429 / 529 for the operational, per-client and global traffic limits (DIGEST §3.4, §8.4–8.5).
 * Token failures found by the verifier keep authz's codes (ACCESS_TOKEN_INVALID,
 * ACCESS_TOKEN_CERTIFICATE_MISMATCH).
 */
export const HolderErrors = defineErrors({
  ACCESS_TOKEN_MISSING: { status: 401, title: 'Token de acesso ausente' },
  ACCESS_TOKEN_EXPIRED: { status: 401, title: 'Token de acesso expirado' },
  CONSENT_MISSING: { status: 401, title: 'Token sem consentimento' },
  CONSENT_NOT_AUTHORISED: { status: 401, title: 'Consentimento não autorizado' },
  CONSENT_REJECTED: { status: 401, title: 'Consentimento rejeitado' },
  CONSENT_REVOKED: { status: 401, title: 'Consentimento revogado' },
  CONSENT_EXPIRED: { status: 401, title: 'Consentimento expirado' },
  INSUFFICIENT_SCOPE: { status: 403, title: 'Escopo insuficiente' },
  PERMISSION_NOT_GRANTED: { status: 403, title: 'Permissão não concedida no consentimento' },
  RESOURCE_FORBIDDEN: { status: 403, title: 'Recurso não consentido' },
  STATUS_RESOURCE_PENDING_AUTHORISATION: {
    status: 403,
    title: 'Aguardando autorização de múltiplas alçadas',
  },
  STATUS_RESOURCE_UNAVAILABLE: { status: 403, title: 'Recurso indisponível' },
  STATUS_RESOURCE_TEMPORARILY_UNAVAILABLE: { status: 403, title: 'Recurso temporariamente indisponível' },
  INVALID_DATE_RANGE: { status: 422, title: 'Período de consulta inválido' },
  PAGE_SIZE_EXCEEDED: { status: 422, title: 'Tamanho de página acima do permitido' },
  OPERATIONAL_LIMIT_EXCEEDED: { status: 423, title: 'Limite operacional mensal excedido' },
  SITE_IS_OVERLOADED: { status: 529, title: 'O site está sobrecarregado' },
});

/**
 * The connector contract's codes (src/connectors/contract/errors.ts), answered as its doc says:
 * not found → 404 (never 403, so ids cannot be probed), invalid query → 422, core down → 500
 * without internals. The wire codes do not mention the connector.
 */
export const ConnectorAnswers = defineErrors({
  CONNECTOR_CUSTOMER_NOT_FOUND: { status: 404, title: 'Recurso não encontrado', wireCode: 'NOT_FOUND' },
  CONNECTOR_RESOURCE_NOT_FOUND: { status: 404, title: 'Recurso não encontrado', wireCode: 'NOT_FOUND' },
  CONNECTOR_INVALID_QUERY: {
    status: 422,
    title: 'Parâmetros de consulta inválidos',
    wireCode: 'INVALID_QUERY',
  },
  CONNECTOR_UNAVAILABLE: { status: 500, title: 'Erro interno', wireCode: 'INTERNAL_ERROR' },
});
export type HolderErrorCode = keyof typeof HolderErrors;
