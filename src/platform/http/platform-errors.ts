import { defineErrors } from './error-catalogue.ts';

/**
 * Codes the HTTP platform itself answers with. PARAMETRO_INVALIDO and PARAMETRO_NAO_INFORMADO
 * are the spec's codes for malformed and missing parameters (payments.yaml, description 1.3.1:
 * "Formatação de parâmetros" / "Envio de campos obrigatórios"; DIGEST §0 item 9 for a bad
 * x-fapi-interaction-id). The others have no spec code and are named after their status.
 */
export const PlatformErrors = defineErrors({
  PARAMETRO_INVALIDO: { status: 400, title: 'Parâmetro inválido', oauthError: 'invalid_request' },
  PARAMETRO_NAO_INFORMADO: { status: 400, title: 'Parâmetro não informado', oauthError: 'invalid_request' },
  UNAUTHORIZED: { status: 401, title: 'Não autorizado' },
  FORBIDDEN: { status: 403, title: 'Acesso negado' },
  NOT_FOUND: { status: 404, title: 'Recurso não encontrado' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Método não permitido' },
  NOT_ACCEPTABLE: { status: 406, title: 'Formato de resposta não suportado' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Corpo da requisição muito grande' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Tipo de conteúdo não suportado' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Muitas requisições' },
  INTERNAL_ERROR: { status: 500, title: 'Erro interno' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Serviço indisponível' },
});

/** The platform code answered for a client error of this status that carries no code of ours. */
export function platformCodeForStatus(status: number): keyof typeof PlatformErrors {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 406:
      return 'NOT_ACCEPTABLE';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return 'PARAMETRO_INVALIDO';
  }
}
