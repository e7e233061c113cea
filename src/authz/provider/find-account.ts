import type { KoaContextWithOIDC } from 'oidc-provider';
import type { CoreBankConnector } from '../../connectors/index.ts';

/**
 * The subject is the connector's customer id, opaque and never reassigned (FAPI-BR 1.0 ID3
 * §5.2.2.1 "sub" clarifications). The `cpf` claim (§5.2.2.2) is read from the core only when a
 * client asked for it through the claims parameter.
 */
export function accountClaims(deps: { brandId: string; connector: CoreBankConnector }) {
  return async (sub: string, wanted: Iterable<string>): Promise<Record<string, unknown>> => {
    if (![...wanted].includes('cpf')) return { sub };
    const identifications = await deps.connector.customers
      .getPersonalIdentifications(deps.brandId, { customerId: sub, personType: 'PESSOA_NATURAL' })
      .catch(() => []);
    const cpf = identifications[0]?.documents.cpfNumber;
    return cpf === undefined ? { sub } : { sub, cpf };
  };
}

/** `findAccount` of the provider configuration. */
export function findAccount(deps: { brandId: string; connector: CoreBankConnector }) {
  const claimsOf = accountClaims(deps);
  return (_ctx: KoaContextWithOIDC, sub: string) => ({
    accountId: sub,
    claims: (_use: string, _scope: string, claims: Record<string, unknown> | undefined) =>
      claimsOf(sub, Object.keys(claims ?? {})),
  });
}
