import { codeList } from './code-list.js';

/**
 * SSDA903 CIN: the child's category of need while looked after. Same codes and meanings as the CIN
 * census PrimaryNeedCode N1-N8 (see primary-need.ts); N0 and N9 exist only in the CIN census.
 * Fixed for the whole period of care: rule 504 rejects a change within a period.
 */
export const categoriesOfNeed = codeList('Category of need', 'DfE SSDA903 children looked after return, CIN (category of need)', [
  { code: 'N1', label: 'Abuse or neglect' },
  { code: 'N2', label: 'Child’s disability' },
  { code: 'N3', label: 'Parental illness or disability' },
  { code: 'N4', label: 'Family in acute stress' },
  { code: 'N5', label: 'Family dysfunction' },
  { code: 'N6', label: 'Socially unacceptable behaviour' },
  { code: 'N7', label: 'Low income' },
  { code: 'N8', label: 'Absent parenting' },
]);
