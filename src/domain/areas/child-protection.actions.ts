/**
 * What a worker may record next in the child protection area, as a table (after OpenCRVS's
 * allowed-actions): no concurrent section 47s (CIN census 8839); a section 47 starts at a strategy
 * discussion that decided on one; no initial conference while a plan is open (the conference is
 * either for a section 47 that needs one, or a transfer-in); reviews and core groups need a plan.
 */
import { type CaseFacts, NO_OPEN_EPISODE } from '../journey/case-facts.js';
import type { ActionRule } from './area.js';

const episodeFirst = (f: CaseFacts, then: () => string | null) => (f.open ? then() : NO_OPEN_EPISODE);
const NO_CP_PLAN = 'The child is not on a child protection plan.';

export const childProtectionActions = [
  { action: 'record-strategy-discussion', refuse: (f) => episodeFirst(f, () => null) },
  {
    action: 'record-s47',
    refuse: (f) =>
      episodeFirst(f, () =>
        f.openS47 ? 'A section 47 enquiry is already open; record its outcome first.' : f.awaitingS47 ? null : 'A section 47 enquiry starts at a strategy discussion that decided on one. Record the strategy discussion first.',
      ),
  },
  { action: 'record-s47-outcome', refuse: (f) => episodeFirst(f, () => (f.openS47 ? null : 'There is no open section 47 enquiry.')) },
  { action: 'record-initial-conference', refuse: (f) => episodeFirst(f, () => (f.openCp ? 'The child is already on a child protection plan.' : null)) },
  // A plan open without an open episode (old data) can still be reviewed.
  { action: 'record-review-conference', refuse: (f) => (f.openCp ? null : NO_CP_PLAN) },
  { action: 'record-core-group', refuse: (f) => (f.openCp ? null : NO_CP_PLAN) },
] as const satisfies readonly ActionRule<CaseFacts>[];
