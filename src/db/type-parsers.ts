/**
 * The two drivers disagree on some types when raw SQL is used (int8 as string or number, `date`
 * as local or UTC midnight). Hearth reads them the same way on both: dates stay 'YYYY-MM-DD'
 * strings (a statutory date is a calendar date, never an instant) and counts are numbers.
 */
export const PG_TYPE = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const parseDate = (value: string): string => value;
export const parseInt8 = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is beyond a safe JavaScript integer`);
  return n;
};
