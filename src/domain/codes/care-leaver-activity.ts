import { codeList } from './code-list.js';

/**
 * SSDA903 OC3 ACTIV: the care leaver's main activity. F = full-time, P = part-time. F3/P3 are
 * superseded (not in the D2I rule 132 list for any year Hearth returns), so they are left out.
 * EET (education, employment or training) = any F* or P* code.
 */
export const careLeaverActivities = codeList('Care leaver activity', 'DfE SSDA903 children looked after return, ACTIV (OC3)', [
  { code: 'F1', label: 'Full-time in higher education' },
  { code: 'P1', label: 'Part-time in higher education' },
  { code: 'F2', label: 'Full-time in education other than higher education' },
  { code: 'P2', label: 'Part-time in education other than higher education' },
  { code: 'F4', label: 'Full-time apprenticeship' },
  { code: 'P4', label: 'Part-time apprenticeship' },
  { code: 'F5', label: 'Full-time training or employment (not apprenticeship)' },
  { code: 'P5', label: 'Part-time training or employment (not apprenticeship)' },
  { code: 'G4', label: 'Not in education, employment or training: illness or disability' },
  { code: 'G5', label: 'Not in education, employment or training: other reasons' },
  { code: 'G6', label: 'Not in education, employment or training: pregnancy or parenting' },
  { code: '0', label: 'Activity not known' },
]);
