import type { PlainDate } from '../../time/index.js';
import type { DueItem } from '../due-item.js';

/** A date-based due item (the usual kind; hour clocks build their own). */
export function dateItem(fields: {
  rule: string;
  personId: string;
  subjectType: string;
  subjectId: string;
  dueOn: PlainDate;
  metOn: PlainDate | null;
  lapsedOn?: PlainDate | null;
  basis: string;
  source: string;
}): DueItem {
  return { ...fields, dueAt: null, metAt: null, lapsedOn: fields.lapsedOn ?? null };
}
