import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../platform/clock/index.ts';
import { listParticipants } from './participants.ts';
import { createDirectoryRegistry } from './registry.ts';
import { softwareStatementClaims } from './ssa-claims.ts';

const ORG = '11111111-1111-4111-a111-111111111111';
const SS = '22222222-2222-4222-a222-222222222222';

function registryWithOneHolder() {
  const registry = createDirectoryRegistry({ clock: fixedClock('2025-01-01T00:00:00Z') });
  registry.addOrganisation({
    organisationId: ORG,
    legalEntityName: 'Banco Teste S.A.',
    registrationNumber: '11222333000181',
    roles: ['DADOS'],
  });
  registry.addSoftware({
    organisationId: ORG,
    softwareStatementId: SS,
    clientName: 'Teste',
    roles: ['DADOS'],
    redirectUris: ['https://a.example/cb'],
  });
  const server = (name: string) =>
    registry.addAuthorisationServer({
      organisationId: ORG,
      customerFriendlyName: name,
      customerFriendlyLogoUri: 'https://a.example/logo.svg',
      openIdDiscoveryDocument: `https://${name}.example/.well-known/openid-configuration`,
      payloadSigningCertLocationUri: `https://${name}.example/jwks`,
      apiResources: [],
    });
  return { registry, first: server('um'), second: server('dois') };
}

describe('directory registry changes', () => {
  it('takes one authorisation server off the participants list and leaves the others', () => {
    const { registry, first, second } = registryWithOneHolder();
    assert.equal(registry.removeAuthorisationServer(ORG, first.authorisationServerId), true);
    assert.equal(registry.removeAuthorisationServer(ORG, first.authorisationServerId), false);
    const listed = listParticipants(registry)[0]!.AuthorisationServers.map((s) => s.AuthorisationServerId);
    assert.deepEqual(listed, [second.authorisationServerId]);
  });

  it('changes what the software statement says and keeps what was not changed', () => {
    const { registry } = registryWithOneHolder();
    const updated = registry.updateSoftware(ORG, SS, {
      redirectUris: ['https://a.example/cb', 'https://a.example/cb2'],
      webhookUris: undefined,
    });
    assert.deepEqual(updated.redirectUris, ['https://a.example/cb', 'https://a.example/cb2']);
    assert.deepEqual(updated.webhookUris, []);
    const claims = softwareStatementClaims({
      organisation: registry.organisation(ORG)!,
      software: registry.software(ORG, SS)!,
      issuer: 'Open Banking Open Banking Brasil sandbox SSA issuer',
      keystore: 'https://keystore.example',
      issuedAt: 0,
    });
    assert.deepEqual(claims.software_redirect_uris, ['https://a.example/cb', 'https://a.example/cb2']);
    assert.equal(claims.software_client_name, 'Teste');
    assert.throws(() => registry.updateSoftware(ORG, 'nope', { clientName: 'x' }), /unknown software/);
  });
});
