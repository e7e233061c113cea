import { Agent, request } from 'undici';
import { createCustomerAgent, type CustomerAgent } from './customer-agent.ts';
import type { SimManifest } from './manifest.ts';

/** One step of a journey, as the report prints it. */
export interface StepResult {
  journey: string;
  step: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface SimulationReport {
  ok: boolean;
  steps: StepResult[];
  ms: number;
}

interface Api {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

class StepFailed extends Error {}

/**
 * `ponte simulate`: the quick simulator's journeys against a running ecosystem, through Ponte's
 * receiver API exactly as an institution's app would use it, with a headless customer at the
 * holders (customer-agent.ts). Each journey stops at its first failing step; the others still run.
 *   data: at two holders, for the same CPF: consent in one call → authorisation → callback →
 *         accounts and transactions fetched;
 *   payment: payment consent → authorisation → callback → Pix payment → ACSC (the holder's
 *            signed webhooks reach the receiver, which also polls when they are late).
 */
export async function runSimulation(input: {
  manifest: SimManifest;
  ca: string;
  onStep?: (step: StepResult) => void;
  paymentTimeoutMs?: number;
}): Promise<SimulationReport> {
  const started = performance.now();
  const { manifest } = input;
  if (!manifest.receiver) throw new Error('the manifest names no Ponte receiver: is this a Ponte simulator?');
  const base = manifest.receiver.apiBaseUrl;
  const dispatcher = new Agent({ connect: { ca: input.ca } });
  const customer = createCustomerAgent({ ca: input.ca });
  const api: Api = {
    async call(method, path, body) {
      const response = await request(`${base}${path}`, {
        method: method as 'GET',
        dispatcher,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.body.text();
      return { status: response.statusCode, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
  };
  const steps: StepResult[] = [];
  const step = async <T>(journey: string, name: string, run: () => Promise<[T, string]>): Promise<T> => {
    const t0 = performance.now();
    try {
      const [value, detail] = await run();
      record({ journey, step: name, ok: true, ms: performance.now() - t0, detail });
      return value;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      record({ journey, step: name, ok: false, ms: performance.now() - t0, detail });
      throw new StepFailed(detail);
    }
  };
  const record = (result: StepResult) => {
    steps.push(result);
    input.onStep?.(result);
  };
  try {
    const person = manifest.brands[0]?.customers.find((c) => c.type === 'PF');
    if (!person) throw new Error('the manifest lists no demo customer');
    const ctx = { api, customer, base, dispatcher, person, step };
    for (const brand of manifest.brands.slice(0, 2)) {
      await dataJourney({ ...ctx, brand }).catch(ignoreStepFailure);
    }
    const payer = manifest.brands[1] ?? manifest.brands[0]!;
    await paymentJourney({ ...ctx, brand: payer, timeoutMs: input.paymentTimeoutMs ?? 60_000 }).catch(
      ignoreStepFailure,
    );
  } finally {
    await Promise.all([dispatcher.close(), customer.close()]);
  }
  return { ok: steps.every((s) => s.ok) && steps.length > 0, steps, ms: performance.now() - started };
}

function ignoreStepFailure(error: unknown): void {
  if (!(error instanceof StepFailed)) throw error;
}

type Step = <T>(journey: string, name: string, run: () => Promise<[T, string]>) => Promise<T>;
type Brand = SimManifest['brands'][number];
type Person = Brand['customers'][number];

function expectStatus(answer: { status: number; body: unknown }, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
}

/** Customer at the holder, then the callback at the receiver: answers the consent's new status. */
async function authoriseAndReturn(
  ctx: { customer: CustomerAgent; base: string; dispatcher: Agent },
  authorisationUrl: string,
  person: Person,
): Promise<string> {
  const { customer, base } = ctx;
  const back = await customer.authorise(
    authorisationUrl,
    person.cpf,
    person.password,
    `${base}/receiver/v1/callback`,
  );
  // FAPI-BR answers in the fragment; the receiver's callback page would move it to the query.
  const callback = new URL(`${base}/receiver/v1/callback?${back.hash.slice(1)}`);
  const answer = await request(callback, { dispatcher: ctx.dispatcher });
  const text = await answer.body.text();
  if (answer.statusCode !== 303)
    throw new Error(`callback answered ${answer.statusCode}: ${text.slice(0, 300)}`);
  return new URL(String(answer.headers.location)).searchParams.get('status') ?? 'unknown';
}

interface JourneyContext {
  api: Api;
  customer: CustomerAgent;
  base: string;
  dispatcher: Agent;
  person: Person;
  step: Step;
}

/** Two steps every journey starts with: the consent at the receiver, then the customer's yes. */
async function lodgeAndAuthorise(
  ctx: JourneyContext,
  journey: string,
  name: string,
  path: string,
  body: Record<string, unknown>,
): Promise<{ id: string; consentId: string; authorisationUrl: string }> {
  const { api, person, step } = ctx;
  const consent = await step(journey, name, async () => {
    const answer = await api.call('POST', path, body);
    expectStatus(answer, 201, `POST ${path}`);
    const data = answer.body.data as { id: string; consentId: string; authorisationUrl: string };
    return [data, data.consentId];
  });
  await step(journey, 'customer authorises at the holder', async () => {
    const status = await authoriseAndReturn(ctx, consent.authorisationUrl, person);
    if (status !== 'AUTHORISED') throw new Error(`consent ended ${status}`);
    return [status, `CPF ${person.cpf}: ${status}`];
  });
  return consent;
}

async function dataJourney(ctx: JourneyContext & { brand: Brand }) {
  const { api, brand, person, step } = ctx;
  const journey = `data at ${brand.name}`;
  const consent = await lodgeAndAuthorise(ctx, journey, 'consent in one call', '/receiver/v1/consents', {
    document: person.cpf,
    holder: brand.orgId,
    dataGroups: ['accounts'],
    termMonths: 3,
  });
  const accounts = await step(journey, 'accounts fetched', async () => {
    const answer = await api.call('GET', `/receiver/v1/consents/${consent.id}/accounts`);
    expectStatus(answer, 200, 'accounts');
    const list = answer.body.data as Array<{ accountId: string }>;
    if (list.length === 0) throw new Error('no accounts shared');
    return [list, `${list.length} account(s)`];
  });
  await step(journey, 'transactions fetched', async () => {
    // The last 90 days (accounts 2.4.2: the default window is shorter, the maximum 12 months).
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const window = `fromBookingDate=${day(Date.now() - 90 * 86_400_000)}&toBookingDate=${day(Date.now())}`;
    const path = `/receiver/v1/consents/${consent.id}/accounts/${accounts[0]!.accountId}/transactions`;
    const answer = await api.call('GET', `${path}?${window}&all=true`);
    expectStatus(answer, 200, 'transactions');
    return [undefined, `${(answer.body.data as unknown[]).length} transaction(s) in 90 days, first account`];
  });
}

/** A fictitious shop's account at another institution: the sample bank settles any ISPB. */
const CREDITOR = {
  name: 'Loja Exemplo Ltda',
  document: '11222333000181',
  account: { ispb: '99999999', issuer: '0001', number: '1234567', accountType: 'CACC' },
};
const FINAL = new Set(['ACSC', 'RJCT', 'CANC']);

async function paymentJourney(ctx: JourneyContext & { brand: Brand; timeoutMs: number }) {
  const { api, brand, person, step } = ctx;
  const journey = `payment at ${brand.name}`;
  const consent = await lodgeAndAuthorise(
    ctx,
    journey,
    'payment consent (signed)',
    '/receiver/v1/payments/consents',
    {
      document: person.cpf,
      holder: brand.orgId,
      amount: '1.23',
      creditor: CREDITOR,
      remittanceInformation: 'ponte simulate',
    },
  );
  const payment = await step(journey, 'Pix payment initiated (signed)', async () => {
    const answer = await api.call('POST', `/receiver/v1/payments/consents/${consent.id}/pix`);
    expectStatus(answer, 201, 'POST …/pix');
    const data = answer.body.data as { id: string; paymentId: string; status: string };
    return [data, `${data.paymentId}: ${data.status}`];
  });
  await step(journey, 'payment settled', async () => {
    const deadline = Date.now() + ctx.timeoutMs;
    let status = payment.status;
    while (!FINAL.has(status)) {
      if (Date.now() > deadline) throw new Error(`still ${status} after ${ctx.timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const answer = await api.call('GET', `/receiver/v1/payments/${payment.id}`);
      expectStatus(answer, 200, 'GET /receiver/v1/payments');
      status = String((answer.body.data as { status: string }).status);
    }
    if (status !== 'ACSC') throw new Error(`payment ended ${status}`);
    return [status, 'ACSC'];
  });
}
