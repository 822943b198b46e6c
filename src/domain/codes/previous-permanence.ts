import { codeList } from './code-list.js';

/**
 * SSDA903 PrevPerm PREV_PERM: the permanence arrangement a child had before starting to be looked after
 * (for care starting on or after 1 April 2016, rules 630-635). With Z1 the order date and LA are left
 * blank (635). Also the SSD's lapp_previous_permanence_option.
 */
export const previousPermanenceOptions = codeList('Previous permanence option', 'DfE SSDA903 children looked after return, PREV_PERM (PrevPerm)', [
  { code: 'P1', label: 'Adoption' },
  { code: 'P2', label: 'Special guardianship order' },
  { code: 'P3', label: 'Residence order or child arrangements order (which sets out with whom the child is to live)' },
  { code: 'P4', label: 'Previous permanence arrangement: type unknown' },
  { code: 'Z1', label: 'No previous permanence option' },
]);
