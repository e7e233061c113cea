import { Type, type Static } from 'typebox';

/**
 * The installation file (`ponte start --config <file>`, or PONTE_CONFIG): everything an
 * institution declares to run Ponte: the directory it trusts, its brands (holders) and receiver
 * brands, its listeners. Published as `docs/installation.schema.json` (generated from this file,
 * checked by a test). File paths are relative to the installation file's folder; any string may
 * use `${ENV_VAR}` for secrets.
 */

const Strict = { additionalProperties: false } as const;
const Text = (description: string, extra: object = {}) =>
  Type.String({ minLength: 1, description, ...extra });
const Url = (description: string) => Text(description, { pattern: '^https?://' });
const Port = (description: string) => Type.Integer({ minimum: 0, maximum: 65535, description });

/** A certificate and its private key, as PEM files (a KMS/HSM key provider can replace `keyFile`). */
const CertificatePair = Type.Object(
  {
    certificateFile: Text('PEM certificate (chain) file.'),
    keyFile: Text('PEM private key file (PKCS#8 or PKCS#1), readable by Ponte only.'),
  },
  Strict,
);

export const DirectorySchema = Type.Object(
  {
    preset: Type.Optional(
      Text(
        'The Open Finance Brasil directory: `sandbox` or `production`. Explicit URLs below override single entries.',
        { examples: ['sandbox', 'production'] },
      ),
    ),
    participantsUrl: Type.Optional(Url('Public participants list.')),
    keystoreUrl: Type.Optional(Url('Keystore base (`<keystore>/<org>/<software>/application.jwks`).')),
    keystoreJwksUrl: Type.Optional(Url('The directory’s SSA signing keys (`openbanking.jwks`).')),
    tokenUrl: Type.Optional(Url('The directory’s mTLS token endpoint (client_credentials).')),
    apiUrl: Type.Optional(
      Url(
        'Base of the mTLS directory API; SSAs are fetched from `<api>/organisations/{orgId}/softwarestatements/{softwareStatementId}/assertion`.',
      ),
    ),
    ssaIssuer: Type.Optional(Text('The SSA `iss` the directory signs with (set by the preset).')),
    caFile: Type.Optional(
      Text('Extra trusted CA bundle (PEM) for the directory and the participants (e.g. a sandbox CA).'),
    ),
    allowLoopback: Type.Optional(
      Type.Boolean({
        description:
          'Participants on this machine (a simulator sandbox): outbound fetches may reach loopback. Never in production.',
      }),
    ),
  },
  Strict,
);

export const TrafficLimitsSchema = Type.Object(
  {
    globalTps: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description:
          'Capacity in requests per second across the brand (529 above it); at least 300; null: off.',
      }),
    ),
    tpm: Type.Optional(
      Type.Union(
        [
          Type.Object(
            {
              MEDIUM_HIGH: Type.Integer({ minimum: 1 }),
              MEDIUM: Type.Integer({ minimum: 1 }),
              LOW: Type.Integer({ minimum: 1 }),
            },
            Strict,
          ),
          Type.Null(),
        ],
        {
          description:
            'Per-client requests per minute by frequency class; at least 2000/1500/1000; null: off.',
        },
      ),
    ),
    operational: Type.Optional(
      Type.Boolean({
        description: 'Monthly operational limits per endpoint (regulatory minimums) on; default true.',
      }),
    ),
    operationalOverrides: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]), {
        description:
          'Per-endpoint monthly limits (endpoint id → limit, at least the regulatory one; null: off).',
      }),
    ),
    openDataTpmPerIp: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'Open data requests per minute per IP; at least 500; null: off.',
      }),
    ),
  },
  Strict,
);

export const CustomerAuthSchema = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('login-api'),
        url: Url('The institution’s login API: POST {cpf, password} → 200 {authenticated, cpf, acr}.'),
        headers: Type.Optional(Type.Record(Type.String(), Type.String())),
        timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000 })),
        caFile: Type.Optional(Text('CA bundle of the login API’s TLS server.')),
      },
      Strict,
    ),
    Type.Object(
      {
        kind: Type.Literal('oidc'),
        issuer: Url('The institution’s identity provider (OIDC discovery).'),
        clientId: Text('Ponte’s client id at the identity provider.'),
        clientSecret: Type.Optional(Text('Client secret (use ${ENV_VAR}).')),
        privateKeyFile: Type.Optional(Text('Private key for private_key_jwt instead of a secret.')),
        scope: Type.Optional(Text('Scopes to ask for; default `openid`.')),
        cpfClaim: Type.Optional(Text('Claim carrying the customer’s CPF; default `cpf`.')),
        caFile: Type.Optional(Text('CA bundle of the identity provider’s TLS server.')),
      },
      Strict,
    ),
    Type.Object(
      {
        kind: Type.Literal('demo'),
        password: Text('One password for every customer of the connector. Sandbox and simulator only.'),
      },
      Strict,
    ),
  ],
  { description: 'How the brand authenticates its customers on its consent pages.' },
);

