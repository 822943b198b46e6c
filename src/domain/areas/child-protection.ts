/**
 * Child protection (Children Act 1989 s47; Working Together to Safeguard Children 2023): the
 * strategy discussion, the section 47 enquiry, the conferences, the plan, its core groups and visits.
 */
import {
  RULE_CORE_GROUP,
  RULE_FIRST_CORE_GROUP,
  RULE_ICPC,
  RULE_REVIEW_CONFERENCE,
  RULE_STRATEGY_DISCUSSION,
  SOURCE_CORE_GROUP,
  SOURCE_FIRST_CORE_GROUP,
  SOURCE_ICPC,
  SOURCE_REVIEW_CONFERENCE,
  SOURCE_STRATEGY_DISCUSSION,
  coreGroupsDue,
  initialConferenceDue,
  reviewConferencesDue,
  strategyDiscussionDue,
} from '../obligations/rules/child-protection.js';
import { RULE_CP_VISIT, RULE_CP_VISIT_SEEN_ALONE, SOURCE_CP_VISIT, SOURCE_CP_VISIT_SEEN_ALONE, cpVisitsDue } from '../obligations/rules/visits.js';
import type { Area } from './area.js';
import { childProtectionActions } from './child-protection.actions.js';

export const childProtectionArea: Area = {
  id: 'child-protection',
  title: 'Child protection',
  rules: [
    {
      id: RULE_STRATEGY_DISCUSSION,
      source: SOURCE_STRATEGY_DISCUSSION,
      label: 'Strategy discussion',
      kind: 'strategy',
      recordedBy: 'worker',
      action: 'Record the strategy discussion',
      form: 'strategyDiscussion',
      due: strategyDiscussionDue,
      order: 30,
    },
    {
      id: RULE_ICPC,
      source: SOURCE_ICPC,
      label: 'Initial child protection conference',
      kind: 'conferences',
      recordedBy: 'worker',
      action: 'Record the conference',
      form: 'initialConference',
      due: (r) => initialConferenceDue(r),
      order: 40,
    },
    {
      id: RULE_FIRST_CORE_GROUP,
      source: SOURCE_FIRST_CORE_GROUP,
      label: 'First core group',
      kind: 'core-groups',
      recordedBy: 'worker',
      action: 'Record the core group',
      form: 'coreGroup',
      // One chain of core groups per plan yields the first and the ones after.
      due: coreGroupsDue,
      order: 50,
    },
    {
      id: RULE_CORE_GROUP,
      source: SOURCE_CORE_GROUP,
      label: 'Core group',
      kind: 'core-groups',
      recordedBy: 'worker',
      action: 'Record the core group',
      form: 'coreGroup',
      due: { with: RULE_FIRST_CORE_GROUP },
      order: 60,
    },
    {
      id: RULE_REVIEW_CONFERENCE,
      source: SOURCE_REVIEW_CONFERENCE,
      label: 'Review child protection conference',
      kind: 'conferences',
      recordedBy: 'worker',
      action: 'Record the review conference',
      form: 'reviewConference',
      due: (r) => reviewConferencesDue(r),
      order: 70,
    },
    {
      id: RULE_CP_VISIT,
      source: SOURCE_CP_VISIT,
      label: 'CP statutory visit',
      kind: 'visits',
      recordedBy: 'worker',
      action: 'Record a visit',
      form: 'visit',
      // The regular visits and the ones that must see the child alone come from one pass over the visits.
      due: cpVisitsDue,
      order: 80,
    },
    {
      id: RULE_CP_VISIT_SEEN_ALONE,
      source: SOURCE_CP_VISIT_SEEN_ALONE,
      label: 'CP visit: see the child alone',
      kind: 'visits',
      recordedBy: 'worker',
      action: 'Record a visit',
      form: 'visit',
      due: { with: RULE_CP_VISIT },
      order: 90,
    },
  ],
  actions: childProtectionActions,
  chronologyKinds: ['strategy', 's47', 'conference', 'cp-plan', 'core-group'],
};
