import { SINCE_2022_23, finding, returnRule } from './rule.js';

/**
 * DfE CIN census rule 100 (Header; error, 2022-23 specification): The header's ReferenceDate is 31 March at the end of the collection year, and the year begins on 1 April before it.
 */
export const rule100 = returnRule({
  code: '100',
  type: 'error',
  message: 'Reference Date is incorrect',
  fields: ['ReferenceDate'],
  years: SINCE_2022_23,
  check: (_children, ctx, rule) => {
    const end = Number(ctx.year.referenceDate.slice(0, 4));
    return ctx.year.referenceDate === `${end}-03-31` && ctx.year.start === `${end - 1}-04-01` ? [] : [finding(rule, null)];
  },
});
