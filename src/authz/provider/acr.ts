/** FAPI-BR 1.0 ID3 §5.2.2.4: authentication context classes (loa2 single factor, loa3 MFA). */
export const ACR_LOA2 = 'urn:brasil:openbanking:loa2';
export const ACR_LOA3 = 'urn:brasil:openbanking:loa3';
export type Acr = typeof ACR_LOA2 | typeof ACR_LOA3;

export function isAcr(value: unknown): value is Acr {
  return value === ACR_LOA2 || value === ACR_LOA3;
}

/** loa3 satisfies a loa2 minimum; loa2 never satisfies loa3. */
export function acrAtLeast(achieved: Acr, minimum: Acr): boolean {
  return minimum === ACR_LOA2 || achieved === ACR_LOA3;
}
