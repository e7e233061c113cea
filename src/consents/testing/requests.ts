import assert from 'node:assert/strict';
import { ResponseError } from '../../platform/http/index.ts';
import { CONSENTS_PATH } from '../http/present.ts';
import { createBody, type createTestApp } from './harness.ts';
import type { ConformanceChecker, SpecSchemaName } from './spec-conformance.ts';

export type Harness = Awaited<ReturnType<typeof createTestApp>>;

export interface ErrorBody {
  errors: Array<{ code: string; title: string; detail: string }>;
  meta: { requestDateTime: string };
}

/** POST /consents with a JSON body (a string is sent as is, to send malformed JSON). */
export function postConsent(
  h: Harness,
  body: unknown,
  headers: Record<string, string> = h.receiverHeaders(),
) {
  return h.app.inject({
    method: 'POST',
    url: CONSENTS_PATH,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Creates a consent as receiver A and returns its id. */
export async function createdConsent(h: Harness, body = createBody()): Promise<string> {
  const res = await postConsent(h, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ data: { consentId: string } }>().data.consentId;
}

/** Asserts an error answer: status, first code, and a body valid against the spec schema. */
export function assertErrorBody(
  spec: ConformanceChecker,
  res: { statusCode: number; json: <T>() => T },
  status: number,
  code: string,
  schema: SpecSchemaName = 'ResponseError',
): ErrorBody {
  assert.equal(res.statusCode, status);
  const body = res.json<ErrorBody>();
  assert.equal(body.errors[0]?.code, code);
  spec.assertValid(body, schema, ResponseError);
  return body;
}
