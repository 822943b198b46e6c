/**
 * Local standards: not in statute, set by each authority, changed only by an administrator.
 * The defaults are the common ones in domain.md §1.1 and §1.4.
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
  /** Early help plan reviews (calendar weeks between reviews). */
  earlyHelpReviewWeeks: number;
}

export const DEFAULT_LOCAL_NORMS: LocalNorms = {
  strategyDiscussionWorkingDays: 1,
  coreGroupIntervalMonths: 1,
  cpVisitWorkingDays: 10,
  cinVisitWorkingDays: 20,
  cinPlanReviewMonths: 3,
  supervisionMonths: 1,
  visitWriteUpWorkingDays: 2,
  earlyHelpReviewWeeks: 6,
};
