import { addMonths } from '../../../time/index.js';
import { SINCE_2022_23, after, episodeRule } from './rule.js';

/**
 * DfE CIN census rule 8775Q (ChildIdentifiers; query, 2022-23 specification): The child is under 25 at the episode's closure (or the reference date while it is open).
 */
export const rule8775Q = episodeRule({
  code: '8775Q',
  type: 'query',
  message: 'Please check and either amend data or provide a reason: Child is over 25 years old',
  fields: ['PersonBirthDate', 'CINclosureDate'],
  years: SINCE_2022_23,
  fails: (e, c, ctx) => c.dateOfBirth !== null && !after(addMonths(c.dateOfBirth, 300), e.closureDate ?? ctx.year.referenceDate),
});
