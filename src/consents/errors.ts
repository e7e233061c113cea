import { defineErrors } from '../platform/http/index.ts';

/**
 * The consents module's error codes (consents.yaml 3.3.1). Wire codes are the spec's, verbatim:
 * - create: ResponseErrorUnprocessableEntity (422);
 * - DELETE: ResponseErrorUnprocessableEntityDelete (422);
 * - extends: 422ResponseErrorCreateConsent (422; titles as the spec writes them).
 * Generic spec codes other modules may also answer (DATA_EXPIRACAO_INVALIDA, ERRO_NAO_MAPEADO)
 * are declared under consent-specific internal names with the spec code as `wireCode`, so a
 * payments declaration of the same wire code with another title cannot collide with this one.
 * 400/401/403/404 use the platform's codes (PlatformErrors).
 */
export const ConsentErrors = defineErrors({
  SEM_PERMISSOES_FUNCIONAIS_RESTANTES: { status: 422, title: 'Sem permissões funcionais restantes' },
  INFORMACOES_PJ_NAO_INFORMADAS: { status: 422, title: 'Informações de pessoa jurídica não informadas' },
  PERMISSOES_PJ_INCORRETAS: { status: 422, title: 'Permissões de pessoa jurídica incorretas' },
  PERMISSAO_PF_PJ_EM_CONJUNTO: { status: 422, title: 'Permissões de pessoa natural e jurídica em conjunto' },
  COMBINACAO_PERMISSOES_INCORRETA: { status: 422, title: 'Combinação de permissões incorreta' },
  CONSENT_EXPIRATION_INVALID: {
    status: 422,
    title: 'Nova data para expiração do consentimento é inválida.',
    wireCode: 'DATA_EXPIRACAO_INVALIDA',
  },
  CONSENT_UNMAPPED_ERROR: { status: 422, title: 'Erro não mapeado', wireCode: 'ERRO_NAO_MAPEADO' },
  CONSENTIMENTO_EM_STATUS_REJEITADO: { status: 422, title: 'Consentimento em status rejeitado' },
  ESTADO_CONSENTIMENTO_INVALIDO: { status: 422, title: 'Estado inválido do consentimento.' },
  /** Internal (authorisation seam): a resource of a product the consent's permissions do not cover. */
  CONSENT_RESOURCE_NOT_PERMITTED: {
    status: 422,
    title: 'Recurso não coberto pelas permissões do consentimento',
  },
});
export type ConsentErrorCode = keyof typeof ConsentErrors;
