import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ponte <args>` to completion with a clean, explicit environment. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ponte ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG'];
  const base = Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  const nodeArgs = process.env.PONTE_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PONTE_BENCH_PROFILE}`]
    : [];
  return spawn(process.execPath, [...nodeArgs, CLI, ...args], {
    env: { ...base, PONTE_LOG_PRETTY: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the first stdout JSON log line matching `predicate` (pino output). */
export function waitForLog(
  child: ChildProcess,
  predicate: (entry: Record<string, unknown>) => boolean,
  timeoutMs = 120_000,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`log line not seen in time; stderr: ${stderr}`)),
      timeoutMs,
    );
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          if (predicate(entry)) {
            clearTimeout(timer);
            resolve(entry);
          }
        } catch {
          // not a JSON log line
        }
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`ponte exited (${code}) before the expected log line; stderr: ${stderr}`));
    });
  });
}
