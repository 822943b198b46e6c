/** The child in need area's form choices as GOV.UK items. */
import { assessmentFactors, cinClosureReasons } from '../../domain/codes/index.js';
import { ASSESSMENT_OUTCOMES, NO_FACTORS, assessmentOutcomeLabels, currentFactors } from './child-in-need.schema.js';

type Values = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? '') : (v ?? ''));

export function factorItems(values: Values) {
  const chosen = new Set(([] as string[]).concat(values.factors ?? []));
  const items: Record<string, unknown>[] = currentFactors.filter((c) => c.code !== NO_FACTORS).map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, checked: chosen.has(c.code) }));
  items.push({ divider: 'or' });
  items.push({ value: NO_FACTORS, text: `${NO_FACTORS}: ${assessmentFactors.label(NO_FACTORS)}`, behaviour: 'exclusive', checked: chosen.has(NO_FACTORS) });
  return items;
}

export function assessmentOutcomeItems(values: Values) {
  return ASSESSMENT_OUTCOMES.map((o) => ({ value: o, text: assessmentOutcomeLabels[o], checked: str(values.outcome) === o }));
}

export function closureReasonItems(selected: string, suggested: string | null) {
  return cinClosureReasons.codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, checked: selected === c.code, hint: c.code === suggested ? { text: 'Suggested by the assessment’s outcome' } : undefined }));
}

/** The agencies at a strategy discussion, each revealing a box for who attended. */
