import type { Indicator } from './indicator.js';
import { openAt, per10k } from './measure.js';

const DFE_CIN = 'DfE, Children in need statistics (CIN census)';

export const childrenInNeedRate: Indicator = {
  id: 'cin-rate',
  title: 'Children in need per 10,000 children',
  definition: 'Children with an open child in need episode (including those on a child protection plan or looked after) at the end of the period, per 10,000 children aged 0 to 17.',
  source: DFE_CIN,
  measure: 'as-at',
  unit: 'per-10k',
  polarity: 'context',
  england: { value: 332.9, year: '2024', source: DFE_CIN },
  compute: (input) => per10k(input.children.filter((c) => c.episodes.some((e) => openAt(e.referralDate, e.closureDate, input.window.to))).map((c) => c.personId), input),
};

export const CHILDREN_IN_NEED_INDICATORS: readonly Indicator[] = [childrenInNeedRate];
