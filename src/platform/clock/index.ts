/** The clock is a side effect like any other: domain code takes a Clock so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at `start` and moves only when told. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(d: Date): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
    set(d: Date) {
      current = new Date(d);
    },
  };
}
