/**
 * The synthetic local authority generator (issue 3). Scale 1 is a London borough of about 67,000
 * children (Lewisham-like, domain.md §7.2); scale S multiplies the volumes. `years` of history end at
 * `today`. Rows are yielded in foreign-key order: the authority (teams, users, user roles, providers,
 * foster carers, supervisions), then the children in chunks with all their rows.
 *
 * Deterministic: the same options give the same rows (seeded PRNGs and a seeded Faker; never the
 * clock, never Math.random).
 */
import { AUTHORITY_TABLES, CHILD_TABLES, Sink, type Batch } from './batches.js';
import { addMonthsDay, dayOf, londonInstant } from './calendar.js';
import type { GenContext } from './context.js';
import { newCounters } from './context.js';
import { FAULT_CHANCE, applyFaults } from './faults.js';
import { legacyFamily, newFamily, newUascFamily, simulateFamily, simulateUasc } from './family.js';
import { emitFamily, planEmission } from './emit.js';
import { syntheticAreas } from './geography.js';
import { buildMarket } from './market.js';
import type { FamilySim } from './model.js';
import { buildPools } from './pools.js';
import { Rng } from './prng.js';
import { buildWorkforce } from './workforce.js';
import type { PlainDate } from '../domain/time/index.js';

export type { Batch } from './batches.js';
export { expectedVolumes } from './measure.js';

export interface GenerateOptions {
  /** 1 = a London borough of about 67,000 children; volumes scale linearly. */
  scale: number;
  seed: number;
  /** Years of history ending at `today`. */
  years: number;
  today: PlainDate;
  /** One argon2id hash for every synthetic user (defaults to the hash of a random, discarded string: nobody can sign in). */
  passwordHash?: string;
  /** Children per chunk of rows (default 500). */
  chunkSize?: number;
  authorityName?: string;
  /** DfE 3-digit LA code, used in UPNs (default '999', as the product's config). */
  laCode?: string;
  /** Share of children given a labelled fault, among those a fault can apply to (default 0.03, weighted by kind; 0 = none). */
  faultChance?: number;
}

/** argon2id of a random string that was thrown away: synthetic staff cannot sign in. */
export const UNUSABLE_PASSWORD_HASH = '$argon2id$v=19$m=65536,p=4,t=3$rwHfSj0Iu6I9AEOZIN+nag$1ERtrEGabZz/wTzjB2b0XhRBD0kpdswFstTVyWpCiQg';

/**
 * Arrival rates per scale unit per year. Calibrated (see volumes.test.ts) so that the front door sees
 * about 12,000 contacts and 3,500 referrals a year, and about 480 children are looked after.
 */
export const RATES = {
  /** Families coming to the front door for the first time. */
  families: 3200,
  /** Unaccompanied asylum-seeking children arriving. */
  uasc: 19,
  /** Children who became looked after before the warm-up (long-stay children and care leavers). */
  legacyLookedAfter: 200,
  legacyUasc: 19,
};

/** Years simulated before the window so that plans and periods open at its start look steady. */
const WARMUP_MONTHS = 48;
/** Legacy periods of care reach back this far before the warm-up (care leavers up to 25). */
const LEGACY_YEARS = 26;

