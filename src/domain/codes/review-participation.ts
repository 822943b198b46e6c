import { codeList } from './code-list.js';

/**
 * SSDA903 REVIEW_CODE: how the child participated in a looked-after review. Also the SSD's
 * clar_cla_review_participation (and cppr_cp_review_participation, a placeholder).
 * PN0 must match an age under 4 at the review date (rules 440/441).
 */
export const reviewParticipation = codeList('Review participation', 'DfE SSDA903 children looked after return, REVIEW_CODE (method of participation)', [
  { code: 'PN0', label: 'Child aged under 4 at the time of the review' },
  { code: 'PN1', label: 'Child physically attends and speaks for themself' },
  { code: 'PN2', label: 'Child physically attends and an advocate or the IRO speaks for them' },
  { code: 'PN3', label: 'Child physically attends and conveys views non-verbally' },
  { code: 'PN4', label: 'Child physically attends but does not speak for themself, convey views non-verbally or ask an advocate to speak for them' },
  { code: 'PN5', label: 'Child does not attend physically but briefs an advocate or the IRO to speak for them' },
  { code: 'PN6', label: 'Child does not attend but conveys views by another method (text, written, audio or video)' },
  { code: 'PN7', label: 'Child does not attend and views are not conveyed' },
]);
