/**
 * Care leavers (Children Act 1989 ss23A-24D; CPR 2010 Part 7; the Care Leavers (England) Regulations
 * 2010): the needs assessment, the pathway plan and its reviews, and keeping in touch (domain.md §1.3).
 */
import {
  RULE_KEEPING_IN_TOUCH,
  RULE_NEEDS_ASSESSMENT,
  RULE_PATHWAY_PLAN,
  RULE_PATHWAY_PLAN_REVIEW,
  SOURCE_KEEPING_IN_TOUCH,
  SOURCE_NEEDS_ASSESSMENT,
  SOURCE_PATHWAY_PLAN,
  SOURCE_PATHWAY_PLAN_REVIEW,
  keepingInTouchDue,
  needsAssessmentAndPathwayPlanDue,
  pathwayPlanReviewsDue,
} from '../obligations/rules/care-leavers.js';
import type { Area } from './area.js';

// No recording pages yet: each links to the young person's record (FormPage 'childRecord').
export const careLeaversArea: Area = {
  id: 'care-leavers',
  title: 'Care leavers',
  rules: [
    {
      id: RULE_NEEDS_ASSESSMENT,
      source: SOURCE_NEEDS_ASSESSMENT,
      label: 'Needs assessment (care leaver)',
      kind: 'care-leavers',
      recordedBy: 'worker',
      action: 'Open the young person’s record',
      form: 'childRecord',
      // One pass yields the needs assessment and the pathway plan, due on the same date.
      due: needsAssessmentAndPathwayPlanDue,
      order: 270,
    },
    { id: RULE_PATHWAY_PLAN, source: SOURCE_PATHWAY_PLAN, label: 'Pathway plan', kind: 'care-leavers', recordedBy: 'worker', action: 'Open the young person’s record', form: 'childRecord', due: { with: RULE_NEEDS_ASSESSMENT }, order: 280 },
    { id: RULE_PATHWAY_PLAN_REVIEW, source: SOURCE_PATHWAY_PLAN_REVIEW, label: 'Pathway plan review', kind: 'care-leavers', recordedBy: 'worker', action: 'Open the young person’s record', form: 'childRecord', due: pathwayPlanReviewsDue, order: 290 },
    { id: RULE_KEEPING_IN_TOUCH, source: SOURCE_KEEPING_IN_TOUCH, label: 'Keeping in touch (care leaver)', kind: 'care-leavers', recordedBy: 'worker', action: 'Open the young person’s record', form: 'childRecord', due: keepingInTouchDue, order: 300 },
  ],
  actions: [],
  // The recording pages add the kinds with the chronology entries that draw them.
  chronologyKinds: [],
};
