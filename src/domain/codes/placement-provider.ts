import { codeList } from './code-list.js';

/**
 * SSDA903 PLACE_PROVIDER. Not required for temporary placements T0-T4 or for Z1/Z11-Z14 (rule 213).
 * Compatibility with PLACE: PR0 only with P1 (550); PR1/PR2 not with P1, R2, R5 (527/528); PR3 not
 * with P1, A3-A6, K1, K2, U1-U6 (529); PR4/PR5 not with P1 (530/531). Rule 1015 queries PR1 placed
 * outside the local authority.
 */
export const placementProviders = codeList('Placement provider', 'DfE SSDA903 children looked after return, PLACE_PROVIDER', [
  { code: 'PR0', label: 'Parent(s) or other person(s) with parental responsibility' },
  { code: 'PR1', label: 'Own provision by the local authority (including a regional adoption agency hosted by the local authority)' },
  { code: 'PR2', label: 'Other local authority provision (including a regional adoption agency hosted by another local authority)' },
  { code: 'PR3', label: 'Other public provision (for example the NHS)' },
  { code: 'PR4', label: 'Private provision' },
  { code: 'PR5', label: 'Voluntary or third sector provision' },
]);
