import { parsePlainDate } from '../../../time/index.js';
import { SINCE_2022_23, after, before, childRule } from './rule.js';

/**
 * DfE CIN census rule 8530Q (ChildIdentifiers; query, 2022-23 specification): An expected date of birth is from 1 March to 31 December of the year the census ends in.
 */
export const rule8530Q = childRule({
  code: '8530Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)',
  fields: ['ExpectedPersonBirthDate'],
  years: SINCE_2022_23,
  fails: (c, ctx) => {
    const due = c.expectedDateOfBirth;
    const end = ctx.year.referenceDate.slice(0, 4);
    return due !== null && (before(due, parsePlainDate(`${end}-03-01`)) || after(due, parsePlainDate(`${end}-12-31`)));
  },
});
