/**
 * The only thing the document generators need from a pseudo-random generator: a uniform float in
 * [0, 1). Any seeded PRNG (the sample bank's `createRandom`, a test stub) fits structurally, so
 * this module does not depend on who supplies the randomness.
 */
export interface RandomSource {
  next(): number;
}

/** A uniform integer in [0, maxExclusive). */
export function randomDigit(random: RandomSource, maxExclusive = 10): number {
  return Math.floor(random.next() * maxExclusive);
}
