import { defineErrors } from '../platform/http/index.ts';

/** Codes raised by the PKI helpers; callers on OAuth endpoints get them in the RFC 6749 shape. */
export const PkiErrors = defineErrors({
  /** The certificate does not carry the Open Finance transport subject (certificate standard §Certificado Cliente). */
  CERTIFICATE_SUBJECT_INVALID: {
    status: 400,
    title: 'Certificado sem os atributos Open Finance Brasil',
    oauthError: 'invalid_client_metadata',
  },
  /** No chain from the certificate to a trusted CA, or a certificate of the chain is out of date. */
  CERTIFICATE_UNTRUSTED: { status: 401, title: 'Certificado não confiável', oauthError: 'invalid_client' },
});
