import { InvalidArgumentError } from 'commander';

/** Commander parser for positive whole numbers with a bound, so `--customers lots` fails cleanly. */
export function wholeNumber(max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number.');
    const n = Number(value);
    if (n > max) throw new InvalidArgumentError(`must be at most ${max}.`);
    return n;
  };
}
