/** A calendar month, "2026-03". */
export type Month = string & { readonly __brand: 'Month' };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: unknown): s is Month {
  return typeof s === 'string' && MONTH.test(s);
}

export function monthOf(date: string): Month {
  return date.slice(0, 7) as Month;
}

export function addMonthsTo(m: Month, n: number): Month {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  const index = y * 12 + (mo - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` as Month;
}

/** The months from `first` to `last`, both included. */
export function monthsFrom(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let m = first; m <= last; m = addMonthsTo(m, 1)) out.push(m);
  return out;
}

const NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2026". */
export const monthName = (m: Month) => `${NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
