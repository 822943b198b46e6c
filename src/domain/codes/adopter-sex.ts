import { codeList } from './code-list.js';

/** SSDA903 AD1 SEX_ADOPTR: sex of the adopter(s) at the date of adoption (rules 176, 511, 517-524). */
export const adopterSexes = codeList('Sex of adopter(s)', 'DfE SSDA903 children looked after return, SEX_ADOPTR (AD1)', [
  { code: 'M1', label: 'Single male adopter' },
  { code: 'F1', label: 'Single female adopter' },
  { code: 'MM', label: 'Adopting couple: both male' },
  { code: 'FF', label: 'Adopting couple: both female' },
  { code: 'MF', label: 'Adopting couple: male and female' },
]);
