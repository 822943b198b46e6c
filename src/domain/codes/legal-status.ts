import { codeList } from './code-list.js';

/**
 * SSDA903 LS: the legal status under which a child is looked after. Any change of legal status
 * closes an SSDA903 episode (REC X1) and opens a new one the same day (RNE L, B or U).
 *
 * D1 (freeing order) could not be applied for after 30 December 2005: the DfE's rule 445 rejects D1
 * on episodes starting after December 2005 (rule 445 is in the D2I 2022-23 and 2023-24 rule sets;
 * rule 451 queries a child still freed for adoption). D1 is still in rule 144's code list, so no
 * validTo is set here.
 * Emergency statuses have statutory maxima checked by rules 361-364: L1 72 hours, L2 21 days
 * (validator tolerance), L3 7 days, J2 very short.
 */
export const legalStatuses = codeList('Legal status', 'DfE SSDA903 children looked after return, LS (legal status)', [
  { code: 'C1', label: 'Interim care order' },
  { code: 'C2', label: 'Full care order' },
  { code: 'D1', label: 'Freeing order granted (before December 2005 only)' },
  { code: 'E1', label: 'Placement order granted' },
  { code: 'V2', label: 'Single period of accommodation under section 20 (Children Act 1989)' },
  { code: 'V3', label: 'Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded' },
  { code: 'V4', label: 'Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes of care)' },
  { code: 'J1', label: 'Remanded to local authority accommodation or to youth detention accommodation' },
  { code: 'J2', label: 'Placed in local authority accommodation under the Police and Criminal Evidence Act 1984 (PACE)' },
  { code: 'J3', label: 'Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement' },
  { code: 'L1', label: 'Under police protection and in local authority accommodation' },
  { code: 'L2', label: 'Emergency protection order' },
  { code: 'L3', label: 'Under a child assessment order and in local authority accommodation' },
]);
