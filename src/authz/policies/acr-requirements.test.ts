import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACR_LOA2, ACR_LOA3 } from '../provider/acr.ts';
import { acrRequirement, DEFAULT_ACR_POLICY, meetsAcrRequirement } from './acr-requirements.ts';

const essential = (values: string[]) => JSON.stringify({ id_token: { acr: { essential: true, values } } });
const LOA3_FOR_PAYMENTS = { minimumForPayments: ACR_LOA3 } as const;

describe('acr requirements (FAPI-BR 1.0 ID3 §5.2.2.4, OIDC Core §5.5.1.1)', () => {
  it('accepts either level when the client asks for loa2 or loa3 as essential, as receivers do', () => {
    const requirement = acrRequirement({ claims: essential([ACR_LOA2, ACR_LOA3]) }, DEFAULT_ACR_POLICY);
    assert.ok(meetsAcrRequirement(ACR_LOA2, requirement));
    assert.ok(meetsAcrRequirement(ACR_LOA3, requirement));
  });

  it('refuses a level outside the essential values, in both directions', () => {
    assert.ok(
      !meetsAcrRequirement(ACR_LOA2, acrRequirement({ claims: essential([ACR_LOA3]) }, DEFAULT_ACR_POLICY)),
    );
    assert.ok(
      !meetsAcrRequirement(ACR_LOA3, acrRequirement({ claims: essential([ACR_LOA2]) }, DEFAULT_ACR_POLICY)),
    );
  });

  it('reads a single essential value, and ignores a voluntary acr request', () => {
    const single = JSON.stringify({ id_token: { acr: { essential: true, value: ACR_LOA3 } } });
    assert.ok(!meetsAcrRequirement(ACR_LOA2, acrRequirement({ claims: single }, DEFAULT_ACR_POLICY)));
    const voluntary = JSON.stringify({ id_token: { acr: { values: [ACR_LOA3] } } });
    assert.ok(meetsAcrRequirement(ACR_LOA2, acrRequirement({ claims: voluntary }, DEFAULT_ACR_POLICY)));
    assert.ok(meetsAcrRequirement(ACR_LOA2, acrRequirement({ claims: 'not json' }, DEFAULT_ACR_POLICY)));
  });

  it("applies the brand's payments minimum only to requests with a read-write scope", () => {
    const payment = acrRequirement({ scope: 'openid payments consent:urn:x' }, LOA3_FOR_PAYMENTS);
    assert.ok(!meetsAcrRequirement(ACR_LOA2, payment));
    assert.ok(meetsAcrRequirement(ACR_LOA3, payment));
    const data = acrRequirement({ scope: 'openid accounts consent:urn:x' }, LOA3_FOR_PAYMENTS);
    assert.ok(meetsAcrRequirement(ACR_LOA2, data));
    // By default the payments minimum is loa2: the spec suggests loa3, the institution decides.
    assert.ok(
      meetsAcrRequirement(ACR_LOA2, acrRequirement({ scope: 'openid payments' }, DEFAULT_ACR_POLICY)),
    );
  });
});
