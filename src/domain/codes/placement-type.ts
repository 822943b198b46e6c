import { codeList } from './code-list.js';

/**
 * SSDA903 PLACE: placement type. The valid set changes by collection year:
 * - K3 (supported accommodation, Ofsted-registered under the 2023 regulations) from 2024-25; rule 371:
 *   child at least 16.
 * - H5 (semi-independent living not subject to children's homes regulations) last returned in 2024-25
 *   (URN required in England from 28 October 2023, rule 230); removed from 2025-26.
 * - P2 (independent living) invalid from 28 October 2023 (rule 217t, 2023-24 rule set), so its last
 *   collection year is 2023-24. NB the D2I validator's 2024-25 rule 146 list still contains P2 (and
 *   spells K3 as 'k3'); its 2025-26 list drops P2 and H5. We follow the domain reference.
 * - Z1 (other placement) last returned in 2024-25; replaced from 2025-26 by Z11-Z14.
 *   [verify] The domain reference (§2.2, §8 item 1) does not give the Z11-Z14 labels: validator rules
 *   709/710 imply Z12/Z13 are residential-type "other/unregistered" arrangements. Confirm the wording
 *   against the DfE "CLA 2025 to 2026 guide" before showing these labels to users.
 * Temporary placements T0-T4: rules 375-383 (T1 at most 6 weeks; T3 at most 3 weeks and twice in 12
 * months; T4 at most 7 days; a period of care cannot start or end with one; the child must return to
 * the normal placement afterwards).
 */
export const placementTypes = codeList('Placement type', 'DfE SSDA903 children looked after return, PLACE (placement type)', [
  { code: 'A3', label: 'Placed for adoption with parental/guardian consent with current foster carer(s) (section 19 Adoption and Children Act 2002)' },
  { code: 'A4', label: 'Placed for adoption with parental/guardian consent not with current foster carer(s) (section 19 Adoption and Children Act 2002)' },
  { code: 'A5', label: 'Placed for adoption with placement order with current foster carer(s) (section 21 Adoption and Children Act 2002)' },
  { code: 'A6', label: 'Placed for adoption with placement order not with current foster carer(s) (section 21 Adoption and Children Act 2002)' },
  { code: 'H5', label: 'Semi-independent living accommodation not subject to children’s homes regulations', validTo: '2024-25' },
  { code: 'K1', label: 'Secure children’s home' },
  { code: 'K2', label: 'Children’s home subject to Children’s Homes Regulations' },
  { code: 'K3', label: 'Supported accommodation registered with Ofsted (16 and 17 year olds)', validFrom: '2024-25' },
  { code: 'P1', label: 'Placed with own parent(s) or other person(s) with parental responsibility' },
  { code: 'P2', label: 'Independent living, for example in a flat, lodgings, bedsit or B&B', validTo: '2023-24' },
  { code: 'P3', label: 'Residential employment' },
  { code: 'R1', label: 'Residential care home' },
  { code: 'R2', label: 'NHS/health trust or other establishment providing medical or nursing care' },
  { code: 'R3', label: 'Family centre or mother and baby unit' },
  { code: 'R5', label: 'Young offender institution or prison' },
  { code: 'S1', label: 'Residential school (not dual-registered as a children’s home)' },
  { code: 'T0', label: 'Temporary placement: any temporary move' },
  { code: 'T1', label: 'Temporary placement: in hospital' },
  { code: 'T2', label: 'Temporary placement: holiday' },
  { code: 'T3', label: 'Temporary placement: while the usual foster carer is on holiday' },
  { code: 'T4', label: 'Temporary placement: other reason, 7 days or less' },
  { code: 'U1', label: 'Foster placement with relative or friend: long-term fostering' },
  { code: 'U2', label: 'Foster placement with relative or friend who is also an approved adopter: fostering for adoption or concurrent planning' },
  { code: 'U3', label: 'Foster placement with relative or friend: not long-term or fostering for adoption/concurrent planning' },
  { code: 'U4', label: 'Foster placement with other foster carer: long-term fostering' },
  { code: 'U5', label: 'Foster placement with other foster carer who is also an approved adopter: fostering for adoption or concurrent planning' },
  { code: 'U6', label: 'Foster placement with other foster carer: not long-term or fostering for adoption/concurrent planning' },
  { code: 'Z1', label: 'Other placement', validTo: '2024-25' },
  // [verify] labels for Z11-Z14: see the note above.
  { code: 'Z11', label: 'Other placement arrangement (Z11; replaces part of Z1; label to be confirmed)', validFrom: '2025-26' },
  { code: 'Z12', label: 'Other residential arrangement (Z12; replaces part of Z1; label to be confirmed)', validFrom: '2025-26' },
  { code: 'Z13', label: 'Other residential arrangement (Z13; replaces part of Z1; label to be confirmed)', validFrom: '2025-26' },
  { code: 'Z14', label: 'Other placement arrangement (Z14; replaces part of Z1; label to be confirmed)', validFrom: '2025-26' },
]);

/** SSDA903 temporary placement types (T0-T4). */
export const TEMPORARY_PLACEMENT_TYPES: readonly string[] = ['T0', 'T1', 'T2', 'T3', 'T4'];

/** True for T0-T4: a period of care cannot start or end with one (rules 380/381). */
export function isTemporaryPlacementType(code: string): boolean {
  return TEMPORARY_PLACEMENT_TYPES.includes(code);
}
