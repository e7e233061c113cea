import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../db/testing.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'traced-process.ts');
const tdb = await createTestDatabase();

interface OtlpSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface ReceivedSpan {
  name: string;
  kind: number;
  scope: string;
  traceId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
}

/** A minimal OTLP/HTTP JSON receiver: `POST /v1/traces`, remembering every span and request. */
function otlpReceiver(): Promise<{ server: Server; url: string; requests: string[]; spans: ReceivedSpan[] }> {
  const requests: string[] = [];
  const spans: ReceivedSpan[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: { scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
      };
      for (const rs of body.resourceSpans) {
        for (const ss of rs.scopeSpans) {
          for (const s of ss.spans) {
            spans.push({
              name: s.name,
              kind: s.kind,
              scope: ss.scope.name,
              traceId: s.traceId,
              parentSpanId: s.parentSpanId || undefined,
              attributes: Object.fromEntries(
                (s.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]),
              ),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}`, requests, spans });
    }),
  );
}

function runTraced(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], {
      env: { PATH: process.env.PATH ?? '', TRACED_DATABASE_URL: tdb.url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`traced process timed out\n${stdout}\n${stderr}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;

describe('OpenTelemetry traces', () => {
  let upstream: Server;
  let upstreamUrl: string;
  before(async () => {
    upstream = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}/upstream`;
  });
  after(() => upstream.close());

  it('exports spans for HTTP in and out, SQL and jobs, the server span naming the interaction id', async () => {
    const receiver = await otlpReceiver();
    try {
      const run = await runTraced({
        TRACED_UPSTREAM_URL: upstreamUrl,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'ponte-test',
        OTEL_BSP_SCHEDULE_DELAY: '100',
      });
      assert.equal(run.code, 0, run.stderr);
      const { interactionId, jobId, telemetry } = JSON.parse(run.stdout) as Record<string, unknown>;
      assert.equal(telemetry, true);
      assert.ok(receiver.requests.every((r) => r.startsWith('POST /v1/traces application/json')));
      const { spans } = receiver;

      const server = spans.find(
        (s) => s.kind === SPAN_KIND.SERVER && s.attributes['http.route'] === '/traced/:id',
      );
      assert.ok(server, `an HTTP server span; got ${spans.map((s) => s.name).join(', ')}`);
      assert.equal(server.name, 'GET /traced/:id');
      assert.equal(server.attributes['fapi.interaction_id'], interactionId);

      const inTrace = spans.filter((s) => s.traceId === server.traceId);
      const sql = inTrace.find(
        (s) => s.scope.includes('pg') && s.attributes['db.query.text'] === 'SELECT 41 + 1 AS answer',
      );
      assert.ok(
        sql,
        `a SQL span in the request's trace; got ${inTrace.map((s) => `${s.scope}:${s.name}`).join(', ')}`,
      );
      const outbound = inTrace.find(
        (s) =>
          s.kind === SPAN_KIND.CLIENT &&
          s.scope.includes('undici') &&
          String(s.attributes['url.full']) === upstreamUrl,
      );
      assert.ok(outbound, 'an outbound fetch span in the request’s trace');

      const job = spans.find((s) => s.name === 'job traced.job');
      assert.ok(job, 'a job span');
      assert.equal(job.attributes['job.queue'], 'traced.job');
      assert.equal(job.attributes['job.id'], jobId);
      assert.ok(
        spans.some(
          (s) => s.traceId === job.traceId && s.scope.includes('pg') && s.parentSpanId !== undefined,
        ),
        'the job’s SQL is traced under it',
      );
    } finally {
      receiver.server.close();
    }
  });

  it('starts nothing without an OTLP endpoint: no exporter requests', async () => {
    const receiver = await otlpReceiver();
    try {
      const run = await runTraced({
        TRACED_UPSTREAM_URL: upstreamUrl,
        // A protocol and service name alone do not turn tracing on.
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'ponte-test',
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { telemetry: boolean }).telemetry, false);
      assert.deepEqual(receiver.requests, []);
    } finally {
      receiver.server.close();
    }
  });

  it('stays off when OTEL_SDK_DISABLED is true, even with an endpoint', async () => {
    const receiver = await otlpReceiver();
    try {
      const run = await runTraced({
        TRACED_UPSTREAM_URL: upstreamUrl,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SDK_DISABLED: 'true',
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { telemetry: boolean }).telemetry, false);
      assert.deepEqual(receiver.requests, []);
    } finally {
      receiver.server.close();
    }
  });
});
