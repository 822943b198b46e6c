/** The looked-after forms' choices as GOV.UK items: SSDA903 codes with their labels, valid for the year. */
import { type CodeList, codesValidIn, collectionYearOf, missingTypes, placementTypes, reasonsForPlacementChange, reviewParticipation, sdqReasons } from '../../domain/codes/index.js';
import { categoriesOfNeed, legalStatuses, permanencePlans } from '../../domain/codes/index.js';
import type { PlainDate } from '../../domain/time/index.js';
import type { PlacementOption } from './looked-after.repo.js';
import { HEALTH_KINDS, healthKindLabels } from './looked-after.schema.js';

type Values = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v.at(-1) ?? '') : (v ?? ''));

/** "V2 — Single period of accommodation under section 20 (Children Act 1989)": never a code alone. */
export const codeText = (list: CodeList, code: string) => `${code} — ${list.label(code)}`;

/** Radios of the codes valid this collection year, the chosen one checked. */
function codeRadios(list: CodeList, today: PlainDate, values: Values, name: string, except: string[] = []) {
  return codesValidIn(list, collectionYearOf(today))
    .filter((c) => !except.includes(c.code))
    .map((c) => ({ value: c.code, text: codeText(list, c.code), checked: str(values[name]) === c.code }));
}

/** A select of the codes valid this collection year, with an empty first choice. */
function codeSelect(list: CodeList, today: PlainDate, values: Values, name: string, prompt: string, except: string[] = []) {
  return [{ value: '', text: prompt }, ...codesValidIn(list, collectionYearOf(today)).filter((c) => !except.includes(c.code)).map((c) => ({ value: c.code, text: codeText(list, c.code), selected: str(values[name]) === c.code }))];
}

export const legalStatusItems = (today: PlainDate, values: Values, current?: string) => codeRadios(legalStatuses, today, values, 'legalStatus', current ? [current] : []);
export const categoryOfNeedItems = (today: PlainDate, values: Values) => codeRadios(categoriesOfNeed, today, values, 'categoryOfNeed');
export const placementTypeItems = (today: PlainDate, values: Values) => codeSelect(placementTypes, today, values, 'placementType', 'Select the type of placement');
export const placementChangeReasonItems = (today: PlainDate, values: Values) => codeRadios(reasonsForPlacementChange, today, values, 'reason');
export const participationItems = (today: PlainDate, values: Values) => codeRadios(reviewParticipation, today, values, 'participation');
export const missingTypeItems = (values: Values) => missingTypes.codes.map((c) => ({ value: c.code, text: c.label, checked: str(values.missingType) === c.code }));
export const sdqReasonItems = (today: PlainDate, values: Values) => codeSelect(sdqReasons, today, values, 'sdqReason', 'A score was recorded');
export const healthKindItems = (values: Values) => HEALTH_KINDS.map((k) => ({ value: k, text: healthKindLabels[k], checked: str(values.kind) === k }));

/** The providers and foster carers, grouped by the select's text; "No provider" first (placed with parents, temporary, other). */
export function placedWithItems(options: PlacementOption[], values: Values) {
  const chosen = str(values.placedWith);
  return [
    { value: '', text: 'Select the provider or foster carer' },
    { value: 'none', text: 'No provider (placed with parents, temporary or other arrangement)', selected: chosen === 'none' },
    ...options.map((o) => {
      const value = `${o.kind}:${o.id}`;
      const what = o.kind === 'carer' ? 'Foster carer' : 'Provider';
      return { value, text: `${what}: ${o.name}${o.detail ? ` (${o.detail})` : ''}`, selected: chosen === value };
    }),
  ];
}

export function permanencePlanItems(values: Values) {
  const chosen = new Set(([] as string[]).concat(values.permanencePlans ?? []));
  return permanencePlans.codes.map((c) => ({ value: c.code, text: c.label, checked: chosen.has(c.code) }));
}
