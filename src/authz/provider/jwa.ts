/**
 * FAPI-BR 1.0 ID3 §8.2–8.3 (DIGEST §6.1 "Crypto"): JWS PS256 only, JWE RSA-OAEP with A256GCM
 * only, on every surface (client authentication, request objects, id_tokens, userinfo...).
 * DPoP and attestation are unused (tokens are bound by mTLS), hence empty.
 */
const SIGNING = ['PS256'];
const KEY_ENCRYPTION = ['RSA-OAEP'];
const CONTENT_ENCRYPTION = ['A256GCM'];

export const ENABLED_JWA = {
  clientAuthSigningAlgValues: SIGNING,
  idTokenSigningAlgValues: SIGNING,
  requestObjectSigningAlgValues: SIGNING,
  userinfoSigningAlgValues: SIGNING,
  introspectionSigningAlgValues: SIGNING,
  authorizationSigningAlgValues: SIGNING,
  idTokenEncryptionAlgValues: KEY_ENCRYPTION,
  requestObjectEncryptionAlgValues: KEY_ENCRYPTION,
  userinfoEncryptionAlgValues: KEY_ENCRYPTION,
  introspectionEncryptionAlgValues: KEY_ENCRYPTION,
  authorizationEncryptionAlgValues: KEY_ENCRYPTION,
  idTokenEncryptionEncValues: CONTENT_ENCRYPTION,
  requestObjectEncryptionEncValues: CONTENT_ENCRYPTION,
  userinfoEncryptionEncValues: CONTENT_ENCRYPTION,
  introspectionEncryptionEncValues: CONTENT_ENCRYPTION,
  authorizationEncryptionEncValues: CONTENT_ENCRYPTION,
  dPoPSigningAlgValues: [] as string[],
  attestSigningAlgValues: [] as string[],
};
