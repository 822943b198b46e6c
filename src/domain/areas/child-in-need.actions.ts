/**
 * What a worker may record next in the child in need area, as a table (after OpenCRVS's
 * allowed-actions): each action with why it is refused, from the CIN census rules a coherent
 * record keeps: one open episode (8815); no concurrent assessments (8890); CIN and CP plans never
 * overlap (4001); an episode does not close with work still open (8867, 8868), nor with a section
 * 47 enquiry that a strategy discussion decided on still unrecorded.
 */
import { type CaseFacts, NO_OPEN_EPISODE } from '../journey/case-facts.js';
import type { ActionRule } from './area.js';

const episodeFirst = (f: CaseFacts, then: () => string | null) => (f.open ? then() : NO_OPEN_EPISODE);
const NO_CIN_PLAN = 'The child has no open child in need plan.';

export const childInNeedActions = [
  { action: 'record-assessment', refuse: (f) => episodeFirst(f, () => (f.openAssessment ? 'An assessment is already in progress; authorise it before starting another.' : null)) },
  { action: 'authorise-assessment', refuse: (f) => episodeFirst(f, () => (f.openAssessment ? null : 'There is no assessment awaiting authorisation.')) },
  { action: 'record-visit', refuse: (f) => episodeFirst(f, () => null) },
  {
    action: 'start-cin-plan',
    refuse: (f) => episodeFirst(f, () => (f.openCin ? 'A child in need plan is already open.' : f.openCp ? 'The child is on a child protection plan; a child in need plan cannot run alongside it.' : null)),
  },
  // A plan open without an open episode (old data) can still be reviewed and ended.
  { action: 'end-cin-plan', refuse: (f) => (f.openCin ? null : NO_CIN_PLAN) },
  { action: 'record-cin-plan-review', refuse: (f) => (f.openCin ? null : NO_CIN_PLAN) },
  {
    action: 'close-episode',
    refuse: (f) =>
      episodeFirst(f, () =>
        f.openAssessment
          ? 'An assessment is still open. Authorise it before closing the episode.'
          : f.openS47
            ? 'A section 47 enquiry is still open. Record its outcome before closing the episode.'
            : f.openCp
              ? 'The child is on a child protection plan. End the plan at a review conference first.'
              : f.openCin
                ? 'A child in need plan is still open. End it first.'
                : f.needingConference
                  ? 'A section 47 enquiry decided an initial conference was needed and none is recorded.'
                  : f.awaitingS47
                    ? 'A strategy discussion decided on a section 47 enquiry and none is recorded. Start the enquiry first.'
                    : null,
      ),
  },
] as const satisfies readonly ActionRule<CaseFacts>[];
