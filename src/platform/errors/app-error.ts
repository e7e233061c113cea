/**
 * Every error Ponte raises on purpose is an AppError with a stable code. Codes are declared by
 * the module that raises them (`defineErrors` from `src/platform/http`); one mapper
 * (`src/platform/http/error-mapper.ts`) turns them into HTTP responses, so domain code never
 * speaks HTTP.
 *
 * The `message` is sent to the client as the spec error `detail`: write it for the client, with
 * no personal data or internals. The `detail` option is only logged (scrubbed of personal data).
 *
 * @example
 *   throw new AppError('RESOURCE_NOT_FOUND', 'Account not found', { detail: { accountId } });
 */
export class AppError extends Error {
  readonly code: string;
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    message: string,
    options: { detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
