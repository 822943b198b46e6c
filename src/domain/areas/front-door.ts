/**
 * The front door (domain.md §0): contacts, the MASH decision, the referral and its response.
 * The MASH decision runs on hour clocks worked out where contacts are listed (never stored);
 * the response to a referral is a stored obligation of the child in need episode it opened.
 */
import { RULE_MASH_DECISION, RULE_REFERRAL_DECISION, SOURCE_MASH_DECISION, SOURCE_REFERRAL_DECISION, referralDecisionsDue } from '../obligations/front-door.js';
import type { Area } from './area.js';

export const frontDoorArea: Area = {
  id: 'front-door',
  title: 'Front door',
  rules: [
    {
      id: RULE_MASH_DECISION,
      source: SOURCE_MASH_DECISION,
      label: 'MASH decision',
      kind: 'referrals',
      recordedBy: 'front-door',
      action: 'Make the MASH decision',
      form: 'contact',
      due: 'contacts',
      order: 5,
    },
    {
      id: RULE_REFERRAL_DECISION,
      source: SOURCE_REFERRAL_DECISION,
      label: 'Decide the response to the referral',
      kind: 'referrals',
      recordedBy: 'front-door',
      action: 'Make the referral decision',
      form: 'referral',
      due: (r) => referralDecisionsDue(r),
      order: 10,
    },
  ],
  actions: [],
  chronologyKinds: ['contact', 'rag', 'decision', 'referral'],
};
