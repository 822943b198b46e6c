import { addDays, isWorkingDay } from '../../../time/index.js';
import { SINCE_2022_23, before, episodeRule, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8569Q (CINdetails; query, 2022-23 specification): A referral with no further action is dated no earlier than the last working day before the collection year begins (an older one was not decided as no further action in time).
 */
export const rule8569Q = episodeRule({
  code: '8569Q',
  type: 'query',
  message: 'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
  fields: ['ReferralNFA'],
  years: SINCE_2022_23,
  fails: (e, _c, ctx) => {
    let lastBefore = addDays(ctx.year.start, -1);
    while (!isWorkingDay(lastBefore)) lastBefore = addDays(lastBefore, -1);
    return isNfa(e) && before(e.referralDate, lastBefore);
  },
});
