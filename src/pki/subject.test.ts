import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../platform/errors/index.ts';
import { parseOpenFinanceSubject } from './subject.ts';

// DCR 1 ID3 "Certificate Distinguished Name Parsing": examples for CAs active until 2022-08-31
// (org id in OU) and after (2.5.4.97 as PrintableString #13).
const LEGACY_OU =
  'UID=67c57882-043b-11ec-9a03-0242ac130003,1.3.6.1.4.1.311.60.2.1.3=#13024252,' +
  '2.5.4.15=#131450726976617465204f7267616e697a6174696f6e,2.5.4.5=#130e3133333533323336303030313839,' +
  'CN=mycn.bank.gov.br,OU=497e1ffe-b2a2-4a4e-8ef0-70633fd11b59,O=My Public Bank,L=BRASILIA,ST=DF,C=BR';
const OID_PRINTABLE =
  'UID=67c57882-043b-11ec-9a03-0242ac130003,1.3.6.1.4.1.311.60.2.1.3=#13024252,' +
  '2.5.4.15=#131450726976617465204f7267616e697a6174696f6e,CN=mycn.bank.gov.br,' +
  '2.5.4.5=#130e3133333533323336303030313839,' +
  '2.5.4.97=#132A4F464242522D36376335373838322D303433622D313165632D396130332D303234326163313330303033,' +
  'O=My Public Bank,L=BRASILIA,ST=DF,C=BR';

function subjectError(fn: () => unknown): void {
  assert.throws(
    fn,
    (error: unknown) => error instanceof AppError && error.code === 'CERTIFICATE_SUBJECT_INVALID',
  );
}

describe('parseOpenFinanceSubject from DN strings', () => {
  it('reads organizationIdentifier given as OID=#hex and strips OFBBR-', () => {
    const subject = parseOpenFinanceSubject(OID_PRINTABLE);
    assert.equal(subject.orgId, '67c57882-043b-11ec-9a03-0242ac130003');
    assert.equal(subject.orgIdSource, 'organizationIdentifier');
    assert.equal(subject.softwareStatementId, '67c57882-043b-11ec-9a03-0242ac130003');
    assert.equal(subject.cnpj, '13353236000189');
    assert.equal(subject.businessCategory, 'Private Organization');
    assert.equal(subject.commonName, 'mycn.bank.gov.br');
    assert.equal(subject.organizationName, 'My Public Bank');
  });

  it('accepts the legacy form with the org id in OU', () => {
    const subject = parseOpenFinanceSubject(LEGACY_OU);
    assert.equal(subject.orgId, '497e1ffe-b2a2-4a4e-8ef0-70633fd11b59');
    assert.equal(subject.orgIdSource, 'organizationalUnitName');
    assert.equal(subject.jurisdictionCountryName, 'BR');
  });

  it('reads the named form', () => {
    const subject = parseOpenFinanceSubject(
      'CN=tpp.example.com.br,UID=ss-1,organizationIdentifier=ofbbr-org-1,O=TPP,C=BR,serialNumber=43142666000197',
    );
    assert.deepEqual([subject.softwareStatementId, subject.orgId], ['ss-1', 'org-1']);
  });

  it('refuses a subject without UID, without org id, or with an organizationIdentifier of another scheme', () => {
    subjectError(() => parseOpenFinanceSubject('CN=x,2.5.4.97=#0c0a4f464242522d6f7267,O=y'));
    subjectError(() => parseOpenFinanceSubject('CN=x,UID=ss-1,O=y'));
    subjectError(() => parseOpenFinanceSubject('CN=x,UID=ss-1,organizationIdentifier=PSDBR-org-1'));
    subjectError(() => parseOpenFinanceSubject('this is not a DN'));
  });
});

describe('parseOpenFinanceSubject from a certificate made by OpenSSL with brcac.cnf', () => {
  let pem: string;
  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ponte-brcac-'));
    fs.writeFileSync(
      path.join(dir, 'brcac.cnf'),
      [
        '[req]',
        'prompt = no',
        'string_mask = utf8only',
        'distinguished_name = dn',
        '[dn]',
        'businessCategory = Private Organization',
        'jurisdictionCountryName = BR',
        'serialNumber = 43142666000197',
        'countryName = BR',
        'organizationName = Chicago Advisory Partners',
        'stateOrProvinceName = SP',
        'localityName = Sao Paulo',
        'organizationIdentifier = OFBBR-d7384bd0-842f-43c5-be02-9d2b2d5efc2c',
        'UID = bc97b8f0-cae0-4f2f-9978-d93f0e56a833',
        'commonName = web.conftpp.directory.openbankingbrasil.org.br',
        '',
      ].join('\n'),
    );
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-config',
        'brcac.cnf',
        '-keyout',
        'k.pem',
        '-out',
        'c.pem',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    pem = fs.readFileSync(path.join(dir, 'c.pem'), 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the fields from the DER and gives the ecosystem DN string', () => {
    const subject = parseOpenFinanceSubject(new X509Certificate(pem));
    assert.equal(subject.softwareStatementId, 'bc97b8f0-cae0-4f2f-9978-d93f0e56a833');
    assert.equal(subject.orgId, 'd7384bd0-842f-43c5-be02-9d2b2d5efc2c');
    assert.equal(subject.cnpj, '43142666000197');
    assert.match(
      subject.distinguishedName,
      /^CN=web\.conftpp\.directory\.openbankingbrasil\.org\.br,UID=bc97b8f0/,
    );
  });

  it("gives the same answer from a PEM and from Node's printed subject", () => {
    const fromPem = parseOpenFinanceSubject(pem);
    const fromPrinted = parseOpenFinanceSubject(new X509Certificate(pem).subject);
    assert.deepEqual(fromPrinted.orgId, fromPem.orgId);
    assert.deepEqual(fromPrinted.softwareStatementId, fromPem.softwareStatementId);
  });
});
