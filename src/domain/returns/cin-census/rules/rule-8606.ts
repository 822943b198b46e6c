import { addWeeks } from '../../../time/index.js';
import { SINCE_2022_23, before, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8606 (CINdetails; error, 2022-23 specification): A referral is no more than 40 weeks before the date of birth (or expected date of birth).
 */
export const rule8606 = episodeRule({
  code: '8606',
  type: 'error',
  message: 'Child referral date is more than 40 weeks before DOB or expected DOB',
  fields: ['CINreferralDate', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
  years: SINCE_2022_23,
  fails: (e, c) => {
    const born = c.dateOfBirth ?? c.expectedDateOfBirth;
    return born !== null && before(e.referralDate, addWeeks(born, -40));
  },
});
