import { codeList } from './code-list.js';

/**
 * CIN census UPNunknown. UN1-UN5 "as 903, adapted for CIN" (domain reference §3.2), plus UN6 and UN7.
 * UN7 = referral with no further action: valid only if every CINdetails block is NFA (rule 8772, whose
 * message names UN7 "Referral with no further action").
 * [verify] The domain reference marks the exact CIN wording of UN1 and UN6 for verification, and its
 * sentence "UN6, UN7 = referral with no further action" does not say what UN6 means on its own. The
 * UN1-UN5 labels below are the SSDA903 wording; UN6 carries a placeholder label. Confirm both against
 * the DfE CIN census guide before using them on screen.
 */
export const cinUpnUnknownReasons = codeList('Reason UPN unknown (CIN census)', 'DfE CIN census specification, UPNunknown', [
  { code: 'UN1', label: 'Child not yet of school age, or has not yet been assigned a UPN' },
  { code: 'UN2', label: 'Child has never attended an English maintained school (for example some unaccompanied asylum-seeking children)' },
  { code: 'UN3', label: 'Child is educated outside England' },
  { code: 'UN4', label: 'Child newly looked after: UPN not yet known' },
  { code: 'UN5', label: 'Sources collating UPNs reflect a discrepancy' },
  { code: 'UN6', label: 'CIN census reason UN6 (wording to be confirmed)' },
  { code: 'UN7', label: 'Referral with no further action' },
]);
