import type { RandomSource } from '../../platform/documents/index.ts';

/**
 * The sample bank's seeded PRNG (sfc32, seeded by a 128-bit string hash of a path). Every
 * customer draws from its own stream, `createRandom(seed, brandId, index, family)`, so the data of
 * customer 7 is the same whether it is generated first, last, alone or in a parallel chunk, and
 * adding a data family never shifts the numbers of another.
 */
export interface Random extends RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` is 'a' three times in four. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** Log-normal around `median` (incomes, amounts): `median * e^(sigma·N(0,1))`. */
  logNormal(median: number, sigma: number): number;
  /** A version-4-shaped UUID (deterministic, so not a random UUID in the RFC 9562 sense). */
  uuid(): string;
  /** `length` lower-case hex characters. */
  hex(length: number): string;
  /** An independent stream derived from this one's seed path and `path`. */
  fork(...path: (string | number)[]): Random;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRandom(...path: (string | number)[]): Random {
  const key = path.map(String).join('\u001f');
  let [a, b, c, d] = hash128(key);
  const next32 = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG), 32-bit state words.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i += 1) next32();
  const next = () => next32() / 4294967296;
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of choices) total += w;
      let r = next() * total;
      for (const [value, w] of choices) {
        r -= w;
        if (r < 0) return value;
      }
      const last = choices[choices.length - 1];
      if (!last) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    uuid() {
      const h = random.hex(32);
      const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    hex(length) {
      // Table lookups: ~10× faster than toString(16) + padStart, and ids are made per transaction.
      let out = '';
      for (let i = 0; i < length; i += 8) {
        const word = next32();
        out += HEX[word >>> 24]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;
      }
      return out.length === length ? out : out.slice(0, length);
    },
    fork: (...more) => createRandom(...path, ...more),
  };
  return random;
}

/** cyrb128: a fast, well-mixed 128-bit string hash (public domain), used only to seed. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
