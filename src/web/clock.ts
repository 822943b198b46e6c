import type { Clock } from '../domain/time/clock.js';

/** The real clock, for the server and the CLI. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export function settableClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
