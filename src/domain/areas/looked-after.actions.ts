/**
 * What may be recorded next for a looked-after child, as a table (after OpenCRVS's allowed-actions).
 * A child becomes looked after once at a time: a new period of care starts only when none is open
 * (SSDA903: periods of care never overlap, rule 501). Legal status and placement changes, reviews,
 * looked-after visits, health and education records belong to an open period of care. Missing and
 * away episodes are recorded for any child, looked after or not, in one place; a return needs an
 * episode the child has not yet returned from.
 */
import type { CaseFacts } from '../journey/case-facts.js';
import { formatLongDate } from '../time/index.js';
import type { ActionRule } from './area.js';

export const NOT_LOOKED_AFTER = 'The child is not looked after. Record that the child became looked after first.';
const periodFirst = (f: CaseFacts) => (f.periodOfCare ? null : NOT_LOOKED_AFTER);

export const lookedAfterActions = [
  {
    action: 'become-looked-after',
    refuse: (f) => (f.periodOfCare ? `The child has been looked after since ${formatLongDate(f.periodOfCare.startDate)}. Change the legal status or the placement instead.` : null),
  },
  { action: 'change-legal-status', refuse: periodFirst },
  { action: 'change-placement', refuse: periodFirst },
  { action: 'record-cla-review', refuse: periodFirst },
  { action: 'record-cla-visit', refuse: periodFirst },
  { action: 'record-health', refuse: periodFirst },
  { action: 'record-pep', refuse: periodFirst },
  { action: 'record-care-plan', refuse: periodFirst },
  { action: 'record-placement-plan', refuse: periodFirst },
  { action: 'record-missing', refuse: () => null },
  { action: 'record-missing-return', refuse: (f) => (f.openMissing ? null : 'The child is not recorded as missing or away now.') },
  { action: 'record-return-interview', refuse: () => null },
] as const satisfies readonly ActionRule<CaseFacts>[];
