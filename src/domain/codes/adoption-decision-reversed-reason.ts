import { codeList } from './code-list.js';

/**
 * SSDA903 PlacedAdoption REASON_PLACED_CEASED: why the decision that the child should be placed for
 * adoption was reversed (rules 119/120). Also Annex A list 10 and the SSD's perm_decision_reversed_reason.
 */
export const adoptionDecisionReversedReasons = codeList('Reason adoption decision reversed', 'DfE SSDA903 children looked after return, REASON_PLACED_CEASED (PlacedAdoption)', [
  { code: 'RD1', label: 'The child’s needs changed after the decision was made' },
  { code: 'RD2', label: 'The court did not make a placement order' },
  { code: 'RD3', label: 'Prospective adopters could not be found' },
  { code: 'RD4', label: 'Any other reason' },
]);
