/**
 * The worktray's sections, worked out against today when the page is read (nothing is stored as
 * "overdue"): overdue first, then due today, the rest of this week (to Sunday), the next four
 * weeks, and later. Pure, so it is tested as a table.
 */
import { type PlainDate, addDays, compareDates, dayOfWeek, formatDayAndDate } from '../../domain/time/index.js';

export type WorkGroupKey = 'overdue' | 'today' | 'this-week' | 'coming-up' | 'later';

export const COMING_UP_DAYS = 28;

export interface WorkGroup<T> {
  key: WorkGroupKey;
  heading: string;
  /** A line under the heading that says where the section ends. */
  hint: string;
  items: T[];
}

export interface GroupBounds {
  today: PlainDate;
  /** The Sunday that ends this week (today when today is a Sunday). */
  endOfWeek: PlainDate;
  /** The last day shown as "coming up": four weeks from today. */
  endOfComingUp: PlainDate;
}

export function groupBounds(today: PlainDate): GroupBounds {
  return { today, endOfWeek: addDays(today, 7 - dayOfWeek(today)), endOfComingUp: addDays(today, COMING_UP_DAYS) };
}

export function groupOf(dueOn: PlainDate, bounds: GroupBounds): WorkGroupKey {
  if (compareDates(dueOn, bounds.today) < 0) return 'overdue';
  if (dueOn === bounds.today) return 'today';
  if (compareDates(dueOn, bounds.endOfWeek) <= 0) return 'this-week';
  if (compareDates(dueOn, bounds.endOfComingUp) <= 0) return 'coming-up';
  return 'later';
}

/** Most urgent first: the earliest due date, then the child's name, then the duty's name. */
export function byUrgency<T extends { dueOn: PlainDate; childName: string; label: string }>(a: T, b: T): number {
  return compareDates(a.dueOn, b.dueOn) || a.childName.localeCompare(b.childName, 'en-GB') || a.label.localeCompare(b.label, 'en-GB');
}

/** Every section, in order, each sorted most urgent first; empty sections are kept (the page says "nothing"). */
export function groupWork<T extends { dueOn: PlainDate; childName: string; label: string }>(items: readonly T[], today: PlainDate): WorkGroup<T>[] {
  const bounds = groupBounds(today);
  const groups: WorkGroup<T>[] = [
    { key: 'overdue', heading: 'Overdue', hint: 'Due before today', items: [] },
    { key: 'today', heading: 'Due today', hint: formatDayAndDate(today), items: [] },
    { key: 'this-week', heading: 'Due this week', hint: bounds.endOfWeek === today ? 'Today is the last day of the week' : `From tomorrow to ${formatDayAndDate(bounds.endOfWeek)}`, items: [] },
    { key: 'coming-up', heading: 'Coming up in the next 4 weeks', hint: `After this week, to ${formatDayAndDate(bounds.endOfComingUp)}`, items: [] },
    { key: 'later', heading: 'Later', hint: `After ${formatDayAndDate(bounds.endOfComingUp)}`, items: [] },
  ];
  const byKey = new Map(groups.map((g) => [g.key, g]));
  for (const item of items) byKey.get(groupOf(item.dueOn, bounds))!.items.push(item);
  for (const g of groups) g.items.sort(byUrgency);
  return groups;
}
