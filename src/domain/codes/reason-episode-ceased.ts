import { codeList } from './code-list.js';

/**
 * SSDA903 REC: why an episode ceased. X1 means the episode ended and a new one started the same day
 * in the same period of care; every other code (E*) ends the period of care.
 * Age checks: E11/E12 not at 18+ (386); E45-E48 not at 18+ (407); E5/E6 not under 14 (387);
 * E7 not under 16 (389); E17 only at 18+ (460). A child missing when care ends must have E8 (580).
 */
export const reasonsEpisodeCeased = codeList('Reason episode ceased', 'DfE SSDA903 children looked after return, REC (reason episode ceased)', [
  { code: 'X1', label: 'Episode ceases, and new episode begins on same day, for any reason' },
  { code: 'E11', label: 'Adopted: application for an adoption order unopposed' },
  { code: 'E12', label: 'Adopted: consent dispensed with by the court' },
  { code: 'E2', label: 'Died' },
  { code: 'E3', label: 'Care taken over by another local authority in the UK' },
  { code: 'E4A', label: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility as part of the care planning process' },
  { code: 'E4B', label: 'Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility, not as part of the care planning process' },
  { code: 'E13', label: 'Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility' },
  { code: 'E41', label: 'Residence order or child arrangements order (which sets out with whom the child is to live) granted' },
  { code: 'E45', label: 'Special guardianship order made to former foster carer(s) who was/are a relative or friend' },
  { code: 'E46', label: 'Special guardianship order made to former foster carer(s) other than relative(s) or friend(s)' },
  { code: 'E47', label: 'Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative or friend' },
  { code: 'E48', label: 'Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)' },
  { code: 'E5', label: 'Moved into independent living arrangement with formalised support' },
  { code: 'E6', label: 'Moved into independent living arrangement without formalised support' },
  { code: 'E7', label: 'Transferred to residential care funded by adult social care services' },
  { code: 'E9', label: 'Sentenced to custody' },
  { code: 'E14', label: 'Accommodation on remand ended' },
  { code: 'E15', label: 'Age assessment determined child is aged 18 or over' },
  { code: 'E16', label: 'Child moved abroad (including deported)' },
  { code: 'E17', label: 'Aged 18 or over and remained with current carers (including Staying Put)' },
  { code: 'E8', label: 'Period of being looked after ceased for any other reason (including turning 18 while missing)' },
]);
