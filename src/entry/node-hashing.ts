import { availableParallelism } from "node:os";

/**
 * How many password checks the Node server runs at once: one core fewer than the machine has, so that a flood of
 * sign-ins (scrypt on libuv's threads) always leaves a core for the event loop that answers the pages.
 */
export function nodeHashingConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}
