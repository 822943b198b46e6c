import type { ObligationRecord } from '../obligations/child-record.js';

/** What a worker may record next for a child, given where the journey stands. */
export type CaseAction =
  | 'record-assessment'
  | 'authorise-assessment'
  | 'record-strategy-discussion'
  | 'record-s47'
  | 'record-s47-outcome'
  | 'record-initial-conference'
  | 'record-review-conference'
  | 'record-core-group'
  | 'record-visit'
  | 'start-cin-plan'
  | 'end-cin-plan'
  | 'record-cin-plan-review'
  | 'close-episode';

export interface ActionDecision {
  allowed: boolean;
  /** Why not, in words a worker understands (shown when the page refuses). */
  reason: string | null;
}

const yes: ActionDecision = { allowed: true, reason: null };
const no = (reason: string): ActionDecision => ({ allowed: false, reason });

/**
 * The journey's gates, from the CIN census rules that a coherent record must keep: one open
 * episode (8815); no concurrent assessments (8890) or section 47s (8839); a section 47 starts at a
 * strategy discussion; no initial conference without a section 47 that needs one, or a transfer-in;
 * CIN and CP plans never overlap (4001); an episode does not close with work still open (8867, 8868),
 * nor with a section 47 enquiry that a strategy discussion decided on still unrecorded.
 */
export function allowedActions(r: ObligationRecord): Record<CaseAction, ActionDecision> {
  const open = r.episodes.find((e) => e.closureDate === null) ?? null;
  const inOpen = <T extends { episodeId: string }>(xs: readonly T[]) => (open ? xs.filter((x) => x.episodeId === open.id) : []);
  const assessments = inOpen(r.assessments);
  const openAssessment = assessments.find((a) => a.authorisedDate === null);
  const strategies = inOpen(r.strategyDiscussions);
  const s47s = inOpen(r.s47Enquiries);
  const openS47 = s47s.find((s) => s.endDate === null);
  const awaitingS47 = strategies.filter((d) => d.decision === 's47' && !r.s47Enquiries.some((s) => s.strategyDiscussionId === d.id));
  const icpcs = inOpen(r.icpcs);
  const needingConference = s47s.filter((s) => s.icpcRequired === true && !icpcs.some((c) => c.s47EnquiryId === s.id));
  const openCp = r.cpPlans.find((p) => p.endDate === null);
  const openCin = r.cinPlans.find((p) => p.endDate === null);

  if (!open) {
    const none = no('The child has no open child in need episode. Record a contact and a referral first.');
    return {
      'record-assessment': none,
      'authorise-assessment': none,
      'record-strategy-discussion': none,
      'record-s47': none,
      'record-s47-outcome': none,
      'record-initial-conference': none,
      'record-review-conference': openCp ? yes : no('The child is not on a child protection plan.'),
      'record-core-group': openCp ? yes : no('The child is not on a child protection plan.'),
      'record-visit': none,
      'start-cin-plan': none,
      'end-cin-plan': openCin ? yes : no('The child has no open child in need plan.'),
      'record-cin-plan-review': openCin ? yes : no('The child has no open child in need plan.'),
      'close-episode': none,
    };
  }
  return {
    'record-assessment': openAssessment ? no('An assessment is already in progress; authorise it before starting another.') : yes,
    'authorise-assessment': openAssessment ? yes : no('There is no assessment awaiting authorisation.'),
    'record-strategy-discussion': yes,
    'record-s47': openS47
      ? no('A section 47 enquiry is already open; record its outcome first.')
      : awaitingS47.length
        ? yes
        : no('A section 47 enquiry starts at a strategy discussion that decided on one. Record the strategy discussion first.'),
    'record-s47-outcome': openS47 ? yes : no('There is no open section 47 enquiry.'),
    // Always offered with an open episode: it is either for a section 47 that needs one, or a transfer-in.
    'record-initial-conference': openCp ? no('The child is already on a child protection plan.') : yes,
    'record-review-conference': openCp ? yes : no('The child is not on a child protection plan.'),
    'record-core-group': openCp ? yes : no('The child is not on a child protection plan.'),
    'record-visit': yes,
    'start-cin-plan': openCin ? no('A child in need plan is already open.') : openCp ? no('The child is on a child protection plan; a child in need plan cannot run alongside it.') : yes,
    'end-cin-plan': openCin ? yes : no('The child has no open child in need plan.'),
    'record-cin-plan-review': openCin ? yes : no('The child has no open child in need plan.'),
    'close-episode': openAssessment
      ? no('An assessment is still open. Authorise it before closing the episode.')
      : openS47
        ? no('A section 47 enquiry is still open. Record its outcome before closing the episode.')
        : openCp
          ? no('The child is on a child protection plan. End the plan at a review conference first.')
          : openCin
            ? no('A child in need plan is still open. End it first.')
            : needingConference.length
              ? no('A section 47 enquiry decided an initial conference was needed and none is recorded.')
              : awaitingS47.length
                ? no('A strategy discussion decided on a section 47 enquiry and none is recorded. Start the enquiry first.')
                : yes,
  };
}
