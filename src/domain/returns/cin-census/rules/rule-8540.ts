import { disabilities, isCodeValidIn } from '../../../codes/index.js';
import { SINCE_2022_23, childRule, collectionYear, isNfa } from './rule.js';

/**
 * DfE CIN census rule 8540 (ChildCharacteristics; error, 2022-23 specification): Each disability is a code of the DfE's disability table; a child born with a referral that went on to further action has at least one (NONE included).
 */
export const rule8540 = childRule({
  code: '8540',
  type: 'error',
  message: 'Child’s disability is missing or invalid (see Disability table)',
  fields: ['Disability', 'PersonBirthDate', 'ReferralNFA'],
  years: SINCE_2022_23,
  fails: (c, ctx) => c.disabilities.some((d) => !isCodeValidIn(disabilities, d, collectionYear(ctx.year))) || (c.disabilities.length === 0 && c.dateOfBirth !== null && c.episodes.some((e) => !isNfa(e))),
});
