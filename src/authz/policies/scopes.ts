/**
 * OAuth scopes of the Open Finance Brasil ecosystem: the regulatory roles and what each may ask
 * for, and what discovery must always list. A change by the regulator is a change of this file.
 */

/**
 * DCR v2.1.0 §7.1 item 9 / DIGEST §6.2 item 6: regulatory role → allowed scopes. A client whose
 * SSA omits scopes is granted every scope its active roles allow (DCR 1.0 ID3 "Applying Server
 * Defaults" item 3).
 */
export const ROLE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  DADOS: [
    'openid',
    'accounts',
    'credit-cards-accounts',
    'consents',
    'customers',
    'invoice-financings',
    'financings',
    'loans',
    'unarranged-accounts-overdraft',
    'resources',
    'credit-fixed-incomes',
    'exchanges',
    'bank-fixed-incomes',
    'variable-incomes',
    'treasure-titles',
    'funds',
    'credit-portability',
  ],
  PAGTO: ['openid', 'payments', 'recurring-payments', 'nrp-consents'],
  CONTA: ['openid'],
  CCORR: ['openid'],
};

/**
 * FAPI-BR v2.1.0 §5.1 item 11 (DIGEST §6.1): scopes `.well-known` lists whatever products the
 * institution offers.
 */
export const MANDATORY_DISCOVERY_SCOPES = [
  'invoice-financings',
  'financings',
  'loans',
  'unarranged-accounts-overdraft',
  'bank-fixed-incomes',
  'credit-fixed-incomes',
  'variable-incomes',
  'treasure-titles',
  'funds',
  'exchanges',
] as const;

/** Every static scope the server knows: the union of the roles (consent scopes are dynamic). */
export const SUPPORTED_SCOPES: readonly string[] = [
  ...new Set([...Object.values(ROLE_SCOPES).flat(), ...MANDATORY_DISCOVERY_SCOPES]),
];

/** Scopes of protected APIs (every static scope but `openid`): the resource server's scopes. */
export const API_SCOPES: readonly string[] = SUPPORTED_SCOPES.filter((s) => s !== 'openid');

/** Scopes obtainable with client_credentials (consents 3.3.1 §2.1: `consents`; payments flows). */
export const CLIENT_CREDENTIALS_SCOPES: ReadonlySet<string> = new Set([
  'consents',
  'payments',
  'recurring-payments',
  'nrp-consents',
  'credit-portability',
]);

/**
 * The scopes a software statement's roles allow: only roles listed as `Active` in
 * `software_statement_roles` count (DCR 1.0 ID3 §7.2: "currently listed roles shall be active");
 * without that claim, `software_roles` is used.
 */
export function scopesForRoles(
  roles: ReadonlyArray<{ role: string; status: string }> | undefined,
  plainRoles: readonly string[] | undefined,
): Set<string> {
  const active =
    roles !== undefined
      ? roles.filter((r) => r.status.toLowerCase() === 'active').map((r) => r.role)
      : plainRoles;
  const scopes = new Set<string>();
  for (const role of active ?? []) {
    for (const scope of ROLE_SCOPES[role.toUpperCase()] ?? []) scopes.add(scope);
  }
  return scopes;
}
