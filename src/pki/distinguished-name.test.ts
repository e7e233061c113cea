import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Oid } from './attributes.ts';
import {
  distinguishedNameMatch,
  formatDistinguishedName,
  parseDistinguishedName,
} from './distinguished-name.ts';

// Certificate standard 1 ID2-ptbr, "Subject DN em RDN - Conforme RFC4514 - Padrão do Ecossistema".
const ECOSYSTEM_FORM =
  'CN=web.conftpp.directory.openbankingbrasil.org.br,UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,' +
  '2.5.4.97=#0c2a4f464242522d64373338346264302d383432662d343363352d626530322d396432623264356566633263,' +
  'L=Sao Paulo,ST=SP,O=Chicago Advisory Partners,C=BR,2.5.4.5=#130e3433313432363636303030313937,' +
  '1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e';
// The same subject, "Legível para Humanos".
const NAMED_FORM =
  'CN=web.conftpp.directory.openbankingbrasil.org.br,UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,' +
  'organizationIdentifier=OFBBR-d7384bd0-842f-43c5-be02-9d2b2d5efc2c,L=Sao Paulo,ST=SP,' +
  'O=Chicago Advisory Partners,C=BR,serialNumber=43142666000197,jurisdictionC=BR,businessCategory=Private Organization';
// The same subject, every attribute as OID=#hex ("RDN usando OID - ANS.1").
const OID_FORM =
  '2.5.4.3=#0C2E7765622E636F6E667470702E6469726563746F72792E6F70656E62616E6B696E6762726173696C2E6F72672E6272,' +
  '0.9.2342.19200300.100.1.1=#0C2462633937623866302D636165302D346632662D393937382D643933663065353661383333,' +
  '2.5.4.97=#0C2A4F464242522D64373338346264302D383432662D343363352D626530322D396432623264356566633263,' +
  '2.5.4.7=#0C0953616F205061756C6F,2.5.4.8=#0C025350,2.5.4.10=#0C194368696361676F2041647669736F727920506172746E657273,' +
  '2.5.4.6=#13024252,2.5.4.5=#130E3433313432363636303030313937,1.3.6.1.4.1.311.60.2.1.3=#13024252,' +
  '2.5.4.15=#0C1450726976617465204F7267616E697A6174696F6E';

describe('parseDistinguishedName', () => {
  it('reads an RFC 4514 string into ASN.1 order, most significant RDN first', () => {
    const dn = parseDistinguishedName(NAMED_FORM);
    assert.equal(dn.length, 10);
    assert.deepEqual(dn[0]?.[0]?.type, Oid.businessCategory);
    assert.deepEqual(dn[9]?.[0]?.value, 'web.conftpp.directory.openbankingbrasil.org.br');
  });

  it('decodes #hex values of any string type to text', () => {
    const dn = parseDistinguishedName(OID_FORM);
    const org = dn.flat().find((a) => a.type === Oid.organizationIdentifier);
    assert.equal(org?.value, 'OFBBR-d7384bd0-842f-43c5-be02-9d2b2d5efc2c');
    assert.equal(dn.flat().find((a) => a.type === Oid.serialNumber)?.value, '43142666000197');
  });

  it('handles escaped separators, hex escapes, quoted values and multi-valued RDNs', () => {
    const dn = parseDistinguishedName('CN=Banco\\, S.A.+UID=abc,O="Ponte; Ltda",L=S\\C3\\A3o Paulo');
    assert.equal(dn.length, 3);
    assert.deepEqual(
      dn[2]?.map((a) => a.value),
      ['Banco, S.A.', 'abc'],
    );
    assert.equal(dn[1]?.[0]?.value, 'Ponte; Ltda');
    assert.equal(dn[0]?.[0]?.value, 'São Paulo');
  });

  it("reads Node's one-attribute-per-line subject in ASN.1 order", () => {
    const dn = parseDistinguishedName('C=BR\nO=Ponte\nCN=api.ponte.localhost');
    assert.deepEqual(
      dn.map((rdn) => rdn[0]?.type),
      [Oid.countryName, Oid.organizationName, Oid.commonName],
    );
  });

  it('reads the OpenSSL one-line form with an explicit ASN.1 order', () => {
    const dn = parseDistinguishedName('subject=C = BR, O = Ponte, CN = api.ponte.localhost', {
      order: 'asn1',
    });
    assert.equal(dn[0]?.[0]?.value, 'BR');
    assert.equal(dn[2]?.[0]?.value, 'api.ponte.localhost');
  });

  it('refuses unknown attribute names and broken hex', () => {
    assert.throws(() => parseDistinguishedName('FOO=bar'), /unknown attribute type/);
    assert.throws(() => parseDistinguishedName('2.5.4.3=#0c0'), /odd or empty/);
    assert.throws(() => parseDistinguishedName('CN'), /without "="/);
  });
});

