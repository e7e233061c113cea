import { AppError } from '../../platform/errors/index.ts';

/**
 * An error as one line for `lastError`: the holder's answer when it refused, else the message
 * and the innermost network cause (`fetch failed (ECONNREFUSED)`), so an operator sees why.
 */
export function errorText(error: unknown): string {
  if (error instanceof AppError) {
    const detail = error.detail as { error?: unknown; description?: unknown } | undefined;
    const extra = [detail?.error, detail?.description].filter((v) => typeof v === 'string').join(' ');
    return `${error.message}${extra ? ` ${extra}` : ''}`.slice(0, 500);
  }
  const message = error instanceof Error ? error.message : String(error);
  let why = '';
  let cause = (error as { cause?: unknown } | undefined)?.cause;
  for (let depth = 0; cause && depth < 5; depth += 1) {
    const c = cause as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === 'string') why = c.code;
    else if (typeof c.message === 'string' && !why) why = c.message;
    cause = c.cause;
  }
  return `${message}${why && why !== message ? ` (${why})` : ''}`.slice(0, 500);
}
