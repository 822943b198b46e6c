import type { ObligationRecord } from './child-record.js';
import type { DueItem } from './due-item.js';
import { referralDecisionDue } from './front-door.js';
import type { LocalNorms } from './local-norms.js';
import { assessmentDue } from './rules/assessment.js';
import { coreGroupsDue, initialConferenceDue, reviewConferencesDue, strategyDiscussionDue } from './rules/child-protection.js';
import { caseSupervisionDue } from './rules/supervision.js';
import { cinPlanReviewsDue, cinVisitsDue, cpVisitsDue, visitWriteUpsDue } from './rules/visits.js';

/**
 * Every date-based obligation of one child, met or not: a pure function of the record and the
 * local norms. The service stores the result when the child's record changes; worktrays and
 * compliance read it; "overdue" is judged against today when read. (The MASH RAG clocks are hour
 * clocks on contacts and are computed where contacts are listed.)
 */
export function computeObligations(record: ObligationRecord, norms: LocalNorms): DueItem[] {
  return [
    ...record.episodes.map((e) => referralDecisionDue({ id: e.id, personId: record.personId, referralDate: e.referralDate, referralDecidedOn: e.referralDecidedOn })).map((i) => {
      const episode = record.episodes.find((e) => e.id === i.subjectId)!;
      return { ...i, lapsedOn: !i.metOn && episode.closureDate ? episode.closureDate : null };
    }),
    ...assessmentDue(record),
    ...strategyDiscussionDue(record, norms),
    ...initialConferenceDue(record),
    ...coreGroupsDue(record, norms),
    ...reviewConferencesDue(record),
    ...cpVisitsDue(record, norms),
    ...cinVisitsDue(record, norms),
    ...cinPlanReviewsDue(record, norms),
    ...visitWriteUpsDue(record, norms),
    ...caseSupervisionDue(record, norms),
  ];
}
