import { type PlainDate, compareDates } from '../time/index.js';
import type { IndicatorInput, IndicatorResult, IndicatorWindow } from './indicator.js';

/** The date falls in the window, both ends included. */
export const inWindow = (d: PlainDate | null, w: IndicatorWindow): d is PlainDate => d !== null && compareDates(d, w.from) >= 0 && compareDates(d, w.to) <= 0;

/**
 * Open at the end of the day `at`: started on or before it, and not ended by it. A spell's end
 * date is the first day it no longer applies (src/domain/journey/status.ts, the SSDA903 and CIN
 * census convention), so a plan ended on 31 March is not open at 31 March.
 */
export const openAt = (startDate: PlainDate, endDate: PlainDate | null, at: PlainDate): boolean =>
  compareDates(startDate, at) <= 0 && (endDate === null || compareDates(endDate, at) > 0);

const uniq = (ids: readonly string[]) => [...new Set(ids)];

/** A plain count of events; `childIds` are the children with at least one. */
export function count(ids: readonly string[]): IndicatorResult {
  return { numerator: ids.length, denominator: null, value: ids.length, childIds: uniq(ids) };
}

/** A share of a denominator, as a percentage rounded to one decimal place. */
export function percent(numeratorIds: readonly string[], denominator: number): IndicatorResult {
  const value = denominator === 0 ? null : Math.round((numeratorIds.length / denominator) * 1000) / 10;
  return { numerator: numeratorIds.length, denominator, value, childIds: uniq(numeratorIds) };
}

/** Per 10,000 children aged 0 to 17, rounded to one decimal place. */
export function per10k(ids: readonly string[], input: Pick<IndicatorInput, 'population0to17'>): IndicatorResult {
  const pop = input.population0to17;
  const value = pop > 0 ? Math.round((ids.length / pop) * 100000) / 10 : null;
  return { numerator: ids.length, denominator: pop, value, childIds: uniq(ids) };
}
