import { InvalidArgumentError } from 'commander';

/** Parses a non-negative integer option, with a plain message when it is not one. */
export function intOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number.');
  return Number(value);
}
