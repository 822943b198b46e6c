import type { CensusChild } from '../census-child.js';
import { type CensusYear, childInYear } from '../cohort.js';

/**
 * The census as the DfE sees it, for the rules: the children in the year, each as at the reference
 * date (cohort.ts), with the items the XML leaves out left out here too (build-census.ts): no
 * UPNunknown beside a UPN, no expected date of birth beside a date of birth, NOBT for an ethnicity
 * not recorded.
 */
export function censusAsReturned(children: readonly CensusChild[], year: CensusYear): CensusChild[] {
  const out: CensusChild[] = [];
  for (const whole of children) {
    const child = childInYear(whole, year);
    if (!child) continue;
    out.push({
      ...child,
      upnUnknown: child.upn ? null : child.upnUnknown,
      expectedDateOfBirth: child.dateOfBirth ? null : child.expectedDateOfBirth,
      ethnicity: child.ethnicity ?? 'NOBT',
    });
  }
  return out;
}
