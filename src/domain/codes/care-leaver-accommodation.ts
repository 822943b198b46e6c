import { codeList, type Code } from './code-list.js';

/**
 * SSDA903 OC3 ACCOM: a letter for the type of accommodation plus a digit for suitability (1 suitable,
 * 2 unsuitable), or 0 = not known. S (no fixed abode) and X (custody) can never be suitable, so S1 and
 * X1 do not exist (D2I rule 133's list). Rule 347: under-18s cannot be in a foyer (T); rule 3001: Z
 * (with former foster carer) is not valid at 17.
 */
const ACCOMMODATION_TYPES: readonly (readonly [letter: string, label: string])[] = [
  ['B', 'With parents or relatives'],
  ['C', 'Community home or other form of residential care (including NHS establishments)'],
  ['D', 'Semi-independent, transitional accommodation'],
  ['E', 'Supported lodgings'],
  ['G', 'Gone abroad'],
  ['H', 'Deported'],
  ['K', 'Ordinary lodgings, without formal support'],
  ['R', 'Residence not known'],
  ['S', 'No fixed abode or homeless'],
  ['T', 'Foyers and similar supported accommodation'],
  ['U', 'Independent living (for example a flat or tenancy, including student halls)'],
  ['V', 'Emergency accommodation'],
  ['W', 'Bed and breakfast'],
  ['X', 'In custody'],
  ['Y', 'Other accommodation'],
  ['Z', 'With former foster carer(s)'],
];

const NEVER_SUITABLE = new Set(['S', 'X']);

function accommodationCodes(): Code[] {
  const codes: Code[] = [];
  for (const [letter, label] of ACCOMMODATION_TYPES) {
    if (!NEVER_SUITABLE.has(letter)) codes.push({ code: `${letter}1`, label: `${label}: suitable` });
    codes.push({ code: `${letter}2`, label: `${label}: not suitable` });
  }
  codes.push({ code: '0', label: 'Accommodation not known' });
  return codes;
}

export const careLeaverAccommodation = codeList('Care leaver accommodation', 'DfE SSDA903 children looked after return, ACCOM (OC3)', accommodationCodes());
