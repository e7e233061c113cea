/**
 * Data API throughput over mTLS with keep-alive, against a bare baseline measured in the same run:
 * (a) a bare Fastify route answering the same pre-built JSON on the same TLS setup;
 * (b) Ponte's GET /open-banking/accounts/v2/accounts/{accountId}/transactions (page-size 25)
 *     through the full resource guard (token, certificate binding, consent, permission, resource,
 *     TPM, monthly operational count, pagination-key) on a seeded sample bank.
 * Then both at a steady 300 requests/s for their p99. Alternating rounds (BENCH_ROUNDS, 3),
 * medians reported, with the server's CPU time per request.
 *
 *   ./node_modules/.bin/node bench/data-api.bench.ts [seconds]
 *   BENCH_ONLY=ponte|bare  one side only      BENCH_PROFILE=1  CPU profiles of the runs (bench/profiles/)
 *   BENCH_DEBUG=1  server output, user/system CPU   BENCH_NODE_FLAGS="--trace-gc"  flags for the server
 *
 * The servers run in a child process (bench/data-api.server.ts) so that the load generator does
 * not share their event loop. DATABASE_URL's server is used when set, else an embedded one.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

import type { Ready } from './data-api.server.ts';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/**
 * An open-loop load at a steady rate: one request every 1/rate s (autocannon's `overallRate`
 * sends each second's quota in a burst, which measures queueing, not the rate). Latency runs from
 * the scheduled send time, so a stall also counts for the requests it delayed.
 */
async function steady(
  ready: Ready,
  url: string,
  options: { seconds: number; connections: number; rate: number },
): Promise<Figures> {
  const { Pool } = await import('undici');
  const target = new URL(url);
  const pool = new Pool(target.origin, {
    connections: options.connections,
    connect: { ca: ready.tls.ca, key: ready.tls.key, cert: ready.tls.cert },
  });
  const path = target.pathname + target.search;
  const latencies: number[] = [];
  let failures = 0;
  const total = options.rate * options.seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      pool.request({ method: 'GET', path, headers: ready.headers }).then(
        async (response) => {
          await response.body.dump();
          if (response.statusCode !== 200) failures += 1;
          latencies.push(performance.now() - due);
        },
        () => void (failures += 1),
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), non2xx: failures };
}

async function load(
  ready: Ready,
  url: string,
  options: { seconds: number; connections: number; rate?: number },
): Promise<Figures> {
  if (options.rate !== undefined) return steady(ready, url, { ...options, rate: options.rate });
  const result = await autocannon({
    url,
    headers: ready.headers,
    connections: options.connections,
    duration: options.seconds,
    tlsOptions: { ca: ready.tls.ca, key: ready.tls.key, cert: ready.tls.cert },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function drive(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const server = fileURLToPath(new URL('./data-api.server.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), server],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message);
    });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout! });
      // BENCH_DEBUG=1 shows anything else the server prints (e.g. with --trace-gc).
      lines.on('line', (l) => {
        if (l.startsWith('{"ponte"')) resolve(l);
        else if (process.env.BENCH_DEBUG) console.log(`# server: ${l.slice(0, 300)}`);
      });
      child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
    });
    const ready = JSON.parse(line) as Ready;
    /** One measured run, with the server's CPU time per request (and a profile when asked). */
    const measured = async (
      name: string,
      url: string,
      options: { seconds: number; connections: number; rate?: number },
    ) => {
      if (process.env.BENCH_PROFILE) await ask({ op: 'profile-start' });
      const before = (await ask<{ cpu: NodeJS.CpuUsage }>({ op: 'cpu' })).cpu;
      const figures = await load(ready, url, options);
      const after = (await ask<{ cpu: NodeJS.CpuUsage }>({ op: 'cpu' })).cpu;
      if (process.env.BENCH_PROFILE) {
        console.log(`# profile: ${(await ask<{ file: string }>({ op: 'profile-stop', name })).file}`);
      }
      const cpu = after.user + after.system - before.user - before.system;
      const requests = figures.rps * options.seconds;
      if (process.env.BENCH_DEBUG) {
        console.log(
          `# ${name}: user ${Math.round((after.user - before.user) / requests)} µs, system ${Math.round((after.system - before.system) / requests)} µs per request`,
        );
      }
      return { ...figures, cpuPerRequest: cpu / requests };
    };
    console.log(
      `# ${os.cpus().length} CPUs; mTLS with keep-alive; page of 25 transactions (${ready.bytes} bytes); ${seconds} s per run`,
    );
    const warm = { seconds: 3, connections: 10 };
    const only = process.env.BENCH_ONLY;
    if (only === 'ponte' || only === 'bare') {
      // Profiling aid: one side alone.
      await load(ready, ready[only], warm);
      const f = await measured(only, ready[only], { seconds, connections: 10 });
      console.log(
        `${only} only: ${Math.round(f.rps)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, server CPU ${Math.round(f.cpuPerRequest)} µs/request`,
      );
      return;
    }
    await load(ready, ready.bare, warm);
    await load(ready, ready.ponte, warm);
    // Alternating rounds, medians reported: the machine is shared, so one run can be unlucky.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    type Run = Figures & { cpuPerRequest: number };
    const runs: Record<'bare' | 'ponte' | 'bare300' | 'ponte300', Run[]> = {
      bare: [],
      ponte: [],
      bare300: [],
      ponte300: [],
    };
    for (let round = 0; round < rounds; round++) {
      runs.bare.push(await measured('bare', ready.bare, { seconds, connections: 10 }));
      runs.ponte.push(await measured('ponte', ready.ponte, { seconds, connections: 10 }));
      runs.bare300.push(await measured('bare-300', ready.bare, { seconds, connections: 10, rate: 300 }));
      runs.ponte300.push(await measured('ponte-300', ready.ponte, { seconds, connections: 10, rate: 300 }));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const med = (list: Run[]): Run => ({
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      cpuPerRequest: median(list.map((r) => r.cpuPerRequest)),
      non2xx: list.reduce((n, r) => n + r.non2xx, 0),
    });
    const row = (name: string, f: Run) =>
      console.log(
        `${name.padEnd(44)} ${Math.round(f.rps).toString().padStart(6)} req/s   p50 ${f.p50.toFixed(1).padStart(5)} ms   ` +
          `p99 ${f.p99.toFixed(1).padStart(5)} ms   server CPU ${Math.round(f.cpuPerRequest).toString().padStart(4)} µs/req   non-2xx ${f.non2xx}`,
      );
    const [bare, ponte, bare300, ponte300] = [
      med(runs.bare),
      med(runs.ponte),
      med(runs.bare300),
      med(runs.ponte300),
    ];
    console.log(`medians of ${rounds} alternating rounds:`);
    row('(a) bare Fastify, same TLS, pre-built JSON', bare);
    row('(b) Ponte transactions, full guard', ponte);
    row('(a) bare at a steady 300 req/s (reference)', bare300);
    row('(b) Ponte at a steady 300 req/s', ponte300);
    const ratios = runs.ponte.map((p, i) => p.rps / runs.bare[i]!.rps);
    console.log(
      `\nratio b/a ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≥ 0.50); ` +
        `p99 at 300 req/s ${ponte300.p99.toFixed(1)} ms (goal < 25 ms)`,
    );
    console.log(`server CPU per request b/a ${(ponte.cpuPerRequest / bare.cpuPerRequest).toFixed(2)}`);
    if (ponte.non2xx + bare.non2xx + ponte300.non2xx > 0) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

await drive();