describe('formatDistinguishedName', () => {
  it("writes the ecosystem's RFC 4514 form: descriptors by name, the other types as OID=#hex", () => {
    assert.equal(formatDistinguishedName(parseDistinguishedName(NAMED_FORM)), ECOSYSTEM_FORM);
  });

  it('escapes what RFC 4514 §2.4 requires and reads back the same name', () => {
    const text = formatDistinguishedName(parseDistinguishedName('CN=\\#a\\,b\\+c\\ ,O=x'));
    assert.equal(text, 'CN=\\#a\\,b\\+c\\ ,O=x');
    assert.ok(distinguishedNameMatch(text, 'CN=\\#a\\,b\\+c\\ ,O=x'));
  });
});

describe('distinguishedNameMatch (RFC 4517 §4.2.15)', () => {
  it('equates the named, ecosystem and all-OID forms of the same subject', () => {
    assert.ok(distinguishedNameMatch(NAMED_FORM, ECOSYSTEM_FORM));
    assert.ok(distinguishedNameMatch(OID_FORM, NAMED_FORM));
  });

  it('ignores case, insignificant spaces and the ASN.1 string type of values', () => {
    assert.ok(distinguishedNameMatch('CN=Api.Ponte ,  O=Banco   Ponte', 'cn=api.ponte,o=banco ponte'));
    // organizationIdentifier as PrintableString (#13) and as UTF8String (#0C): same text, same value.
    assert.ok(distinguishedNameMatch('2.5.4.97=#1303414243', '2.5.4.97=#0c03616263'));
    assert.ok(distinguishedNameMatch('UID=abc', '0.9.2342.19200300.100.1.1=ABC'));
    assert.ok(distinguishedNameMatch('OID.2.5.4.3=x', 'CN=x'));
  });

  it('compares multi-valued RDNs as sets', () => {
    assert.ok(distinguishedNameMatch('CN=a+UID=b,O=c', 'UID=b+CN=a,O=c'));
  });

  it('tells apart different values, types, orders and lengths', () => {
    assert.ok(!distinguishedNameMatch('CN=a,O=b', 'CN=a,O=c'));
    assert.ok(!distinguishedNameMatch('CN=a,O=b', 'CN=a,OU=b'));
    assert.ok(!distinguishedNameMatch('CN=a,O=b', 'O=b,CN=a'));
    assert.ok(!distinguishedNameMatch('CN=a,O=b', 'CN=a,O=b,C=BR'));
    assert.ok(!distinguishedNameMatch('CN=a+UID=b', 'CN=a,UID=b'));
    assert.ok(!distinguishedNameMatch(NAMED_FORM, NAMED_FORM.replace('OFBBR-d7384bd0', 'OFBBR-e7384bd0')));
  });

  it('matches nothing when a side cannot be parsed', () => {
    assert.ok(!distinguishedNameMatch('garbage', 'garbage'));
  });
});
