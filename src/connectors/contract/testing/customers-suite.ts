import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CustomerRef } from '../common.ts';
import type { CustomerContacts } from '../customer-contacts.ts';
import { ConnectorErrorCode } from '../errors.ts';
import type { ContractContext, ContractSuite } from './fixtures.ts';
import {
  SPEC,
  assertAmount,
  assertCnpj,
  assertCpf,
  assertCpfOrCnpj,
  assertDate,
  assertDateTime,
  assertOneMain,
  assertRejectsWithCode,
} from './spec-formats.ts';

function assertContacts(contacts: CustomerContacts, label: string): void {
  assertOneMain(contacts.postalAddresses, `${label}.postalAddresses`);
  assertOneMain(contacts.phones, `${label}.phones`);
  assertOneMain(contacts.emails, `${label}.emails`);
  for (const a of contacts.postalAddresses) {
    assert.ok(a.townName.length > 0 && a.country.length > 0, 'an address has town and country');
    if (a.postCode !== undefined) assert.match(a.postCode, SPEC.postCode);
    if (a.ibgeTownCode !== undefined) assert.match(a.ibgeTownCode, SPEC.ibgeTownCode);
  }
  for (const p of contacts.phones) {
    assert.match(p.areaCode, SPEC.areaCode);
    assert.match(p.number, SPEC.phoneNumber);
  }
  for (const e of contacts.emails) assert.match(e.email, /^[^@\s]+@[^@\s]+\.[^@\s]+$/);
}

async function naturalPerson({ connector, fixtures }: ContractContext): Promise<CustomerRef> {
  const ref = await connector.customers.findCustomer(fixtures.brandId, {
    type: 'CPF',
    number: fixtures.naturalPerson.cpf,
  });
  assert.ok(ref, 'the natural person fixture exists');
  return ref;
}

async function legalPerson({ connector, fixtures }: ContractContext, cnpj: string): Promise<CustomerRef> {
  const ref = await connector.customers.findCustomer(fixtures.brandId, { type: 'CNPJ', number: cnpj });
  assert.ok(ref, 'the legal person fixture exists');
  return ref;
}

/** customers 2.2.1: finding customers, and their identification, qualification and relations. */
export const customersSuite: ContractSuite = {
  name: 'customers',
  register(ctx) {
    const { connector, fixtures } = ctx;
    const { brandId } = fixtures;

    void it('finds a natural person by bare CPF', async () => {
      const ref = await naturalPerson(ctx);
      assert.equal(ref.personType, 'PESSOA_NATURAL');
      assert.ok(ref.customerId.length > 0);
    });

    void it('does not find a CPF the brand does not know', async () => {
      const unknown = fixtures.unknownCpf ?? '00000000191';
      assert.equal(await connector.customers.findCustomer(brandId, { type: 'CPF', number: unknown }), null);
    });

    void it('does not find a customer under another brand', async () => {
      const doc = { type: 'CPF', number: fixtures.naturalPerson.cpf } as const;
      assert.equal(await connector.customers.findCustomer(fixtures.foreignBrandId, doc), null);
    });

    void it('returns the natural person identification in clear, in spec formats', async () => {
      const records = await connector.customers.getPersonalIdentifications(brandId, await naturalPerson(ctx));
      assert.ok(records.length >= 1);
      for (const r of records) {
        assert.equal(r.documents.cpfNumber, fixtures.naturalPerson.cpf);
        assert.match(r.personalId, SPEC.id);
        assert.ok(r.civilName.trim().length > 0 && r.civilName.length <= 70, 'civilName fits the spec');
        assertDate(r.birthDate, 'birthDate');
        assertDateTime(r.updateDateTime, 'updateDateTime');
        assert.ok(r.companiesCnpj.length >= 1);
        r.companiesCnpj.forEach((c) => assertCnpj(c, 'companiesCnpj'));
        assertContacts(r.contacts, 'contacts');
      }
    });

    void it('returns the natural person qualification', async () => {
      const q = await connector.customers.getPersonalQualification(brandId, await naturalPerson(ctx));
      assertCnpj(q.companyCnpj, 'companyCnpj');
      assertDateTime(q.updateDateTime, 'updateDateTime');
      if (q.informedIncome) {
        assertAmount(q.informedIncome.amount, 'informedIncome.amount');
        assertDate(q.informedIncome.date, 'informedIncome.date');
      }
      if (q.informedPatrimony)
        assertAmount(q.informedPatrimony.amount, 'informedPatrimony', { signed: true });
    });

    void it('lists in the financial relation the same accounts the accounts API lists', async () => {
      const ref = await naturalPerson(ctx);
      const relation = await connector.customers.getPersonalFinancialRelation(brandId, ref);
      assertDateTime(relation.startDate, 'startDate');
      assert.ok(relation.productsServicesType.length >= 1);
      relation.procurators.forEach((p) => assertCpf(p.cpfNumber, 'procurator cpfNumber'));
      const listed = await connector.accounts.listAccounts(brandId, ref, {
        page: { page: 1, pageSize: 1000 },
      });
      const key = (a: { compeCode: string; number: string; checkDigit: string }) =>
        `${a.compeCode}/${a.number}-${a.checkDigit}`;
      assert.deepEqual(relation.accounts.map(key).sort(), listed.items.map(key).sort());
    });

    void it('refuses business endpoints for a natural person', async () => {
      const ref = await naturalPerson(ctx);
      await assertRejectsWithCode(
        () => connector.customers.getBusinessIdentifications(brandId, ref),
        ConnectorErrorCode.CUSTOMER_NOT_FOUND,
        'business identification of a natural person',
      );
    });

    const cnpj = fixtures.legalPerson?.cnpj;
    if (cnpj === undefined) return;

    void it('finds a legal person by bare CNPJ and returns its identification', async () => {
      const ref = await legalPerson(ctx, cnpj);
      assert.equal(ref.personType, 'PESSOA_JURIDICA');
      const [record] = await connector.customers.getBusinessIdentifications(brandId, ref);
      assert.ok(record, 'at least one identification record');
      assert.equal(record.cnpjNumber, cnpj);
      assert.ok(record.companyName.trim().length > 0);
      assertDateTime(record.incorporationDate, 'incorporationDate');
      for (const party of record.parties) {
        if (party.documentType === 'CPF') assertCpf(party.documentNumber, 'party CPF');
        if (party.documentType === 'CNPJ') assertCnpj(party.documentNumber, 'party CNPJ');
      }
      assertContacts(record.contacts, 'contacts');
    });

    void it('returns the legal person qualification and financial relation', async () => {
      const ref = await legalPerson(ctx, cnpj);
      const q = await connector.customers.getBusinessQualification(brandId, ref);
      assertOneMain(q.economicActivities, 'economicActivities');
      q.economicActivities.forEach((a) => assert.match(a.code, SPEC.cnae));
      if (q.informedRevenue) assertAmount(q.informedRevenue.amount, 'informedRevenue', { signed: true });
      const relation = await connector.customers.getBusinessFinancialRelation(brandId, ref);
      relation.procurators.forEach((p) => assertCpfOrCnpj(p.cnpjCpfNumber, 'procurator document'));
      assert.ok(relation.productsServicesType.length >= 1);
    });

    void it('refuses personal endpoints for a legal person', async () => {
      const ref = await legalPerson(ctx, cnpj);
      await assertRejectsWithCode(
        () => connector.customers.getPersonalQualification(brandId, ref),
        ConnectorErrorCode.CUSTOMER_NOT_FOUND,
        'personal qualification of a legal person',
      );
    });
  },
};
