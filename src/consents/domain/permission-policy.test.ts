import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CoreBankConnector } from '../../connectors/index.ts';
import { productsOfferedBy } from './brand.ts';
import { grantablePermissions } from './permission-policy.ts';
import { PERMISSION_GROUPS, PERMISSIONS, PRODUCTS, type Product } from './permissions.ts';

const ALL: ReadonlySet<Product> = new Set(PRODUCTS);
const PF = { hasBusinessEntity: false };
const PJ = { hasBusinessEntity: true };

function rejects(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code);
    return true;
  });
}

const BALANCES = ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'];
const CARD_LIMITS = ['CREDIT_CARDS_ACCOUNTS_READ', 'CREDIT_CARDS_ACCOUNTS_LIMITS_READ', 'RESOURCES_READ'];
const CREDIT_OPERATIONS = PERMISSION_GROUPS.find((g) => g.category === 'Operações de Crédito')!.permissions;
const INVESTMENTS = PERMISSION_GROUPS.find((g) => g.category === 'Investimento')!.permissions;

describe('the permission groups table (DIGEST §2.4)', () => {
  it('covers all 36 permission codes, each group with RESOURCES_READ', () => {
    assert.equal(PERMISSIONS.length, 36);
    const covered = new Set(PERMISSION_GROUPS.flatMap((g) => g.permissions));
    assert.deepEqual(
      [...PERMISSIONS].filter((p) => !covered.has(p)),
      [],
    );
    for (const g of PERMISSION_GROUPS) assert.ok(g.permissions.includes('RESOURCES_READ'), g.name);
  });

  it('accepts every group on its own (PJ registration groups with a business entity)', () => {
    for (const g of PERMISSION_GROUPS) {
      const pj = g.permissions.some((p) => p.startsWith('CUSTOMERS_BUSINESS_'));
      assert.deepEqual(grantablePermissions({ permissions: g.permissions, ...(pj ? PJ : PF) }, ALL), [
        ...g.permissions,
      ]);
    }
  });

  it('accepts a union of whole groups sharing permissions, keeping the requested order', () => {
    const permissions = [
      'RESOURCES_READ',
      'ACCOUNTS_TRANSACTIONS_READ',
      'ACCOUNTS_READ',
      'ACCOUNTS_BALANCES_READ',
    ];
    assert.deepEqual(grantablePermissions({ permissions, ...PF }, ALL), permissions);
  });
});

describe('malformed permission lists are a 400', () => {
  it('refuses a code outside the table', () => {
    rejects(
      () => grantablePermissions({ permissions: [...BALANCES, 'PAYMENTS_INITIATE'], ...PF }, ALL),
      'PARAMETRO_INVALIDO',
    );
  });
  it('refuses a repeated code', () => {
    rejects(
      () => grantablePermissions({ permissions: [...BALANCES, 'ACCOUNTS_READ'], ...PF }, ALL),
      'PARAMETRO_INVALIDO',
    );
  });
  it('refuses an empty list as missing', () => {
    rejects(() => grantablePermissions({ permissions: [], ...PF }, ALL), 'PARAMETRO_NAO_INFORMADO');
  });
});

