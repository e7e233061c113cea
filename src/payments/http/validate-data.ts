import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from 'typebox';
import { AppError } from '../../platform/errors/index.ts';
import { PaymentErrors } from '../errors.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
// No coercion: a number where the spec wants a string is a malformed payload, not a value.
const ajv = new Ajv({ coerceTypes: false, allErrors: false, strict: false });
addFormats(ajv);

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return ['data', path, missing].filter((p) => p !== undefined && p !== '').join('.');
}

/**
 * Validates the `data` claim of a signed request against its endpoint's schema. Payload syntax
 * errors are 422 (payments.yaml "Validações" 1.3.1 / 2.2.1): a missing field is
 * PARAMETRO_NAO_INFORMADO, a malformed one PARAMETRO_INVALIDO, the field named in the detail.
 */
export function dataValidator<T>(schema: TSchema): (data: unknown) => T {
  const validate: ValidateFunction = ajv.compile(schema);
  return (data) => {
    if (validate(data)) return data as T;
    const error = validate.errors?.[0];
    const field = error === undefined ? 'data' : fieldOf(error);
    if (data === undefined) {
      throw new AppError(
        PaymentErrors.PAYMENTS_PARAMETRO_NAO_INFORMADO,
        'Parâmetro data obrigatório não informado.',
      );
    }
    if (error?.keyword === 'required') {
      throw new AppError(
        PaymentErrors.PAYMENTS_PARAMETRO_NAO_INFORMADO,
        `Parâmetro ${field} obrigatório não informado.`,
      );
    }
    throw new AppError(
      PaymentErrors.PAYMENTS_PARAMETRO_INVALIDO,
      `Parâmetro ${field} não obedece as regras de formatação esperadas.`,
    );
  };
}
