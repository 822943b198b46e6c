import { codeList } from './code-list.js';

/** CIN census ReasonForClosure. */
export const cinClosureReasons = codeList('Reason for closure', 'DfE CIN census specification, ReasonForClosure', [
  { code: 'RC1', label: 'Adopted' },
  { code: 'RC2', label: 'Died' },
  { code: 'RC3', label: 'Child arrangements order' },
  { code: 'RC4', label: 'Special guardianship order' },
  { code: 'RC5', label: 'Transferred to another local authority' },
  { code: 'RC6', label: 'Transferred to adult social care' },
  { code: 'RC7', label: 'Services ceased for any other reason, including child no longer in need' },
  { code: 'RC8', label: 'Case closed after assessment, no further action' },
  { code: 'RC9', label: 'Case closed after assessment, referred to early help' },
]);
