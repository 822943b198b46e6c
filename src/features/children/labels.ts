import { ruleById } from '../../domain/areas/index.js';

/**
 * Words for Hearth's own (non-DfE) values on the child's page, in practitioners' language. DfE
 * codes have their labels in src/domain/codes.
 */

const pick = (map: Record<string, string>, value: string | null | undefined, fallback = 'Not recorded'): string => (value ? (map[value] ?? value.replace(/_/g, ' ')) : fallback);

export const visitTypeLabel = (t: string) => pick({ cin: 'Child in need visit', cp: 'Child protection visit', cla: 'Looked after child visit', care_leaver: 'Care leaver visit', other: 'Visit' }, t);

export const assessmentOutcomeLabel = (o: string | null) =>
  pick({ nfa: 'No further action', cin_plan: 'Child in need plan', strategy_discussion: 'Strategy discussion', looked_after: 'Become looked after', early_help: 'Step down to early help', other: 'Other services' }, o, 'Not yet decided');

export const s47OutcomeLabel = (o: string | null) =>
  pick({ substantiated_conference: 'Concerns substantiated: initial child protection conference', substantiated_no_conference: 'Concerns substantiated: no conference needed', not_substantiated: 'Concerns not substantiated' }, o, 'In progress');

export const healthCheckLabel = (t: string) =>
  pick({ initial_health_assessment: 'Initial health assessment', review_health_assessment: 'Review health assessment', dental_check: 'Dental check', development_check: 'Development check' }, t);

export const healthCheckStatusLabel = (s: string) => pick({ completed: 'Completed', refused: 'Refused', cancelled: 'Cancelled', planned: 'Planned' }, s);

export const pepQualityLabel = (q: string | null) => pick({ good: 'Good', requires_improvement: 'Requires improvement', inadequate: 'Inadequate' }, q);

export const permanenceOrderLabel = (t: string | null) => pick({ adoption: 'Adoption order', sgo: 'Special guardianship order', cao: 'Child arrangements order' }, t, 'Permanence order');

export const relationshipLabel = (r: string) => r.charAt(0).toUpperCase() + r.slice(1);

export const allocationRoleLabel = (role: string) => (role === 'PA' ? 'Personal adviser' : 'Social worker');

export const cinPlanReviewOutcomeLabel = (o: string | null) => pick({ continue: 'Plan continues', close: 'Plan to end', step_up: 'Step up to child protection', step_down: 'Step down to early help' }, o, 'Not recorded');

/**
 * What each obligations rule asks for, as a key date on the child's page: the rule's label in the
 * areas' registry (src/domain/areas), the same words the worktrays and compliance use. A stored
 * rule no area declares (the registry's test forbids one) is shown by its name.
 */
export function obligationRuleLabel(rule: string): string {
  const declared = ruleById(rule);
  if (declared) return declared.label;
  const words = rule.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const yesNo = (b: boolean | null | undefined, unknown = 'Not recorded') => (b === true ? 'Yes' : b === false ? 'No' : unknown);

/** A postcode stored without its space, as it is written: 'FM69LW' → 'FM6 9LW'. */
export function formatPostcode(p: string | null | undefined): string {
  if (!p) return '';
  const s = p.replace(/\s+/g, '').toUpperCase();
  return s.length > 3 ? `${s.slice(0, -3)} ${s.slice(-3)}` : s;
}
