import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../../platform/errors/index.ts';
import { apiBase, findHolder, type HolderServer } from './holders.ts';

const server = (id: string, orgId: string, endpoints: HolderServer['endpoints']): HolderServer => ({
  orgId,
  authorisationServerId: id,
  name: id,
  discoveryUrl: `https://${id}.example/.well-known/openid-configuration`,
  autoRegistrationSupported: true,
  endpoints,
});

const consentsOnly = server('as-1', 'org-1', [
  { family: 'consents', endpoint: 'https://api.one.example/prefix/open-banking/consents/v3/consents' },
]);
const published = server('as-2', 'org-2', [
  { family: 'consents', endpoint: 'https://api.two.example/open-banking/consents/v3/consents' },
  { family: 'accounts', endpoint: 'https://data.two.example/open-banking/accounts/v2/accounts' },
  {
    family: 'customers-personal',
    endpoint: 'https://people.two.example/open-banking/customers/v2/personal/identifications',
  },
]);
const sameOrg = server('as-3', 'org-2', []);

describe('holder directory', () => {
  it('finds a holder by authorisation server id, or by organisation when it has one server', () => {
    assert.equal(findHolder([consentsOnly, published, sameOrg], 'as-2'), published);
    assert.equal(findHolder([consentsOnly, published, sameOrg], 'org-1'), consentsOnly);
  });

  it('refuses an unknown holder and an organisation with several brands', () => {
    const unknown = (e: unknown) => isAppError(e) && e.code === 'RECEIVER_UNKNOWN_HOLDER';
    assert.throws(() => findHolder([consentsOnly], 'nobody'), unknown);
    assert.throws(() => findHolder([published, sameOrg], 'org-2'), unknown);
  });

  it('takes an API base from the family the directory publishes, with its prefix', () => {
    assert.equal(apiBase(published, 'accounts', 2), 'https://data.two.example/open-banking/accounts/v2');
    assert.equal(apiBase(published, 'customers', 2), 'https://people.two.example/open-banking/customers/v2');
  });

  it('falls back to the consents endpoint root for families the directory does not list', () => {
    assert.equal(apiBase(consentsOnly, 'loans', 2), 'https://api.one.example/prefix/open-banking/loans/v2');
    assert.equal(apiBase(published, 'resources', 3), 'https://api.two.example/open-banking/resources/v3');
  });
});
