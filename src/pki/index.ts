// ICP-Brasil-shaped PKI for the simulated ecosystem and the certificate helpers the rest of Ponte
// uses on real certificates (DIGEST §5.2, §6.2 item 8).
export { createCertificateAuthority, loadCertificateAuthority } from './ca.ts';
export type {
  CaMaterial,
  CertificateAuthority,
  CreateCaOptions,
  IssuedCertificate,
  PersistedCertificateAuthority,
} from './ca.ts';
export { loadOrCreateCertificateAuthority } from './ca-files.ts';
export type {
  BusinessCategory,
  ServerCertificateInput,
  SigningCertificateInput,
  TransportCertificateInput,
} from './profiles.ts';
export { parseOpenFinanceSubject } from './subject.ts';
export type { OpenFinanceSubject } from './subject.ts';
export {
  certificateIssuer,
  certificateSubject,
  distinguishedNameMatch,
  formatDistinguishedName,
  parseDistinguishedName,
} from './distinguished-name.ts';
export type { DistinguishedName, DnAttribute, Rdn } from './distinguished-name.ts';
export { Oid } from './attributes.ts';
export { certificateThumbprint, jwkThumbprint } from './thumbprint.ts';
export { certificateJwk, publicJwk } from './jwk.ts';
export type { CertificateJwk, PublicJwk } from './jwk.ts';
export { verifyChain } from './chain.ts';
export { splitPemBundle, toX509 } from './certificate-input.ts';
export type { CertificateInput } from './certificate-input.ts';
export { PkiErrors } from './errors.ts';
