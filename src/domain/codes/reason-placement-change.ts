import { codeList } from './code-list.js';

/**
 * SSDA903 REASON_PLACE_CHANGE: recorded on the episode whose placement is ending, when the next
 * episode is a placement change (RNE P, B, T or U) (rule 225). Not required for temporary placements
 * (226) or on an episode that has not ceased (233, from 2025-26). CUSTOD not for a child under 10 (234).
 */
export const reasonsForPlacementChange = codeList('Reason for placement change', 'DfE SSDA903 children looked after return, REASON_PLACE_CHANGE', [
  { code: 'CARPL', label: 'Change to or implementation of care plan (including a move to a long-term placement, to adopters or to semi-independence)' },
  { code: 'CLOSE', label: 'Carer resigned or setting closed (planned)' },
  { code: 'ALLEG', label: 'Allegation (section 47 enquiry)' },
  { code: 'STAND', label: 'Concerns about the standard of care' },
  { code: 'APPRR', label: 'Carer’s approval or registration removed' },
  { code: 'CREQB', label: 'Carer requests placement to end due to the child’s behaviour' },
  { code: 'CREQO', label: 'Carer requests placement to end for other reasons' },
  { code: 'CHILD', label: 'Child requests placement to end' },
  { code: 'LAREQ', label: 'Responsible authority ends placement (placement no longer meets the child’s needs)' },
  { code: 'PLACE', label: 'Change of placement status only (same carer)' },
  { code: 'CUSTOD', label: 'Child admitted to custody' },
  { code: 'OTHER', label: 'Other (exceptional reason)' },
]);
