/**
 * The parameterised consent scope (FAPI-BR 1.0 ID3 §7.1 "Dynamic Consent Scope Definition"):
 * `consent:` followed by the consent id, a URN of at most 256 characters (consents.yaml
 * `consentId` pattern). Example: `consent:urn:bancoex:C1DD33123`.
 */
const PREFIX = 'consent:';
const CONSENT_ID = /^urn:[a-zA-Z0-9][a-zA-Z0-9-]{0,31}:[a-zA-Z0-9()+,\-.:=@;$_!*'%/?#]+$/;
const MAX_CONSENT_ID_LENGTH = 256;

export function isConsentId(value: string): boolean {
  return value.length <= MAX_CONSENT_ID_LENGTH && CONSENT_ID.test(value);
}

/** The consent id of a `consent:<id>` scope token, or undefined for any other token. */
export function consentIdOfScope(scope: string): string | undefined {
  if (!scope.startsWith(PREFIX)) return undefined;
  const id = scope.slice(PREFIX.length);
  return isConsentId(id) ? id : undefined;
}

export function consentScope(consentId: string): string {
  return `${PREFIX}${consentId}`;
}

/** Every well-formed consent id among the space-separated scope tokens, in order, deduplicated. */
export function consentIdsInScope(scope: string | undefined): string[] {
  const ids = new Set<string>();
  for (const token of (scope ?? '').split(' ')) {
    const id = consentIdOfScope(token);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/** True when the token looks like a consent scope (prefix), well-formed or not. */
export function looksLikeConsentScope(scope: string): boolean {
  return scope.startsWith(PREFIX);
}
