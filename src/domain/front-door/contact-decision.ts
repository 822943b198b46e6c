/** The MASH decision on a contact (domain.md §0, "Contact"). */
export type ContactDecision = 'nfa' | 'advice' | 'early_help' | 'referral' | 'strategy_discussion';

export const CONTACT_DECISIONS: readonly ContactDecision[] = ['nfa', 'advice', 'early_help', 'referral', 'strategy_discussion'];

export const contactDecisionLabels: Record<ContactDecision, string> = {
  nfa: 'No further action',
  advice: 'Advice and information',
  early_help: 'Early help',
  referral: 'Referral to children’s social care',
  strategy_discussion: 'Strategy discussion',
};

export function isContactDecision(value: unknown): value is ContactDecision {
  return typeof value === 'string' && (CONTACT_DECISIONS as readonly string[]).includes(value);
}

/**
 * A referral to children's social care, or a strategy discussion (which is a referral whose
 * response is already decided), starts a child in need episode unless one is already open.
 */
export function decisionIsReferral(decision: ContactDecision): boolean {
  return decision === 'referral' || decision === 'strategy_discussion';
}

/** The response to a referral, due within 1 working day of it (Working Together 2023). */
export type ReferralDecision = 'assessment' | 'strategy_discussion' | 'nfa';

export const REFERRAL_DECISIONS: readonly ReferralDecision[] = ['assessment', 'strategy_discussion', 'nfa'];

export const referralDecisionLabels: Record<ReferralDecision, string> = {
  assessment: 'Child and family assessment',
  strategy_discussion: 'Strategy discussion',
  nfa: 'No further action',
};

export function isReferralDecision(value: unknown): value is ReferralDecision {
  return typeof value === 'string' && (REFERRAL_DECISIONS as readonly string[]).includes(value);
}

/**
 * A referral with no further action closes its episode the day the decision is made. The CIN census
 * has no closure reason for "NFA at referral"; Hearth records RC8 (closed, no further action) and
 * flags the episode as ReferralNFA, as the census asks.
 */
export const NFA_REFERRAL_CLOSURE_REASON = 'RC8';
