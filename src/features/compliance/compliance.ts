/**
 * Compliance arithmetic, pure: how one stored obligation counts in a period, the share done on
 * time, and the periods a manager chooses between. The SQL in compliance.service.ts counts the same
 * way (a test checks the two agree).
 */
import { type PlainDate, addDays, addMonths, compareDates, datePartsOf, daysInMonth, formatLongDate, plainDateFromParts } from '../../domain/time/index.js';

export type Outcome = 'on-time' | 'late' | 'missed' | 'not-yet-due';

export const outcomeLabels: Record<Outcome, string> = {
  'on-time': 'On time',
  late: 'Late',
  missed: 'Missed',
  'not-yet-due': 'Not yet due',
};

/**
 * An item due in the period: met on or before its due date is on time; met after it, late; never
 * met and either lapsed (the plan or episode ended first) or still open past its due date, missed;
 * open and due today or later, not yet due (left out of the share).
 */
export function outcomeOf(item: { dueOn: PlainDate; metOn: PlainDate | null; lapsedOn: PlainDate | null }, today: PlainDate): Outcome {
  if (item.metOn) return compareDates(item.metOn, item.dueOn) <= 0 ? 'on-time' : 'late';
  if (item.lapsedOn) return 'missed';
  return compareDates(item.dueOn, today) < 0 ? 'missed' : 'not-yet-due';
}

export interface OutcomeCounts {
  onTime: number;
  late: number;
  missed: number;
  notYetDue: number;
}

export const emptyCounts = (): OutcomeCounts => ({ onTime: 0, late: 0, missed: 0, notYetDue: 0 });

export function addCounts(a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts {
  return { onTime: a.onTime + b.onTime, late: a.late + b.late, missed: a.missed + b.missed, notYetDue: a.notYetDue + b.notYetDue };
}

export function countOutcomes(items: readonly { dueOn: PlainDate; metOn: PlainDate | null; lapsedOn: PlainDate | null }[], today: PlainDate): OutcomeCounts {
  const c = emptyCounts();
  for (const i of items) {
    const o = outcomeOf(i, today);
    if (o === 'on-time') c.onTime++;
    else if (o === 'late') c.late++;
    else if (o === 'missed') c.missed++;
    else c.notYetDue++;
  }
  return c;
}

/** Items whose outcome is known: the share's denominator. */
export const decided = (c: OutcomeCounts) => c.onTime + c.late + c.missed;

/** The share done on time, 0 to 1, or null when nothing in the period has an outcome yet. */
export function shareOnTime(c: OutcomeCounts): number | null {
  const n = decided(c);
  return n === 0 ? null : c.onTime / n;
}

/** "87%", or "No items" when there is nothing to measure. Whole percentages, rounded down so 99.6% never reads as 100%. */
export function formatShare(share: number | null): string {
  if (share === null) return 'No items';
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

export type PeriodChoice = 'this-month' | 'last-month' | 'last-3-months' | 'custom';

export const periodLabels: Record<PeriodChoice, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'last-3-months': 'The last 3 full months',
  custom: 'Choose dates',
};

export const isPeriodChoice = (v: unknown): v is PeriodChoice => typeof v === 'string' && v in periodLabels;

export interface Period {
  choice: PeriodChoice;
  from: PlainDate;
  to: PlainDate;
  /** "1 November 2026 to 30 November 2026". */
  text: string;
}

const firstOfMonth = (d: PlainDate) => {
  const { year, month } = datePartsOf(d);
  return plainDateFromParts(year, month, 1)!;
};
const lastOfMonth = (d: PlainDate) => {
  const { year, month } = datePartsOf(d);
  return plainDateFromParts(year, month, daysInMonth(year, month))!;
};

/** The dates of a chosen period, relative to today; a custom one is given its own dates. */
export function periodOf(choice: PeriodChoice, today: PlainDate, custom?: { from: PlainDate; to: PlainDate }): Period {
  let from: PlainDate;
  let to: PlainDate;
  if (choice === 'custom' && custom) {
    from = custom.from;
    to = custom.to;
  } else if (choice === 'last-month') {
    from = firstOfMonth(addMonths(firstOfMonth(today), -1));
    to = lastOfMonth(from);
  } else if (choice === 'last-3-months') {
    from = firstOfMonth(addMonths(firstOfMonth(today), -3));
    to = addDays(firstOfMonth(today), -1);
  } else {
    from = firstOfMonth(today);
    to = lastOfMonth(today);
    choice = 'this-month';
  }
  return { choice, from, to, text: `${formatLongDate(from)} to ${formatLongDate(to)}` };
}
