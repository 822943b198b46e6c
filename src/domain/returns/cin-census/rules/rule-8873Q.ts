import { SINCE_2022_23, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8873Q (Assessments; query, 2022-23 specification): An episode closed with its one assessment finding no factors (21) closes as RC8 or RC9 (checked once the episode is closed).
 */
export const rule8873Q = episodeRule({
  code: '8873Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or \'RC9\' should be used.',
  fields: ['ReasonForClosure', 'AssessmentFactors'],
  years: SINCE_2022_23,
  fails: (e) => {
    const only = e.assessments.length === 1 ? e.assessments[0]! : null;
    return only !== null && only.authorisedDate !== null && only.factors.includes('21') && e.closureReason !== null && e.closureReason !== 'RC8' && e.closureReason !== 'RC9';
  },
});
