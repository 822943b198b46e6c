import { type PlainDate, compareDates } from '../../time/index.js';

/**
 * A duty due once: met by the first event on or after `from` (or the date given), lapsed when what
 * owed it ended first (a placement, a period of care) after it fell due, and not owed at all when it
 * ended before it fell due. Null when not owed.
 */
export function oneOff(o: { dueOn: PlainDate; metOn: PlainDate | null; end: PlainDate | null }): { dueOn: PlainDate; metOn: PlainDate | null; lapsedOn: PlainDate | null } | null {
  if (o.metOn) return { dueOn: o.dueOn, metOn: o.metOn, lapsedOn: null };
  if (o.end === null) return { dueOn: o.dueOn, metOn: null, lapsedOn: null };
  return compareDates(o.dueOn, o.end) <= 0 ? { dueOn: o.dueOn, metOn: null, lapsedOn: o.end } : null;
}

/** The earliest of these dates on or after `from` (and, when given, on or before `until`). */
export function firstOnOrAfter(dates: readonly PlainDate[], from: PlainDate, until: PlainDate | null = null): PlainDate | null {
  return [...dates].filter((d) => compareDates(d, from) >= 0 && (until === null || compareDates(d, until) <= 0)).sort(compareDates)[0] ?? null;
}
