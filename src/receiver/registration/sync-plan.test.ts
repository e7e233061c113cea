import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HolderServer } from '../holders/holders.ts';
import type { ReceiverRegistrationRow } from '../schema.ts';
import { LEFT_DIRECTORY, needsSoftwareStatement, planSync } from './sync-plan.ts';

const OWN_ORG = 'org-own';
const server = (id: string, extra: Partial<HolderServer> = {}): HolderServer => ({
  orgId: `org-${id}`,
  authorisationServerId: id,
  name: `Banco ${id}`,
  discoveryUrl: `https://${id}.example/.well-known/openid-configuration`,
  autoRegistrationSupported: true,
  endpoints: [],
  ...extra,
});
const row = (
  id: string,
  status: string,
  ssaFingerprint: string | null = 'v1:old',
): ReceiverRegistrationRow => ({
  id: `row-${id}`,
  softwareStatementId: 'ss-1',
  orgId: `org-${id}`,
  authorisationServerId: id,
  discoveryUrl: `https://${id}.example/.well-known/openid-configuration`,
  status,
  clientId: status === 'REGISTERED' ? `client-${id}` : null,
  registrationAccessToken: status === 'REGISTERED' ? Buffer.from('x') : null,
  registrationClientUri: null,
  metadata: null,
  holderName: `Banco ${id}`,
  ssaFingerprint,
  statusReason: null,
  lastError: null,
  syncedAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});
const summary = (actions: ReturnType<typeof planSync>) =>
  actions.map(
    (a) => `${a.kind}:${'server' in a ? a.server.authorisationServerId : a.row.authorisationServerId}`,
  );

describe('registration sync plan', () => {
  it('registers at new servers and retries failed or deleted ones that are listed', () => {
    const actions = planSync({
      rows: [row('failed', 'FAILED', null), row('back', 'DELETED')],
      listed: [server('new'), server('failed'), server('back')],
      ownOrgId: OWN_ORG,
      fingerprint: 'v1:now',
    });
    assert.deepEqual(summary(actions), ['register:new', 'register:failed', 'register:back']);
  });

  it('updates a registration whose fingerprint differs (or was never taken) and leaves the same one alone', () => {
    const actions = planSync({
      rows: [
        row('same', 'REGISTERED', 'v1:now'),
        row('changed', 'REGISTERED', 'v1:old'),
        row('legacy', 'REGISTERED', null),
      ],
      listed: [server('same'), server('changed'), server('legacy')],
      ownOrgId: OWN_ORG,
      fingerprint: 'v1:now',
    });
    assert.deepEqual(summary(actions), ['unchanged:same', 'update:changed', 'update:legacy']);
  });

  it('deletes registrations whose server left the list, once, with the reason', () => {
    const actions = planSync({
      rows: [row('gone', 'REGISTERED'), row('gone-failed', 'FAILED', null), row('gone-before', 'DELETED')],
      listed: [],
      ownOrgId: OWN_ORG,
      fingerprint: undefined,
    });
    assert.deepEqual(summary(actions), ['delete:gone', 'delete:gone-failed']);
    assert.ok(actions.every((a) => a.kind === 'delete' && a.reason === LEFT_DIRECTORY));
  });

  it('never registers at its own organisation or at servers without automatic registration', () => {
    const actions = planSync({
      rows: [row('manual-registered', 'REGISTERED', 'v1:now')],
      listed: [
        server('own', { orgId: OWN_ORG }),
        server('manual', { autoRegistrationSupported: false }),
        server('manual-registered', { autoRegistrationSupported: false }),
      ],
      ownOrgId: OWN_ORG,
      fingerprint: 'v1:now',
    });
    assert.deepEqual(summary(actions), ['unchanged:manual-registered']);
  });

  it('asks for our SSA only when something must be registered or compared', () => {
    const input = { ownOrgId: OWN_ORG };
    assert.equal(needsSoftwareStatement({ ...input, rows: [row('gone', 'REGISTERED')], listed: [] }), false);
    assert.equal(
      needsSoftwareStatement({ ...input, rows: [], listed: [server('own', { orgId: OWN_ORG })] }),
      false,
    );
    assert.equal(needsSoftwareStatement({ ...input, rows: [], listed: [server('new')] }), true);
    assert.equal(
      needsSoftwareStatement({
        ...input,
        rows: [row('kept', 'REGISTERED', 'v1:now')],
        listed: [server('kept')],
      }),
      true,
    );
  });
});
