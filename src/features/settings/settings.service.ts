import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { settings } from '../../db/schema/index.js';
import { Conflict, ValidationFailed } from '../../domain/errors.js';
import { DEFAULT_FRONT_DOOR_RECENT_DAYS, FRONT_DOOR_RECENT_DAYS_SETTING } from '../../domain/access/index.js';
import { DEFAULT_RAG_CLOCK_HOURS, type RagClockHours } from '../../domain/front-door/rag.js';
import { DEFAULT_LOCAL_NORMS, type LocalNorms, type NumericNorm } from '../../domain/obligations/index.js';
import { type Clock, DEFAULT_SCHOOL_TERMS, type SchoolTerm } from '../../domain/time/index.js';
import type { AuditService } from '../audit/audit.service.js';

export const DEFAULT_CASELOAD_GUIDE = 15;
export const DEFAULT_POPULATION_0_TO_17 = 67000;

/** What an administrator may set each local norm to: whole numbers in these ranges. */
export const LOCAL_NORM_LIMITS: Record<NumericNorm, { min: number; max: number; unit: string; label: string }> = {
  cpVisitWorkingDays: { min: 1, max: 40, unit: 'working days', label: 'Child protection visits' },
  cinVisitWorkingDays: { min: 1, max: 60, unit: 'working days', label: 'Child in need visits' },
  coreGroupIntervalMonths: { min: 1, max: 6, unit: 'months', label: 'Core groups after the first' },
  cinPlanReviewMonths: { min: 1, max: 6, unit: 'months', label: 'Child in need plan reviews' },
  supervisionMonths: { min: 1, max: 6, unit: 'months', label: 'Case supervision' },
  visitWriteUpWorkingDays: { min: 1, max: 20, unit: 'working days', label: 'Writing up a visit' },
  strategyDiscussionWorkingDays: { min: 0, max: 15, unit: 'working days', label: 'Strategy discussion' },
  missingStrategyAbsentHours: { min: 1, max: 336, unit: 'hours', label: 'Missing children: strategy meeting after an absence of' },
  missingStrategyEpisodes: { min: 2, max: 10, unit: 'episodes', label: 'Missing children: strategy meeting at repeated episodes' },
  missingStrategyWindowDays: { min: 7, max: 365, unit: 'days', label: 'Missing children: episodes counted within' },
  missingStrategyWorkingDays: { min: 0, max: 10, unit: 'working days', label: 'Missing children: strategy meeting after a trigger' },
  keepingInTouchWeeks: { min: 1, max: 26, unit: 'weeks', label: 'Care leavers: keeping in touch' },
};

/** Local norms with their defaults; a stored row overrides the default. */
const DEFAULTS = {
  'front-door.rag-clock-hours': DEFAULT_RAG_CLOCK_HOURS,
  'obligations.local-norms': DEFAULT_LOCAL_NORMS,
  /** School terms, in which each looked-after child's personal education plan is reviewed. */
  'obligations.school-terms': DEFAULT_SCHOOL_TERMS,
  /** Children per full-time case-holding worker that caseloads are measured against (domain.md §1.4: many authorities aim for 15-18). */
  'workforce.caseload-guide': DEFAULT_CASELOAD_GUIDE,
  /** Days after its last decision that the front door may still view a child, read only (src/domain/access/decide.ts). */
  [FRONT_DOOR_RECENT_DAYS_SETTING]: DEFAULT_FRONT_DOOR_RECENT_DAYS,
  /** Children aged 0 to 17 in the authority (ONS mid-year estimate), for rates per 10,000 (domain.md §7.2: a Lewisham-sized borough). */
  'indicators.population-0-17': DEFAULT_POPULATION_0_TO_17,
} satisfies Record<string, unknown>;

