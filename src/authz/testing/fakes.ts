import { randomUUID } from 'node:crypto';
import type {
  Account,
  CoreBankConnector,
  CoreResource,
  CustomerRef,
  ResourceType,
} from '../../connectors/index.ts';
import type { AuthzConsents, AuthzConsentView } from '../types.ts';

/**
 * Test fakes for the seams authz consumes: an in-memory consent service (the subset of
 * src/consents' ConsentAuthorization) and a tiny core bank (src/connectors/contract).
 */
export interface FakeConsent extends AuthzConsentView {
  brandId: string;
  customer?: CustomerRef;
  resources?: ReadonlyArray<{ type: ResourceType; id: string }>;
  rejection?: { rejectedBy: string; reason: string };
}

export interface FakeConsents extends AuthzConsents {
  create(input: {
    brandId: string;
    clientId: string;
    cpf: string;
    permissions?: string[];
    expiresAt?: Date | null;
  }): FakeConsent;
  get(consentId: string): FakeConsent | undefined;
  /** What DELETE /consents/{id} does to an authorised consent (consents 3.3.1 §2.5). */
  revoke(consentId: string): void;
}

export function createFakeConsents(now: () => Date = () => new Date()): FakeConsents {
  const consents = new Map<string, FakeConsent>();
  const must = (consentId: string) => {
    const consent = consents.get(consentId);
    if (!consent) throw new Error(`unknown consent ${consentId}`);
    return consent;
  };
  return {
    create({ brandId, clientId, cpf, permissions, expiresAt }) {
      const consent: FakeConsent = {
        brandId,
        consentId: `urn:ponte:${randomUUID()}`,
        clientId,
        status: 'AWAITING_AUTHORISATION',
        permissions: permissions ?? ['ACCOUNTS_READ', 'ACCOUNTS_BALANCES_READ', 'RESOURCES_READ'],
        expirationDateTime: expiresAt === undefined ? new Date(now().getTime() + 90 * 86_400_000) : expiresAt,
        loggedUser: { document: { identification: cpf, rel: 'CPF' } },
        businessEntity: null,
        products: [
          ...new Set(
            (permissions ?? ['ACCOUNTS_READ']).filter((p) => p.startsWith('ACCOUNTS')).map(() => 'accounts'),
          ),
        ],
      };
      consents.set(consent.consentId, consent);
      return consent;
    },
    get: (consentId) => consents.get(consentId),
    revoke(consentId) {
      const consent = must(consentId);
      consent.status = 'REJECTED';
      consent.rejection = { rejectedBy: 'USER', reason: 'CUSTOMER_MANUALLY_REVOKED' };
    },
    findForAuthorization(brandId, consentId, clientId) {
      const consent = consents.get(consentId);
      return Promise.resolve(
        consent?.brandId === brandId && consent.clientId === clientId ? consent : undefined,
      );
    },
    authorise(_tx, _brandId, consentId, input) {
      const consent = must(consentId);
      if (consent.status !== 'AWAITING_AUTHORISATION') throw new Error('not awaiting authorisation');
      Object.assign(consent, {
        status: 'AUTHORISED',
        customer: input.customer,
        resources: [...input.resources],
      });
      return Promise.resolve();
    },
    reject(_tx, _brandId, consentId, input) {
      Object.assign(must(consentId), { status: 'REJECTED', rejection: input });
      return Promise.resolve();
    },
    isActive(brandId, consentId, clientId) {
      const c = consents.get(consentId);
      const live = c?.expirationDateTime === null || (c !== undefined && c.expirationDateTime > now());
      return Promise.resolve(
        c?.brandId === brandId && c.clientId === clientId && c.status === 'AUTHORISED' && live,
      );
    },
  };
}

export interface FakeCustomer {
  cpf: string;
  customerId: string;
  accounts: Array<{ accountId: string; number: string }>;
}

const unused = () => Promise.reject(new Error('not used by authz tests'));

/** A core bank with a few natural-person customers and their checking accounts. */
export function createFakeConnector(customers: readonly FakeCustomer[]): CoreBankConnector {
  const byId = new Map(customers.map((c) => [c.customerId, c]));
  const resources = (ref: CustomerRef): CoreResource[] =>
    (byId.get(ref.customerId)?.accounts ?? []).map((a) => ({
      resourceId: a.accountId,
      type: 'ACCOUNT' as const,
      status: 'AVAILABLE' as const,
    }));
  const account = (a: FakeCustomer['accounts'][number]): Account => ({
    accountId: a.accountId,
    brandName: 'Banco Teste',
    companyCnpj: '11222333000181',
    type: 'CONTA_DEPOSITO_A_VISTA',
    compeCode: '001',
    branchCode: '0001',
    number: a.number,
    checkDigit: '7',
  });
  return {
    customers: {
      findCustomer: (_brandId, document) => {
        const found = customers.find((c) => document.type === 'CPF' && c.cpf === document.number);
        return Promise.resolve(found ? { customerId: found.customerId, personType: 'PESSOA_NATURAL' } : null);
      },
      getPersonalIdentifications: unused,
      getPersonalQualification: unused,
      getPersonalFinancialRelation: unused,
      getBusinessIdentifications: unused,
      getBusinessQualification: unused,
      getBusinessFinancialRelation: unused,
    },
    accounts: {
      listAccounts: (_brandId, ref) => {
        const items = (byId.get(ref.customerId)?.accounts ?? []).map(account);
        return Promise.resolve({ items, totalRecords: items.length, totalPages: 1 });
      },
      getAccount: unused,
      getBalances: unused,
      listTransactions: unused,
      getOverdraftLimits: unused,
    },
    resources: {
      listResources: (_brandId, ref, filter) =>
        Promise.resolve(resources(ref).filter((r) => !filter?.types || filter.types.includes(r.type))),
    },
  };
}
