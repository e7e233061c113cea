/**
 * Field-cipher throughput (the hot path of seeding and of reading personal data): synchronous
 * AES-256-GCM encrypt/decrypt with the versioned header, keyed hashes, and a bare
 * createCipheriv baseline measured in the same run.
 *
 *   ./node_modules/.bin/node bench/crypto.bench.ts
 */
import { createCipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { createKeyedHasher, fieldAad } from '../src/platform/crypto/index.ts';
import { createTestCrypto } from '../src/platform/crypto/testing.ts';

const { envelope, kek } = await createTestCrypto();
const hasher = createKeyedHasher(kek);
const aad = fieldAad('customers', 'name', '3f6c1a52-6a8e-4a53-9b0e-6a9f3c1c2b10');

function measure(name: string, op: () => unknown, baseline?: number): number {
  for (let i = 0; i < 20_000; i++) op(); // warm-up
  const iterations = 300_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) op();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const opsPerSecond = iterations / seconds;
  const ratio = baseline ? ` (${(opsPerSecond / baseline).toFixed(2)}x baseline)` : '';
  console.log(
    `${name.padEnd(44)} ${Math.round(opsPerSecond).toLocaleString('en-US').padStart(12)} ops/s${ratio}`,
  );
  return opsPerSecond;
}

const key = createSecretKey(randomBytes(32));
const fixedIv = randomBytes(12); // the baseline is the cipher alone, without IV generation
for (const [label, plain] of [
  ['short string (CPF, 11 chars)', '12345678909'],
  ['name (30 chars)', 'Maria Aparecida da Silva Souza'],
  ['1 KiB', 'x'.repeat(1024)],
] as const) {
  console.log(`\n# ${label}`);
  const bytes = Buffer.from(plain);
  const baseline = measure('baseline: bare AES-256-GCM (createCipheriv)', () => {
    const c = createCipheriv('aes-256-gcm', key, fixedIv);
    c.update(bytes);
    c.final();
    return c.getAuthTag();
  });
  measure('envelope.encrypt', () => envelope.encrypt(plain, aad), baseline);
  const ct = envelope.encrypt(plain, aad);
  measure('envelope.decryptString', () => envelope.decryptString(ct, aad), baseline);
}
console.log('\n# keyed hash');
measure("keyedHash(cpf, 'cpf')", () => hasher.keyedHash('12345678909', 'cpf'));
