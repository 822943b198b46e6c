import { codeList } from './code-list.js';

/**
 * SSDA903 OC3 IN_TOUCH: whether the local authority was in touch with the care leaver around their
 * 17th-21st birthday. [verify] The domain reference (§1.3) gives the in-touch window as "contact
 * between ~3 months before and ~1 month after the birthday" and marks it for verification; the window
 * belongs to the OC3 derivation, not to this list.
 */
export const careLeaverInTouch = codeList('Care leaver in touch', 'DfE SSDA903 children looked after return, IN_TOUCH (OC3)', [
  { code: 'YES', label: 'In touch' },
  { code: 'NO', label: 'Not in touch' },
  { code: 'DIED', label: 'Died' },
  { code: 'REFU', label: 'Young person refuses contact' },
  { code: 'NREQ', label: 'Young person no longer requires services' },
  { code: 'RHOM', label: 'Returned home to parents or others with parental responsibility for 6 months or more continuously' },
]);
