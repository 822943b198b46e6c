import { codeList } from './code-list.js';

/** SSDA903 OC2 SDQ_REASON: why there is no SDQ score (rules 157, 185-198). */
export const sdqReasons = codeList('Reason for no SDQ score', 'DfE SSDA903 children looked after return, SDQ_REASON (OC2)', [
  { code: 'SDQ1', label: 'No SDQ score: child aged under 4 or over 16 at the date of assessment' },
  { code: 'SDQ2', label: 'No SDQ score: carer refused to complete and return the questionnaire' },
  { code: 'SDQ3', label: 'No SDQ score: child’s disability too severe to complete the questionnaire' },
  { code: 'SDQ4', label: 'No SDQ score: other reason' },
  { code: 'SDQ5', label: 'No SDQ score: young person refused to complete the questionnaire' },
]);