type SettingKey = keyof typeof DEFAULTS;
type SettingValue<K extends SettingKey> = (typeof DEFAULTS)[K];

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(db: Database, audit: AuditService, clock: Clock) {
  /** `on` is the transaction to read in, when called inside one (PGlite would wait forever for a read outside it). */
  async function get<K extends SettingKey>(key: K, on: Executor = db): Promise<{ value: SettingValue<K>; version: number }> {
    const [row] = await on.select().from(settings).where(eq(settings.key, key));
    return row ? { value: row.value as SettingValue<K>, version: row.version } : { value: DEFAULTS[key], version: 0 };
  }

  async function ragClockHours(): Promise<RagClockHours> {
    return (await get('front-door.rag-clock-hours')).value;
  }

  /** The local timescale standards (visit frequencies, core groups...), each falling back to its default. */
  async function localNorms(on: Executor = db): Promise<LocalNorms> {
    const numbers = (await get('obligations.local-norms', on)).value;
    return { ...DEFAULT_LOCAL_NORMS, ...numbers, schoolTerms: (await get('obligations.school-terms', on)).value };
  }

  /** Changed only by an administrator (the route checks the role); the change is audited. */
  async function setRagClockHours(userId: string, hours: RagClockHours, expectedVersion: number) {
    for (const [k, v] of Object.entries(hours)) {
      if (!Number.isInteger(v) || v < 1 || v > 240) throw new ValidationFailed([{ field: k, message: `The ${k} clock must be a whole number of hours from 1 to 240` }]);
    }
    return put('front-door.rag-clock-hours', userId, hours, expectedVersion, 'Someone else changed the RAG clocks while you were editing them.');
  }

  /** Children per full-time case-holding worker (the caseload guide). */
  async function caseloadGuide(on: Executor = db): Promise<number> {
    return (await get('workforce.caseload-guide', on)).value;
  }

  /**
   * Writes one setting as a new version, refusing a stale edit, with the change audited in the same
   * transaction (the pattern of setRagClockHours).
   */
  async function put<K extends SettingKey>(key: K, userId: string, value: SettingValue<K>, expectedVersion: number, conflict: string): Promise<{ from: SettingValue<K>; version: number; repeated: boolean }> {
    return db.transaction(async (tx) => {
      const [current] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
      const version = current?.version ?? 0;
      if (version !== expectedVersion) {
        // The same form sent twice (a double click, a resend): the first saved exactly this, so the
        // second changes nothing and is not someone else's edit.
        const repeat = current && version === expectedVersion + 1 && current.updatedBy === userId && JSON.stringify(current.value) === JSON.stringify(value);
        if (repeat) return { from: value, version, repeated: true };
        throw new Conflict(conflict);
      }
      if (current) {
        await tx.update(settings).set({ value, updatedBy: userId, updatedAt: clock.now(), version: version + 1 }).where(eq(settings.key, key));
      } else {
        await tx.insert(settings).values({ key, value, updatedBy: userId, updatedAt: clock.now(), version: 1 });
      }
      const from = (current?.value ?? DEFAULTS[key]) as SettingValue<K>;
      await audit.record(tx, { userId, action: 'setting-changed', subjectType: 'setting', subjectId: key, detail: { from, to: value, version: version + 1 } });
      return { from, version: version + 1, repeated: false };
    });
  }

  /** Changed only by an administrator (the route checks the role); audited and versioned. */
  async function setLocalNorms(userId: string, norms: Record<NumericNorm, number>, expectedVersion: number) {
    const errors = [];
    for (const [k, limit] of Object.entries(LOCAL_NORM_LIMITS) as [NumericNorm, (typeof LOCAL_NORM_LIMITS)[NumericNorm]][]) {
      const v = norms[k];
      if (!Number.isInteger(v) || v < limit.min || v > limit.max) errors.push({ field: k, message: `${limit.label} must be a whole number of ${limit.unit} from ${limit.min} to ${limit.max}` });
    }
    if (errors.length) throw new ValidationFailed(errors);
    // The numbers only: the school terms are their own setting.
    const value: LocalNorms = Object.fromEntries(Object.keys(LOCAL_NORM_LIMITS).map((k) => [k, norms[k as NumericNorm]])) as unknown as LocalNorms;
    return put('obligations.local-norms', userId, value, expectedVersion, 'Someone else changed the local timescales while you were editing them.');
  }

  /** The school terms, in date order (parsed and checked by the route with parseTerms); audited and versioned. */
  async function setSchoolTerms(userId: string, terms: readonly SchoolTerm[], expectedVersion: number) {
    if (terms.length === 0) throw new ValidationFailed([{ field: 'schoolTerms', message: 'Enter at least one school term' }]);
    return put('obligations.school-terms', userId, terms, expectedVersion, 'Someone else changed the school terms while you were editing them.');
  }

  async function setCaseloadGuide(userId: string, guide: number, expectedVersion: number) {
    if (!Number.isInteger(guide) || guide < 1 || guide > 60) throw new ValidationFailed([{ field: 'caseloadGuide', message: 'The caseload guide must be a whole number of children from 1 to 60' }]);
    return put('workforce.caseload-guide', userId, guide, expectedVersion, 'Someone else changed the caseload guide while you were editing it.');
  }

  /** How long the front door keeps read-only sight of a child after deciding its work (days). */
  async function frontDoorRecentDays(on: Executor = db): Promise<number> {
    return (await get('access.front-door-recent-days', on)).value;
  }

  async function setFrontDoorRecentDays(userId: string, days: number, expectedVersion: number) {
    if (!Number.isInteger(days) || days < 0 || days > 365) throw new ValidationFailed([{ field: 'frontDoorRecentDays', message: 'The front door’s look-back must be a whole number of days from 0 to 365' }]);
    return put('access.front-door-recent-days', userId, days, expectedVersion, 'Someone else changed the front door’s look-back while you were editing it.');
  }

  /** Children aged 0 to 17 living in the authority: the denominator of every rate per 10,000. */
  async function population0to17(on: Executor = db): Promise<number> {
    return (await get('indicators.population-0-17', on)).value;
  }

  async function setPopulation0to17(userId: string, population: number, expectedVersion: number) {
    if (!Number.isInteger(population) || population < 1000 || population > 2_000_000) throw new ValidationFailed([{ field: 'population', message: 'The number of children must be a whole number from 1,000 to 2,000,000' }]);
    return put('indicators.population-0-17', userId, population, expectedVersion, 'Someone else changed the number of children while you were editing it.');
  }

  return { get, population0to17, setPopulation0to17, ragClockHours, frontDoorRecentDays, setFrontDoorRecentDays, setRagClockHours, localNorms, caseloadGuide, setLocalNorms, setSchoolTerms, setCaseloadGuide };
}