function validate(o: GenerateOptions): void {
  if (!(o.scale > 0) || !Number.isFinite(o.scale)) throw new RangeError(`scale must be a positive number, got ${o.scale}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
  if (!(o.years > 0) || o.years > 15) throw new RangeError(`years must be between 0 and 15, got ${o.years}`);
  dayOf(o.today);
}

function arrivals(rng: Rng, perYear: number, from: number, to: number): number[] {
  const n = rng.poisson((perYear * (to - from)) / 365);
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(rng.int(from, to));
  return days.sort((a, b) => a - b);
}

export function* generateAuthority(options: GenerateOptions): Generator<Batch> {
  validate(options);
  const { scale: S, seed } = options;
  const today = dayOf(options.today);
  const historyStart = addMonthsDay(today, -Math.round(12 * options.years));
  const warmupStart = addMonthsDay(historyStart, -WARMUP_MONTHS);
  const authorityName = options.authorityName ?? 'Hearthshire Council';
  const laCode = options.laCode ?? '999';
  const chunkSize = options.chunkSize ?? 500;
  const pools = buildPools(seed);
  const areas = syntheticAreas(authorityName);
  const homeArea = areas.find((a) => a.home)!;
  const authoritySink = new Sink();
  const workforce = buildWorkforce({
    scale: S,
    seed,
    pools,
    sink: authoritySink,
    passwordHash: options.passwordHash ?? UNUSABLE_PASSWORD_HASH,
    authorityName,
    today,
    historyStart,
    earliestAllocation: addMonthsDay(historyStart, -24),
  });
  const market = buildMarket({ scale: S, seed, pools, sink: authoritySink, areas, authorityName, historyStart });
  const counters = newCounters(laCode);
  const g: GenContext = {
    seed,
    scale: S,
    today,
    historyStart,
    warmupStart,
    nowMs: londonInstant(today, 12 * 60).getTime(),
    laCode,
    authority: homeArea.authority,
    pools,
    areas,
    homeArea,
    workforce,
    mashSeats: workforce.mashTeams.flatMap((team) => team.seats.map((seat) => ({ seat, team }))),
    market,
    nhs: counters.nhs,
    upns: counters.upns,
    nextChildNumber: 1,
    faultRate: options.faultChance ?? FAULT_CHANCE,
    overlapPlaced: false,
  };
  yield* authoritySink.drain(AUTHORITY_TABLES);

  const arrivalRng = new Rng(seed, 11, 0);
  const legacyFrom = addMonthsDay(warmupStart, -12 * LEGACY_YEARS);
  const legacy = arrivals(arrivalRng, RATES.legacyLookedAfter * S, legacyFrom, warmupStart - 1);
  const legacyUasc = arrivals(arrivalRng, RATES.legacyUasc * S, addMonthsDay(warmupStart, -12 * 11), warmupStart - 1);
  const families = arrivals(arrivalRng, RATES.families * S, warmupStart, today);
  const uasc = arrivals(arrivalRng, RATES.uasc * S, warmupStart, today);

  const chunk = new Sink();
  let children = 0;
  const emit = (fam: FamilySim) => {
    const plans = planEmission(g, fam);
    if (plans.length === 0) return;
    emitFamily(g, fam, plans, chunk, (child, rows, plan, rng) => {
      applyFaults(g, child, rows, plan.episodes.flatMap((e) => (e.period ? [e.period] : [])), rng);
      for (const [table, list] of rows.tables) for (const row of list) chunk.push(table, row);
      children++;
    });
  };

  // Legacy arrivals first (they are the oldest cases), then the front door in date order.
  let idx = 0;
  for (const entry of legacy) {
    emit(legacyFamily(g, idx, new Rng(seed, 3, idx), entry, false));
    idx++;
    if (children >= chunkSize) {
      yield* chunk.drain(CHILD_TABLES);
      children = 0;
    }
  }
  for (const entry of legacyUasc) {
    emit(legacyFamily(g, idx, new Rng(seed, 3, idx), entry, true));
    idx++;
  }
  let u = 0;
  for (let f = 0; f < families.length || u < uasc.length; ) {
    const takeUasc = u < uasc.length && (f >= families.length || uasc[u]! <= families[f]!);
    if (takeUasc) {
      const fam = newUascFamily(g, 2_000_000 + u, new Rng(seed, 5, u), uasc[u]!);
      simulateUasc(g, fam, uasc[u]!);
      emit(fam);
      u++;
    } else {
      const rng = new Rng(seed, 1, f);
      const fam = newFamily(g, 1_000_000 + f, rng, families[f]!);
      simulateFamily(g, fam, families[f]!);
      emit(fam);
      f++;
    }
    if (children >= chunkSize) {
      yield* chunk.drain(CHILD_TABLES);
      children = 0;
    }
  }
  if (chunk.count() > 0) yield* chunk.drain(CHILD_TABLES);
}
