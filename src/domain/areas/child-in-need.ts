/**
 * Child in need (Children Act 1989 s17; the CIN census): the assessment, the child in need plan
 * with its visits and reviews, and visits written up. A CIN episode runs from referral to closure.
 */
import { RULE_ASSESSMENT, SOURCE_ASSESSMENT, assessmentDue } from '../obligations/rules/assessment.js';
import {
  RULE_CIN_PLAN_REVIEW,
  RULE_CIN_VISIT,
  RULE_VISIT_WRITE_UP,
  SOURCE_CIN_PLAN_REVIEW,
  SOURCE_CIN_VISIT,
  SOURCE_VISIT_WRITE_UP,
  cinPlanReviewsDue,
  cinVisitsDue,
  visitWriteUpsDue,
} from '../obligations/rules/visits.js';
import type { Area } from './area.js';
import { childInNeedActions } from './child-in-need.actions.js';

export const childInNeedArea: Area = {
  id: 'child-in-need',
  title: 'Child in need',
  rules: [
    {
      id: RULE_ASSESSMENT,
      source: SOURCE_ASSESSMENT,
      label: 'Child and family assessment',
      metBy: 'Child and family assessment authorised',
      kind: 'assessments',
      recordedBy: 'worker',
      action: 'Record the assessment',
      form: 'startAssessment',
      due: (r) => assessmentDue(r),
      order: 20,
    },
    {
      id: RULE_CIN_VISIT,
      source: SOURCE_CIN_VISIT,
      label: 'Child in need visit',
      kind: 'visits',
      recordedBy: 'worker',
      action: 'Record a visit',
      form: 'visit',
      due: cinVisitsDue,
      order: 100,
    },
    {
      id: RULE_CIN_PLAN_REVIEW,
      source: SOURCE_CIN_PLAN_REVIEW,
      label: 'Child in need plan review',
      kind: 'cin-reviews',
      recordedBy: 'worker',
      action: 'Record the review',
      form: 'cinPlanReview',
      due: cinPlanReviewsDue,
      order: 110,
    },
    {
      id: RULE_VISIT_WRITE_UP,
      source: SOURCE_VISIT_WRITE_UP,
      label: 'Write up visit',
      kind: 'write-ups',
      recordedBy: 'worker',
      action: 'Write up the visit',
      form: 'visitWriteUp',
      due: visitWriteUpsDue,
      order: 120,
    },
  ],
  actions: childInNeedActions,
  chronologyKinds: ['assessment', 'cin-plan', 'visit', 'allocation', 'closure'],
};
