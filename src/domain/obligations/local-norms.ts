import { DEFAULT_SCHOOL_TERMS, type SchoolTerm } from '../time/index.js';

/**
 * Local standards: not in statute, set by each authority, changed only by an administrator.
 * The defaults are the common ones in domain.md §1.1, §1.2 (rows 10 and 22), §1.3 and §1.4.
 */
export interface LocalNorms {
  /** Strategy discussion after the decision to hold one (working days). */
  strategyDiscussionWorkingDays: number;
  /** Core groups after the first (calendar months). */
  coreGroupIntervalMonths: number;
  /** CP statutory visits (working days between visits). */
  cpVisitWorkingDays: number;
  /** CIN visits (working days between visits). */
  cinVisitWorkingDays: number;
  /** CIN plan reviews (calendar months). */
  cinPlanReviewMonths: number;
  /** Case supervision: each allocated child discussed (calendar months). */
  supervisionMonths: number;
  /** Writing up a visit (working days after it). */
  visitWriteUpWorkingDays: number;
  /** Missing children: a strategy meeting once a child has been absent this many hours. */
  missingStrategyAbsentHours: number;
  /** Missing children: a strategy meeting at this many missing episodes... */
  missingStrategyEpisodes: number;
  /** ...starting within this many days. */
  missingStrategyWindowDays: number;
  /** Missing children: working days from a trigger to the strategy meeting (0 = the same day). */
  missingStrategyWorkingDays: number;
  /** Care leavers (former relevant): keeping in touch at least every so many weeks. */
  keepingInTouchWeeks: number;
  /** School terms: a personal education plan is reviewed in each. */
  schoolTerms: readonly SchoolTerm[];
}

/** The local norms that are whole numbers (the settings page's fields). */
export type NumericNorm = Exclude<keyof LocalNorms, 'schoolTerms'>;

export const DEFAULT_LOCAL_NORMS: LocalNorms = {
  strategyDiscussionWorkingDays: 1,
  coreGroupIntervalMonths: 1,
  cpVisitWorkingDays: 10,
  cinVisitWorkingDays: 20,
  cinPlanReviewMonths: 3,
  supervisionMonths: 1,
  visitWriteUpWorkingDays: 2,
  missingStrategyAbsentHours: 72,
  missingStrategyEpisodes: 3,
  missingStrategyWindowDays: 90,
  missingStrategyWorkingDays: 1,
  keepingInTouchWeeks: 8,
  schoolTerms: DEFAULT_SCHOOL_TERMS,
};