export const BrandSchema = Type.Object(
  {
    id: Text('Stable brand id (lower case, digits, dashes); every row of the brand carries it.', {
      pattern: '^[a-z0-9][a-z0-9-]{1,62}$',
    }),
    name: Text('Customer-facing brand name (consent pages, directory).'),
    legalName: Type.Optional(Text('Legal name (razão social); defaults to `name`.')),
    orgId: Text('Organisation id in the directory (UUID).'),
    cnpj: Text('CNPJ, 14 digits (or the alphanumeric CNPJ).', { pattern: '^[0-9A-Z]{12}[0-9]{2}$' }),
    roles: Type.Array(
      Type.Union([
        Type.Literal('DADOS'),
        Type.Literal('PAGTO'),
        Type.Literal('CONTA'),
        Type.Literal('CCORR'),
      ]),
      { minItems: 1, uniqueItems: true, description: 'Regulatory roles this brand plays as holder.' },
    ),
    publicBaseUrl: Url('Browser-facing origin (issuer, discovery, customer pages), as customers reach it.'),
    mtlsBaseUrl: Url('mTLS origin (token, PAR, registration, Open Finance APIs), as participants reach it.'),
    issuer: Type.Optional(Url('OAuth issuer; default `<publicBaseUrl>/auth`.')),
    urnNamespace: Type.Optional(
      Text('Namespace of consent ids (`urn:<ns>:…`); default the brand id without dashes.', {
        pattern: '^[a-z0-9]+$',
      }),
    ),
    listen: Type.Object(
      {
        host: Type.Optional(Text('Interface to bind; default 0.0.0.0.')),
        publicPort: Port('Port of the public listener.'),
        mtlsPort: Port('Port of the mTLS listener.'),
      },
      Strict,
    ),
    certificates: Type.Object(
      {
        transport: CertificatePair,
        signing: CertificatePair,
        clientCaFile: Type.Optional(
          Text('CA bundle client certificates must chain to (ICP-Brasil); default the directory CA.'),
        ),
      },
      Strict,
    ),
    connector: Type.Object(
      {
        module: Text('The connector to the institution’s core systems: a file path or a package name.'),
        options: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      },
      Strict,
    ),
    theme: Type.Optional(
      Type.Object(
        {
          primaryColor: Type.Optional(Text('CSS colour.', { pattern: '^#[0-9a-fA-F]{6}$' })),
          logoFile: Type.Optional(Text('SVG logo.')),
        },
        Strict,
      ),
    ),
    limits: Type.Optional(TrafficLimitsSchema),
    customerAuthentication: CustomerAuthSchema,
    internalApi: Type.Optional(
      Type.Object(
        {
          keys: Type.Array(
            Type.Object(
              {
                id: Text('Name of the key, e.g. `app-ios` (logged, never the key).'),
                key: Text('The secret, at least 32 characters (use ${ENV_VAR}).', { minLength: 32 }),
              },
              Strict,
            ),
            { minItems: 1 },
          ),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

export const ReceiverSchema = Type.Object(
  {
    id: Text('Stable receiver brand id.', { pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
    name: Text('Client name.'),
    orgId: Text('Organisation id in the directory.'),
    softwareStatementId: Text('Software statement id in the directory.'),
    baseUrl: Url('Origin of the receiver API, callback and webhooks, as holders and browsers reach it.'),
    listen: Type.Object({ host: Type.Optional(Text('Interface.')), port: Port('Port.') }, Strict),
    certificates: Type.Object(
      {
        transport: CertificatePair,
        signing: CertificatePair,
        encryptionKeyFile: Text('RSA key for encrypted id_tokens (RSA-OAEP).'),
        serverCertificate: Type.Optional(CertificatePair),
      },
      Strict,
    ),
  },
  Strict,
);

export const ListenersSchema = Type.Object(
  {
    operator: Type.Optional(
      Type.Object(
        {
          host: Type.Optional(Text('Interface; default 127.0.0.1.')),
          port: Type.Optional(Port('Port; default 8080.')),
        },
        Strict,
      ),
    ),
    mode: Type.Optional(
      Type.Union([Type.Literal('tls'), Type.Literal('gateway')], {
        description:
          '`tls`: Ponte terminates (m)TLS. `gateway`: a gateway terminates it and forwards the client certificate.',
      }),
    ),
    gateway: Type.Optional(
      Type.Object(
        {
          clientCertificateHeader: Text(
            'Header with the URL-encoded client certificate (nginx `$ssl_client_escaped_cert`).',
          ),
          trustedProxies: Type.Array(Text('IP or CIDR.'), { minItems: 1 }),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

export const InstallationSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    directory: DirectorySchema,
    listeners: Type.Optional(ListenersSchema),
    brands: Type.Optional(Type.Array(BrandSchema)),
    receivers: Type.Optional(Type.Array(ReceiverSchema)),
  },
  { ...Strict, title: 'Ponte installation', description: 'The installation file of a Ponte deployment.' },
);

export type InstallationFile = Static<typeof InstallationSchema>;
export type BrandFile = Static<typeof BrandSchema>;
export type ReceiverFile = Static<typeof ReceiverSchema>;
export type TrafficLimitsFile = Static<typeof TrafficLimitsSchema>;
export type CustomerAuthFile = Static<typeof CustomerAuthSchema>;
