/**
 * Early help: support for a child and family below the threshold for children's social care
 * (Working Together to Safeguard Children 2023, chapter 1: early help). Opened by the MASH decision
 * "early help" or a step down from a child in need episode; reviewed with the family on a local
 * standard; ended by closure with an outcome or a step up to children's social care.
 * Its gates are in src/domain/early-help/actions.ts (its own facts, not the journey's).
 */
import { RULE_EARLY_HELP_REVIEW, SOURCE_EARLY_HELP_REVIEW, earlyHelpReviewDue } from '../obligations/rules/early-help.js';
import type { Area } from './area.js';

export const earlyHelpArea: Area = {
  id: 'early-help',
  title: 'Early help',
  rules: [
    {
      id: RULE_EARLY_HELP_REVIEW,
      source: SOURCE_EARLY_HELP_REVIEW,
      label: 'Early help review',
      kind: 'early-help',
      recordedBy: 'early-help',
      action: 'Record an early help review',
      form: 'earlyHelpReview',
      due: earlyHelpReviewDue,
      order: 310,
    },
  ],
  actions: [],
  chronologyKinds: ['early-help'],
};
