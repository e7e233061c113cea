import { Type, type Static } from 'typebox';
import type { CertificateAuthority } from '../pki/index.ts';
import type { Clock } from '../platform/clock/index.ts';
import { timingSafeEqualString } from '../platform/crypto/index.ts';
import { isValidCnpj } from '../platform/documents/index.ts';
import { AppError } from '../platform/errors/index.ts';
import { PlatformErrors, type PonteApp } from '../platform/http/index.ts';
import type { SimDirectory } from './directory.ts';
import { enrol, EnrolmentConflict, type Enrolment } from './enrolment.ts';

export const ENROLMENTS_PATH = '/sim/v1/enrolments';

const EnrolmentBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 80 }),
    cnpj: Type.String({ pattern: '^[0-9A-Z]{12}[0-9]{2}$' }),
    roles: Type.Array(
      Type.Union([
        Type.Literal('DADOS'),
        Type.Literal('PAGTO'),
        Type.Literal('CONTA'),
        Type.Literal('CCORR'),
      ]),
      { minItems: 1, uniqueItems: true },
    ),
    publicBaseUrl: Type.String({ pattern: '^https://[^/]+$' }),
    mtlsBaseUrl: Type.String({ pattern: '^https://[^/]+$' }),
  },
  { additionalProperties: false },
);

/** What the simulator answers: the enrolment, and what to reach and trust in this ecosystem. */
export interface EnrolmentAnswer extends Enrolment {
  caPem: string;
  directory: {
    participantsUrl: string;
    keystoreUrl: string;
    keystoreJwksUrl: string;
    tokenUrl: string;
    apiUrl: string;
    ssaIssuer: string;
  };
  /** The simulator's sample bank, as the enrolled institution's connector (same population). */
  sampleBank: { module: string; seed: number; population: string; demoPassword: string };
}

/**
 * `POST /sim/v1/enrolments` on the simulator's operator listener: a bank's first sandbox day
 * (`ponte sim enrol`). Only for whoever can read the simulator's folder: the bearer token is in
 * `<simDir>/admin.token` (0600), compared in constant time.
 */
export function enrolmentRoutes(deps: {
  token: string;
  simDir: string;
  ca: CertificateAuthority;
  directory: SimDirectory;
  ssaIssuer: string;
  sampleBank: EnrolmentAnswer['sampleBank'];
  clock: Clock;
}) {
  return (app: PonteApp): Promise<void> => {
    app.post<{ Body: Static<typeof EnrolmentBody> }>(
      ENROLMENTS_PATH,
      {
        schema: { body: EnrolmentBody },
        onRequest: (request, _reply, done) => {
          const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
          done(
            timingSafeEqualString(presented, deps.token)
              ? undefined
              : new AppError(PlatformErrors.UNAUTHORIZED, 'Token do simulador ausente ou inválido.'),
          );
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!isValidCnpj(body.cnpj)) {
          throw new AppError(PlatformErrors.PARAMETRO_INVALIDO, `CNPJ inválido: ${body.cnpj}`);
        }
        let enrolment: Enrolment;
        try {
          enrolment = await enrol({ ...deps, request: body, now: deps.clock.now() });
        } catch (error) {
          if (error instanceof EnrolmentConflict) throw new AppError(PlatformErrors.FORBIDDEN, error.message);
          throw error;
        }
        const { urls } = deps.directory;
        const answer: EnrolmentAnswer = {
          ...enrolment,
          caPem: deps.ca.trustBundlePem,
          directory: {
            participantsUrl: urls.participants,
            keystoreUrl: urls.keystore,
            keystoreJwksUrl: urls.keystoreJwks,
            tokenUrl: urls.token,
            apiUrl: urls.api,
            ssaIssuer: deps.ssaIssuer,
          },
          sampleBank: deps.sampleBank,
        };
        return reply.code(201).send(answer);
      },
    );
    return Promise.resolve();
  };
}