describe('group completeness → 422 COMBINACAO_PERMISSOES_INCORRETA', () => {
  const cases: Array<[string, string[]]> = [
    ['a group without RESOURCES_READ', ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ']],
    ['a group without its base permission', ['ACCOUNTS_BALANCES_READ', 'RESOURCES_READ']],
    ['RESOURCES_READ alone', ['RESOURCES_READ']],
    ['a whole group plus a stray permission', [...BALANCES, 'CREDIT_CARDS_ACCOUNTS_READ']],
    ['a grouped product asked in part', ['LOANS_READ', 'LOANS_PAYMENTS_READ', 'RESOURCES_READ']],
    [
      'credit operations missing one of its 17 codes',
      CREDIT_OPERATIONS.filter((p) => p !== 'INVOICE_FINANCINGS_PAYMENTS_READ'),
    ],
    [
      'card bills without bills transactions',
      ['CREDIT_CARDS_ACCOUNTS_READ', 'CREDIT_CARDS_ACCOUNTS_BILLS_READ', 'RESOURCES_READ'],
    ],
  ];
  for (const [name, permissions] of cases) {
    it(`refuses ${name}`, () => {
      rejects(() => grantablePermissions({ permissions, ...PF }, ALL), 'COMBINACAO_PERMISSOES_INCORRETA');
    });
  }
});

describe('PF/PJ rules', () => {
  const personal = ['CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', 'RESOURCES_READ'];
  const business = ['CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ', 'RESOURCES_READ'];

  it('refuses personal and business registration together (PERMISSAO_PF_PJ_EM_CONJUNTO)', () => {
    rejects(
      () =>
        grantablePermissions(
          { permissions: [...personal, 'CUSTOMERS_BUSINESS_IDENTIFICATIONS_READ'], ...PJ },
          ALL,
        ),
      'PERMISSAO_PF_PJ_EM_CONJUNTO',
    );
  });
  it('refuses business registration without a business entity (INFORMACOES_PJ_NAO_INFORMADAS)', () => {
    rejects(
      () => grantablePermissions({ permissions: business, ...PF }, ALL),
      'INFORMACOES_PJ_NAO_INFORMADAS',
    );
  });
  it('refuses personal registration on a PJ consent (PERMISSOES_PJ_INCORRETAS)', () => {
    rejects(() => grantablePermissions({ permissions: personal, ...PJ }, ALL), 'PERMISSOES_PJ_INCORRETAS');
  });
  it('accepts a PJ consent with business registration and accounts', () => {
    assert.deepEqual(
      grantablePermissions({ permissions: [...business, ...BALANCES.slice(0, 2)], ...PJ }, ALL),
      [...business, 'ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ'],
    );
  });
});

describe('products the brand does not offer', () => {
  const accountsOnly: ReadonlySet<Product> = new Set(['customers', 'accounts']);

  it('drops the permissions of an unsupported product and keeps the rest', () => {
    const granted = grantablePermissions(
      { permissions: [...BALANCES, ...CARD_LIMITS.slice(0, 2)], ...PF },
      accountsOnly,
    );
    assert.deepEqual(granted, BALANCES);
  });

  it('keeps a grouped product whole when the brand offers only part of it', () => {
    const loansOnly: ReadonlySet<Product> = new Set(['loans']);
    assert.deepEqual(grantablePermissions({ permissions: CREDIT_OPERATIONS, ...PF }, loansOnly), [
      ...CREDIT_OPERATIONS,
    ]);
  });

  it('drops a grouped product the brand offers none of', () => {
    const granted = grantablePermissions(
      { permissions: [...BALANCES, ...INVESTMENTS.filter((p) => p !== 'RESOURCES_READ')], ...PF },
      accountsOnly,
    );
    assert.deepEqual(new Set(granted), new Set(BALANCES));
  });

  it('answers SEM_PERMISSOES_FUNCIONAIS_RESTANTES when nothing functional remains', () => {
    rejects(
      () => grantablePermissions({ permissions: CARD_LIMITS, ...PF }, accountsOnly),
      'SEM_PERMISSOES_FUNCIONAIS_RESTANTES',
    );
  });

  it('offers by default what the connector implements', () => {
    const base = { customers: {}, accounts: {}, resources: {} } as unknown as CoreBankConnector;
    assert.deepEqual([...productsOfferedBy(base)].sort(), ['accounts', 'customers']);
    const full = { ...base, creditCards: {}, creditOperations: {} } as unknown as CoreBankConnector;
    assert.deepEqual([...productsOfferedBy(full)].sort(), [
      'accounts',
      'credit-cards-accounts',
      'customers',
      'financings',
      'invoice-financings',
      'loans',
      'unarranged-accounts-overdraft',
    ]);
  });
});
