/**
 * The catalogue of error codes the HTTP mapper knows. Each module declares its codes once, next
 * to the domain code that throws them; declaring registers them, so a code can be thrown only
 * from code that imported its declaration, whichever routes the running process mounts.
 */

/** RFC 6749 §5.2 and §4.1.2.1, RFC 7591 §3.2.2: `error` values on OAuth endpoints. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'invalid_software_statement'
  | 'unapproved_software_statement';

export interface ErrorDefinition {
  /** HTTP status (DIGEST §3.4 lists the ones with regulatory meaning). */
  status: number;
  /** Human-readable `title` of the spec error body (ResponseError: maxLength 255). */
  title: string;
  /** Code sent on the wire when it differs from the internal one (e.g. a spec code reused with another status). */
  wireCode?: string;
  /** `error` on routes answering in the RFC 6749 shape; derived from the status when absent. */
  oauthError?: OAuthErrorCode;
}

const catalogue = new Map<string, Readonly<ErrorDefinition>>();

const SPEC_MAX_LENGTH = 255; // ResponseError.errors[].code and .title (accounts.yaml, consents.yaml)

function sameDefinition(a: ErrorDefinition, b: ErrorDefinition): boolean {
  return (
    a.status === b.status && a.title === b.title && a.wireCode === b.wireCode && a.oauthError === b.oauthError
  );
}

/**
 * Declares a module's error codes and returns them as a typed map, so a typo is a type error.
 * A code declared twice must be declared identically.
 *
 * @example
 *   export const AccountErrors = defineErrors({
 *     RESOURCE_NOT_FOUND: { status: 404, title: 'Recurso não encontrado' },
 *   });
 *   throw new AppError(AccountErrors.RESOURCE_NOT_FOUND, 'Conta não encontrada');
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
  definitions: T,
): { readonly [K in keyof T & string]: K } {
  const codes: Record<string, string> = {};
  for (const [code, definition] of Object.entries(definitions)) {
    const wireCode = definition.wireCode ?? code;
    if (wireCode.length > SPEC_MAX_LENGTH || definition.title.length > SPEC_MAX_LENGTH) {
      throw new Error(`error ${code}: code and title are limited to ${SPEC_MAX_LENGTH} characters`);
    }
    if (!Number.isInteger(definition.status) || definition.status < 400 || definition.status > 599) {
      throw new Error(`error ${code}: status must be an HTTP error status, got ${definition.status}`);
    }
    const existing = catalogue.get(code);
    if (existing !== undefined && !sameDefinition(existing, definition)) {
      throw new Error(`error ${code} is already declared with a different definition`);
    }
    catalogue.set(code, Object.freeze({ ...definition }));
    codes[code] = code;
  }
  return Object.freeze(codes) as { readonly [K in keyof T & string]: K };
}

export function findErrorDefinition(code: string): Readonly<ErrorDefinition> | undefined {
  return catalogue.get(code);
}
