import { codeList } from './code-list.js';

/** CIN census PrimaryNeedCode: choose the highest applicable in list order (N1 first). */
export const primaryNeeds = codeList('Primary need', 'DfE CIN census specification, PrimaryNeedCode', [
  { code: 'N1', label: 'Abuse or neglect' },
  { code: 'N2', label: 'Child’s disability or illness' },
  { code: 'N3', label: 'Parental disability or illness' },
  { code: 'N4', label: 'Family in acute stress' },
  { code: 'N5', label: 'Family dysfunction' },
  { code: 'N6', label: 'Socially unacceptable behaviour' },
  { code: 'N7', label: 'Low income' },
  { code: 'N8', label: 'Absent parenting' },
  { code: 'N9', label: 'Cases other than children in need (adoption support)' },
  { code: 'N0', label: 'Not stated' },
]);
