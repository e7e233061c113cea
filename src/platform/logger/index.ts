export { createLogger, withInteractionId, INTERACTION_ID_LOG_KEY } from './create-logger.ts';
export type { Logger, LoggerOptions } from './create-logger.ts';
export { isSensitiveKey, scrub } from './redaction.ts';
