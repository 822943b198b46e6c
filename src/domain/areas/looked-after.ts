/**
 * Children looked after (Children Act 1989 s22; the Care Planning, Placement and Case Review
 * (England) Regulations 2010): the care and placement plans, the reviews, the statutory visits,
 * health, education, and missing episodes (domain.md §1.2).
 */
import { RULE_DENTAL, RULE_IHA, RULE_RHA, RULE_SDQ, SOURCE_DENTAL, SOURCE_IHA, SOURCE_RHA, SOURCE_SDQ, dentalChecksDue, initialHealthAssessmentDue, reviewHealthAssessmentsDue, sdqDue } from '../obligations/rules/looked-after-health.js';
import { RULE_PEP, SOURCE_PEP, pepsDue } from '../obligations/rules/looked-after-education.js';
import { RULE_CARE_PLAN, RULE_PLACEMENT_PLAN, SOURCE_CARE_PLAN, SOURCE_PLACEMENT_PLAN, carePlanDue, placementPlanDue } from '../obligations/rules/looked-after-plans.js';
import { RULE_FIRST_LA_REVIEW, RULE_LA_REVIEW, RULE_SECOND_LA_REVIEW, SOURCE_FIRST_LA_REVIEW, SOURCE_LA_REVIEW, SOURCE_SECOND_LA_REVIEW, lookedAfterReviewsDue } from '../obligations/rules/looked-after-reviews.js';
import { RULE_LA_VISIT, SOURCE_LA_VISIT, lookedAfterVisitsDue } from '../obligations/rules/looked-after-visits.js';
import { RULE_MISSING_STRATEGY, RULE_RETURN_INTERVIEW, SOURCE_MISSING_STRATEGY, SOURCE_RETURN_INTERVIEW, missingStrategyMeetingsDue, returnInterviewsDue } from '../obligations/rules/missing.js';
import type { Area } from './area.js';
import { lookedAfterActions } from './looked-after.actions.js';

export const lookedAfterArea: Area = {
  id: 'looked-after',
  title: 'Looked after',
  rules: [
    { id: RULE_CARE_PLAN, source: SOURCE_CARE_PLAN, label: 'Care plan', kind: 'la-plans', recordedBy: 'worker', action: 'Record the care plan', form: 'laCarePlan', due: carePlanDue, order: 140 },
    { id: RULE_PLACEMENT_PLAN, source: SOURCE_PLACEMENT_PLAN, label: 'Placement plan', kind: 'la-plans', recordedBy: 'worker', action: 'Record the placement plan', form: 'laPlacementPlan', due: placementPlanDue, order: 150 },
    {
      id: RULE_FIRST_LA_REVIEW,
      source: SOURCE_FIRST_LA_REVIEW,
      label: 'First looked-after review',
      kind: 'la-reviews',
      recordedBy: 'worker',
      action: 'Record the review',
      form: 'laReview',
      // One chain of reviews per period of care yields the first, the second and the ones after.
      due: lookedAfterReviewsDue,
      order: 160,
    },
    { id: RULE_SECOND_LA_REVIEW, source: SOURCE_SECOND_LA_REVIEW, label: 'Second looked-after review', kind: 'la-reviews', recordedBy: 'worker', action: 'Record the review', form: 'laReview', due: { with: RULE_FIRST_LA_REVIEW }, order: 170 },
    { id: RULE_LA_REVIEW, source: SOURCE_LA_REVIEW, label: 'Looked-after review', kind: 'la-reviews', recordedBy: 'worker', action: 'Record the review', form: 'laReview', due: { with: RULE_FIRST_LA_REVIEW }, order: 180 },
    { id: RULE_LA_VISIT, source: SOURCE_LA_VISIT, label: 'Statutory visit (child in care)', kind: 'visits', recordedBy: 'worker', action: 'Record a visit', form: 'laVisit', due: lookedAfterVisitsDue, order: 190 },
    { id: RULE_IHA, source: SOURCE_IHA, label: 'Initial health assessment', kind: 'la-health', recordedBy: 'worker', action: 'Record the health assessment', form: 'laHealth', due: initialHealthAssessmentDue, order: 200 },
    { id: RULE_RHA, source: SOURCE_RHA, label: 'Review health assessment', kind: 'la-health', recordedBy: 'worker', action: 'Record the health assessment', form: 'laHealth', due: reviewHealthAssessmentsDue, order: 210 },
    { id: RULE_DENTAL, source: SOURCE_DENTAL, label: 'Dental check', kind: 'la-health', recordedBy: 'worker', action: 'Record the dental check', form: 'laHealth', due: dentalChecksDue, order: 220 },
    { id: RULE_SDQ, source: SOURCE_SDQ, label: 'Strengths and Difficulties Questionnaire', kind: 'la-health', recordedBy: 'worker', action: 'Record the questionnaire', form: 'laHealth', due: sdqDue, order: 230 },
    { id: RULE_PEP, source: SOURCE_PEP, label: 'Personal education plan', kind: 'la-education', recordedBy: 'worker', action: 'Record the PEP meeting', form: 'laPep', due: pepsDue, order: 240 },
    { id: RULE_RETURN_INTERVIEW, source: SOURCE_RETURN_INTERVIEW, label: 'Return home interview', kind: 'missing', recordedBy: 'worker', action: 'Record the return home interview', form: 'returnInterview', due: returnInterviewsDue, order: 250 },
    { id: RULE_MISSING_STRATEGY, source: SOURCE_MISSING_STRATEGY, label: 'Strategy meeting (missing child)', kind: 'missing', recordedBy: 'worker', action: 'Open the child’s record', form: 'childRecord', due: missingStrategyMeetingsDue, order: 260 },
  ],
  actions: lookedAfterActions,
  // The recording pages add the kinds with the chronology entries that draw them.
  chronologyKinds: [],
};
