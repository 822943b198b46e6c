/** State shared by the whole generation run (read-mostly; counters advance in emission order). */
import type { SyntheticArea } from './geography.js';
import { NhsNumbers, Upns } from './identifiers.js';
import type { Market } from './market.js';
import type { Pools } from './pools.js';
import type { Seat, TeamInfo, Workforce } from './workforce.js';

export interface GenContext {
  seed: number;
  scale: number;
  /** Day numbers. */
  today: number;
  historyStart: number;
  /** Start of the warm-up: journeys begin here so the stocks at `historyStart` are steady. */
  warmupStart: number;
  /** The instant taken as "now": today at midday in London. */
  nowMs: number;
  laCode: string;
  authority: string;
  pools: Pools;
  areas: readonly SyntheticArea[];
  homeArea: SyntheticArea;
  workforce: Workforce;
  /** MASH posts, in a fixed order (contacts refer to them by index). */
  mashSeats: { seat: Seat; team: TeamInfo }[];
  market: Market;
  nhs: NhsNumbers;
  upns: Upns;
  nextChildNumber: number;
  /** Fault share among children (labelled in synthetic_faults). */
  faultRate: number;
  /** The single overlapping-episode fault has been placed. */
  overlapPlaced: boolean;
}

export function newCounters(laCode: string): { nhs: NhsNumbers; upns: Upns } {
  return { nhs: new NhsNumbers(), upns: new Upns(laCode) };
}
