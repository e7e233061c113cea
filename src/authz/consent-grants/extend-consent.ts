import type pg from 'pg';

/**
 * A renewed consent (consents 3.3.1 `POST /consents/{id}/extends`; DIGEST §2.6) keeps its grants:
 * refresh tokens must live at least as long as the consent (FAPI-BR 1.0 ID3 §7.2.2 item 12), so
 * the grants and refresh tokens of the consent get the new expiry. Never shortens anything.
 * Returns the number of artefacts extended.
 */
export async function extendConsentGrants(
  pool: pg.Pool,
  input: { brandId: string; consentId: string; expiresAtSeconds: number; clockToleranceSeconds: number },
): Promise<number> {
  const result = await pool.query(
    `WITH grants AS (
       SELECT grant_id FROM authz_consent_grants
       WHERE brand_id = $1 AND consent_id = $2 AND revoked_at IS NULL
     )
     UPDATE oidc_payloads SET
       payload = jsonb_set(payload, '{exp}', to_jsonb($3::bigint)),
       expires_at = to_timestamp($3::bigint + $4::int)
     WHERE brand_id = $1
       AND ((model = 'Grant' AND id IN (SELECT grant_id FROM grants))
         OR (model = 'RefreshToken' AND grant_id IN (SELECT grant_id FROM grants)))
       AND coalesce((payload->>'exp')::bigint, 0) < $3::bigint`,
    [input.brandId, input.consentId, input.expiresAtSeconds, input.clockToleranceSeconds],
  );
  return result.rowCount ?? 0;
}
