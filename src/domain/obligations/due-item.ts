import type { PlainDate } from '../time/index.js';

/**
 * One thing that is due: the output of every timescale rule. `dueOn` is a date for working-day and
 * calendar rules, an instant for hour clocks (`dueAt`). `metOn`/`metAt` are set once done.
 * `basis` says in words where the due date comes from, for the worker and for an auditor.
 */
export interface DueItem {
  rule: string;
  personId: string;
  subjectType: string;
  subjectId: string;
  dueOn: PlainDate | null;
  dueAt: Date | null;
  metOn: PlainDate | null;
  metAt: Date | null;
  /**
   * The date the duty stopped applying without being met (the plan or episode ended first): such
   * an item is no longer on anyone's worktray, but compliance counts it as missed.
   */
  lapsedOn?: PlainDate | null;
  basis: string;
  source: string;
}
