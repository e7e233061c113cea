import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentPage } from './consent-page.ts';
import { dataGroupsOf } from './data-groups.ts';
import { escapeHtml, html } from './html.ts';
import { loginPage } from './login-page.ts';

const brand = { name: 'Banco <Aurora>', primaryColor: '#7a1fa2' };
/** Whitespace-insensitive view of a page (the templates are formatted freely). */
const flat = (page: string) => page.replace(/\s+/g, ' ');

describe('customer pages', () => {
  it('escapes every interpolated value', () => {
    assert.equal(escapeHtml(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    assert.equal(html`<p>${'<script>'}</p>`.value, '<p>&lt;script&gt;</p>');
  });

  it('renders the login page in pt-BR with labelled cpf and password fields', () => {
    const page = flat(
      loginPage({
        brand,
        action: '/interaction/u1/login',
        clientName: 'Receptor <X>',
        error: 'CPF ou senha incorretos.',
      }),
    );
    assert.match(page, /<html lang="pt-BR">/);
    assert.match(page, /<label for="cpf">CPF<\/label>/);
    assert.match(page, /<input type="text" id="cpf" name="cpf"/);
    assert.match(page, /<label for="password">Senha<\/label>/);
    assert.match(page, /name="password"/);
    assert.match(page, /role="alert"> ?CPF ou senha incorretos\./);
    assert.match(page, /Receptor &lt;X&gt;/);
    assert.match(page, /Banco &lt;Aurora&gt;/);
    assert.doesNotMatch(page, /<link|<script|https?:\/\//, 'no external assets, no scripts');
  });

  it('falls back to a neutral colour when the brand colour is not a plain hex colour', () => {
    const page = loginPage({
      brand: { name: 'B', primaryColor: 'red;} body{display:none' },
      action: '/a',
      clientName: 'c',
    });
    assert.match(page, /--primary:#1f4e99/);
    assert.doesNotMatch(page, /display:none/);
  });

  it('shows the receiver, the data groups in Portuguese, the expiry and a checkbox per resource', () => {
    const page = flat(
      consentPage({
        brand,
        action: '/interaction/u1/consent',
        clientName: 'Receptor X',
        permissions: [
          'ACCOUNTS_READ',
          'ACCOUNTS_BALANCES_READ',
          'ACCOUNTS_TRANSACTIONS_READ',
          'RESOURCES_READ',
        ],
        expirationDateTime: new Date('2026-01-31T12:00:00Z'),
        choices: [{ type: 'ACCOUNT', value: 'ACCOUNT:acc-1', label: 'Conta corrente · nº 12345-7' }],
        familyLabels: { ACCOUNT: 'Contas' } as never,
      }),
    );
    assert.match(page, /<h1>Confirmar compartilhamento de dados<\/h1>/);
    assert.match(page, /<strong>Contas:<\/strong> Saldos/);
    assert.match(page, /<strong>Contas:<\/strong> Extratos/);
    assert.match(page, /até 31\/01\/2026/);
    assert.match(page, /<legend>Contas<\/legend>/);
    assert.match(page, /type="checkbox" id="r-ACCOUNT-0" name="resources" value="ACCOUNT:acc-1" checked/);
    assert.match(page, /name="action" value="confirm"/);
    assert.match(page, /name="action" value="refuse"/);
  });

  it('says "prazo indeterminado" for consents without an expiry', () => {
    const page = flat(
      consentPage({
        brand,
        action: '/a',
        clientName: 'R',
        permissions: ['CUSTOMERS_PERSONAL_IDENTIFICATIONS_READ', 'RESOURCES_READ'],
        expirationDateTime: null,
        choices: [],
        familyLabels: {} as never,
      }),
    );
    assert.match(page, /prazo indeterminado/);
    assert.match(page, /<strong>Cadastro:<\/strong> Dados cadastrais/);
  });

  it('groups credit operations into one "Dados do contrato" line (permission groups, DIGEST §2.4)', () => {
    const groups = dataGroupsOf(['LOANS_READ', 'FINANCINGS_READ', 'LOANS_PAYMENTS_READ', 'RESOURCES_READ']);
    assert.deepEqual(groups, [{ category: 'Operações de crédito', label: 'Dados do contrato' }]);
  });
});
