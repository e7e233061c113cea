import { pino } from 'pino';
import type { Bindings, ChildLoggerOptions, DestinationStream, Level, Logger } from 'pino';
import pretty from 'pino-pretty';
import { CENSOR, REDACT_PATHS, scrub, scrubSerializedError } from './redaction.ts';

export type { Logger } from 'pino';

/** The log field that carries the x-fapi-interaction-id (DESIGN §4: logs carry the fapiInteractionId). */
export const INTERACTION_ID_LOG_KEY = 'fapiInteractionId';

export interface LoggerOptions {
  level: Level | 'silent';
  /** Human-readable output for local development; production logs are JSON lines. */
  pretty?: boolean;
  /** Where lines go (stdout by default); tests pass a stream to read the output back. */
  destination?: DestinationStream;
  /** Added to every line, e.g. the process role. */
  name?: string;
}

/**
 * Creates the process logger. Secrets and personal data are censored before a line is written:
 * by field name at any depth (see `redaction.ts`), in child bindings, and in serialised errors.
 *
 * @example
 *   const logger = createLogger({ level: 'info', pretty: false });
 *   logger.info({ consentId }, 'consent authorised');
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.pretty
    ? pretty({ destination: options.destination ?? 1, sync: true })
    : (options.destination ?? pino.destination({ dest: 1, sync: false }));
  const logger = pino(
    {
      level: options.level,
      ...(options.name === undefined ? {} : { name: options.name }),
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      serializers: { err: (error: Error) => scrubSerializedError(pino.stdSerializers.err(error)) },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
    },
    destination,
  );
  return scrubChildBindings(logger);
}

type ChildFn = (this: unknown, bindings: Bindings, options?: ChildLoggerOptions<never>) => Logger;

/**
 * pino applies `formatters.bindings` to the root logger only, so child bindings
 * (`logger.child({ email })`) are scrubbed here, on every generation of children.
 */
function scrubChildBindings(root: Logger): Logger {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- pino's own method, applied with an explicit `this`
  const pinoChild = root.child as unknown as ChildFn;
  const wrap = (instance: Logger): Logger => {
    // An own property on each instance: children inherit from their parent (Object.create).
    const child: ChildFn = (bindings, options) =>
      wrap(pinoChild.call(instance, scrub(bindings) as Bindings, options));
    // The cast drops pino's custom-levels generic, which Ponte does not use.
    instance.child = child as unknown as Logger['child'];
    return instance;
  };
  return wrap(root);
}

/** A child logger for work tied to one interaction (a request, an outbound call, a job). */
export function withInteractionId(logger: Logger, fapiInteractionId: string): Logger {
  return logger.child({ [INTERACTION_ID_LOG_KEY]: fapiInteractionId });
}
