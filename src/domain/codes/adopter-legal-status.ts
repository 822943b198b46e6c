import { codeList } from './code-list.js';

/** SSDA903 AD1 LS_ADOPTR: legal status of the adopter(s) (rules 177, 514, 517-524). */
export const adopterLegalStatuses = codeList('Legal status of adopter(s)', 'DfE SSDA903 children looked after return, LS_ADOPTR (AD1)', [
  { code: 'L0', label: 'Single adopter' },
  { code: 'L11', label: 'Married couple of different genders' },
  { code: 'L12', label: 'Married couple of the same gender' },
  { code: 'L2', label: 'Civil partnership' },
  { code: 'L3', label: 'Unmarried couple of different genders' },
  { code: 'L4', label: 'Unmarried couple of the same gender' },
]);
