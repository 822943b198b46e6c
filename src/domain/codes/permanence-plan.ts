import { codeList } from './code-list.js';

/**
 * Permanence plan for a looked-after child: Ofsted ILACS Annex A list 8 "Permanence plan", held in the
 * SSD as the keys of lacp_cla_care_plan_json (ssd_cla_care_plan, "in dev" in SSD v1.4.5). Several may
 * be set at once under parallel planning. Not a DfE return code list.
 */
export const permanencePlans = codeList('Permanence plan', 'Ofsted ILACS Annex A list 8 / Standard Safeguarding Dataset lacp_cla_care_plan_json', [
  { code: 'REMAINSUP', label: 'Remain with birth family, with short breaks or shared care' },
  { code: 'RETURN1M', label: 'Return home within 1 month' },
  { code: 'RETURN6M', label: 'Return home within 6 months' },
  { code: 'RETURNEV', label: 'Eventual return home' },
  { code: 'LTRELFR', label: 'Long-term placement with relatives or friends' },
  { code: 'LTFOST18', label: 'Long-term foster care to age 18' },
  { code: 'RESPLMT', label: 'Residential placement to independence' },
  { code: 'SUPPLIV', label: 'Supported living' },
  { code: 'ADOPTION', label: 'Adoption' },
  { code: 'OTHERPLN', label: 'Other plan' },
]);
