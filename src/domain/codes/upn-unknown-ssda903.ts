import { codeList } from './code-list.js';

/**
 * SSDA903 Header UPN when the UPN is not known (rule 168 allows UN1-UN5 only; CIN has UN6/UN7 too,
 * see upn-unknown-cin.ts). UN1 invalid for a child of school age (209); UN4 invalid for a child looked
 * after for more than a week at 31 March (210). Also the SSD's pers_upn_unknown (UN1-UN5).
 */
export const ssda903UpnUnknownReasons = codeList('Reason UPN unknown (SSDA903)', 'DfE SSDA903 children looked after return, UPN (unknown UPN codes)', [
  { code: 'UN1', label: 'Child not yet of school age, or has not yet been assigned a UPN' },
  { code: 'UN2', label: 'Child has never attended an English maintained school (for example some unaccompanied asylum-seeking children)' },
  { code: 'UN3', label: 'Child is educated outside England' },
  { code: 'UN4', label: 'Child newly looked after: UPN not yet known' },
  { code: 'UN5', label: 'Sources collating UPNs reflect a discrepancy' },
]);
