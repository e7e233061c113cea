/**
 * What Ponte never writes to a log: credentials, keys and personal data (LGPD). Matching is by
 * field name, at any depth of plain objects, because personal data arrives nested in spec bodies
 * (e.g. consents `loggedUser.document.identification` holds a CPF).
 */

export const CENSOR = '[REDACTED]';

/** Keys compared after lower-casing and dropping `-` and `_` (`access_token` = `accessToken`). */
const EXACT_KEYS = new Set([
  // HTTP credentials and client certificates forwarded by a TLS-terminating proxy (DESIGN §1)
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'xclientcert',
  'xsslclientcert',
  'sslclientcert',
  'xforwardedclientcert',
  'xamznmtlsclientcert',
  'clientcert',
  'clientcertificate',
  // secrets and keys
  'key',
  'privatekey',
  'secretkey',
  'passphrase',
  'jwk',
  'clientassertion',
  'codeverifier',
  // personal data
  'name',
  'fullname',
  'civilname',
  'socialname',
  'firstname',
  'lastname',
  'mothername',
  'document',
  'documentnumber',
  'identification',
  'birthdate',
  'address',
  'addresses',
  'addressline',
  'postaladdress',
  'xfapicustomeripaddress',
  'customeripaddress',
]);

/** Any key containing one of these is censored (`registrationAccessToken`, `clientSecret`, `cpfNumber`). */
const KEY_FRAGMENTS = ['password', 'passwd', 'secret', 'token', 'cpf', 'cnpj', 'email', 'phone'];

export function isSensitiveKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, '');
  if (EXACT_KEYS.has(normalised)) return true;
  return KEY_FRAGMENTS.some((fragment) => normalised.includes(fragment));
}

const MAX_DEPTH = 8;

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a copy of `value` with sensitive fields censored. Only plain objects and arrays are
 * walked (class instances such as requests and errors are left to their serializers), plus
 * objects sharing the prototype `alsoWalk` (pino's serialised errors); the input is never mutated.
 */
export function scrub(value: unknown, alsoWalk: object | null = null, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return CENSOR;
  if (Array.isArray(value)) return value.map((item) => scrub(item, alsoWalk, depth + 1));
  if (!isPlain(value) && Object.getPrototypeOf(value) !== alsoWalk) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? CENSOR : scrub(item, alsoWalk, depth + 1);
  }
  return out;
}

/** Scrubs the output of pino's error serializer, including nested causes and AppError `detail`. */
export function scrubSerializedError(serialized: object): unknown {
  return scrub(serialized, Object.getPrototypeOf(serialized) as object | null);
}

/**
 * pino `redact` paths for values produced by serializers after `scrub` has run (Fastify's `req`
 * and `res` serializers, or a custom one that includes headers).
 */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  ...['req', 'res', 'request', 'response'].flatMap((holder) =>
    [
      'authorization',
      'cookie',
      'set-cookie',
      'proxy-authorization',
      'x-client-cert',
      'x-ssl-client-cert',
      'ssl-client-cert',
      'x-forwarded-client-cert',
      'x-amzn-mtls-clientcert',
      'x-fapi-customer-ip-address',
    ].map((header) => `${holder}.headers["${header}"]`),
  ),
];
