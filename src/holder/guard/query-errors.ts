import { AppError } from '../../platform/errors/index.ts';
import { HolderErrors } from '../errors.ts';

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
}

/**
 * The answer for a request whose query or path failed validation. A page-size above 1000 is a
 * 422 (Open Finance Brasil pagination guidance: the value is well formed but over the maximum
 * the transmitter serves); anything else is Fastify's validation error, which the platform
 * mapper answers 400 PARAMETRO_INVALIDO / PARAMETRO_NAO_INFORMADO.
 */
export function queryValidationError(error: Error & { validation?: unknown }): Error {
  const issues = Array.isArray(error.validation) ? (error.validation as ValidationIssue[]) : [];
  const pageSizeOverMax = issues.some(
    (issue) => issue.keyword === 'maximum' && issue.instancePath === '/page-size',
  );
  if (pageSizeOverMax) {
    return new AppError(HolderErrors.PAGE_SIZE_EXCEEDED, 'O parâmetro page-size aceita no máximo 1000.');
  }
  return error;
}
