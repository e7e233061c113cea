import { defineErrors } from '../platform/http/index.ts';
import type { OAuthErrorCode } from '../platform/http/index.ts';

/** Errors of the simulated directory's endpoints (token endpoint answers in the RFC 6749 shape). */
export const DirectoryErrors = defineErrors({
  DIRECTORY_INVALID_CLIENT: { status: 401, title: 'Cliente não autenticado', oauthError: 'invalid_client' },
  DIRECTORY_UNSUPPORTED_GRANT_TYPE: {
    status: 400,
    title: 'Tipo de concessão não suportado',
    oauthError: 'unsupported_grant_type',
  },
  DIRECTORY_INVALID_SCOPE: { status: 400, title: 'Escopo inválido', oauthError: 'invalid_scope' },
  /** RFC 6750 §3.1 invalid_token, and RFC 8705 §3 a token presented with another certificate. */
  DIRECTORY_INVALID_TOKEN: { status: 401, title: 'Token de acesso inválido' },
  DIRECTORY_FORBIDDEN_ORGANISATION: { status: 403, title: 'Organização diferente da do cliente' },
  DIRECTORY_NOT_FOUND: { status: 404, title: 'Recurso não encontrado no diretório' },
  /** The directory (or a keystore) could not be reached or answered something unusable. */
  DIRECTORY_UNAVAILABLE: { status: 502, title: 'Diretório indisponível' },
  /** The directory answered a client request with an error (detail carries the status). */
  DIRECTORY_REQUEST_REFUSED: { status: 502, title: 'Requisição recusada pelo diretório' },
});

/**
 * Why a software statement is refused. Each code carries the RFC 7591 §3.2.2 error it maps to
 * (DCR 1 ID3; DIGEST §6.2 items 2-3): what the SSA says cannot be believed
 * (`invalid_software_statement`), or it was not issued by the directory this server trusts
 * (`unapproved_software_statement`).
 */
export const SoftwareStatementErrors = defineErrors({
  SOFTWARE_STATEMENT_MALFORMED: {
    status: 400,
    title: 'Software statement malformado',
    oauthError: 'invalid_software_statement',
  },
  SOFTWARE_STATEMENT_ALGORITHM_NOT_ALLOWED: {
    status: 400,
    title: 'Software statement não assinado com PS256',
    oauthError: 'invalid_software_statement',
  },
  SOFTWARE_STATEMENT_BAD_SIGNATURE: {
    status: 400,
    title: 'Assinatura do software statement inválida',
    oauthError: 'invalid_software_statement',
  },
  SOFTWARE_STATEMENT_EXPIRED: {
    status: 400,
    title: 'Software statement emitido há mais de 5 minutos',
    oauthError: 'invalid_software_statement',
  },
  SOFTWARE_STATEMENT_ISSUED_IN_FUTURE: {
    status: 400,
    title: 'Software statement emitido no futuro',
    oauthError: 'invalid_software_statement',
  },
  SOFTWARE_STATEMENT_UNKNOWN_KEY: {
    status: 400,
    title: 'Software statement assinado por chave desconhecida do diretório',
    oauthError: 'unapproved_software_statement',
  },
  SOFTWARE_STATEMENT_UNTRUSTED_ISSUER: {
    status: 400,
    title: 'Software statement de emissor não confiável',
    oauthError: 'unapproved_software_statement',
  },
});

export type SoftwareStatementErrorCode = keyof typeof SoftwareStatementErrors;

const DCR_ERRORS: Record<SoftwareStatementErrorCode, OAuthErrorCode> = {
  SOFTWARE_STATEMENT_MALFORMED: 'invalid_software_statement',
  SOFTWARE_STATEMENT_ALGORITHM_NOT_ALLOWED: 'invalid_software_statement',
  SOFTWARE_STATEMENT_BAD_SIGNATURE: 'invalid_software_statement',
  SOFTWARE_STATEMENT_EXPIRED: 'invalid_software_statement',
  SOFTWARE_STATEMENT_ISSUED_IN_FUTURE: 'invalid_software_statement',
  SOFTWARE_STATEMENT_UNKNOWN_KEY: 'unapproved_software_statement',
  SOFTWARE_STATEMENT_UNTRUSTED_ISSUER: 'unapproved_software_statement',
};

/**
 * The RFC 7591 error for a software-statement error code, for code that must raise its own
 * error type (oidc-provider's `extraClientMetadata.validator`); undefined for other codes.
 *
 * @example
 *   catch (e) { if (isAppError(e) && dcrErrorFor(e.code)) throw new errors.InvalidSoftwareStatement(e.message); }
 */
export function dcrErrorFor(
  code: string,
): 'invalid_software_statement' | 'unapproved_software_statement' | undefined {
  return DCR_ERRORS[code as SoftwareStatementErrorCode] as
    'invalid_software_statement' | 'unapproved_software_statement' | undefined;
}
