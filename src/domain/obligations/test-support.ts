import { parsePlainDate } from '../time/index.js';
import { type ObligationRecord, emptyRecord } from './child-record.js';
import type { DueItem } from './due-item.js';
import { computeObligations } from './engine.js';
import { DEFAULT_LOCAL_NORMS, type LocalNorms } from './local-norms.js';

/** For the rules' table tests: a child's record from the parts a case needs. */
export const d = parsePlainDate;
export const child = (parts: Partial<ObligationRecord>): ObligationRecord => ({ ...emptyRecord('child-1'), ...parts });
export const run = (r: ObligationRecord, norms: Partial<LocalNorms> = {}) => computeObligations(r, { ...DEFAULT_LOCAL_NORMS, ...norms });

export type Row = [dueOn: string | null, metOn: string | null, lapsedOn: string | null];

/** The items of one rule as [dueOn, metOn, lapsedOn], in due order. */
export function of(items: DueItem[], rule: string): Row[] {
  return items
    .filter((i) => i.rule === rule)
    .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : 0))
    .map((i) => [i.dueOn, i.metOn, i.lapsedOn ?? null]);
}
