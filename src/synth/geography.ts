/**
 * A fictional geography. Postcodes have the real format but use postcode areas that do not exist
 * (HH, EM, CY, KD, FM, NM, WX: valid letters, never issued), so no synthetic address is anyone's
 * home. Stored without the space, as the schema asks. Each area has a rough distance from the
 * home authority, which the lead can use for placement-distance figures.
 */
import type { Rng } from './prng.js';

export interface SyntheticArea {
  /** Postcode area letters. */
  area: string;
  /** The (fictional) local authority the area belongs to. */
  authority: string;
  /** Outward-code district numbers in use. */
  districts: readonly number[];
  /** Rough straight-line distance in miles from the home authority's centre. */
  milesFrom: number;
  milesTo: number;
  /** Towns shown in addresses. */
  towns: readonly string[];
  /** true for the home authority. */
  home: boolean;
}

export function syntheticAreas(authorityName: string): readonly SyntheticArea[] {
  const home = authorityName.replace(/\s+(Council|Borough Council|County Council|City Council)$/i, '');
  return [
    { area: 'HH', authority: home, districts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], milesFrom: 0, milesTo: 4, towns: ['Hearthbridge', 'Emberleigh', 'Ashcombe', 'Kilnworth', 'Tinderfield', 'Glowmarsh'], home: true },
    { area: 'EM', authority: 'Emberton', districts: [1, 2, 3, 4, 5, 6], milesFrom: 4, milesTo: 9, towns: ['Emberton', 'Coalbrook'], home: false },
    { area: 'CY', authority: 'Cindervale', districts: [1, 2, 3, 4, 5], milesFrom: 5, milesTo: 10, towns: ['Cindervale', 'Smokehill'], home: false },
    { area: 'KD', authority: 'Kindlewick', districts: [1, 2, 3, 4], milesFrom: 6, milesTo: 12, towns: ['Kindlewick', 'Sparkford'], home: false },
    { area: 'FM', authority: 'Flintmoor', districts: [1, 2, 3, 4, 5, 6, 7, 8], milesFrom: 15, milesTo: 40, towns: ['Flintmoor', 'Stoneham', 'Ridgewell'], home: false },
    { area: 'NM', authority: 'Northmarsh', districts: [1, 2, 3, 4, 5, 6], milesFrom: 60, milesTo: 120, towns: ['Northmarsh', 'Fenby'], home: false },
    { area: 'WX', authority: 'Westerholt', districts: [1, 2, 3, 4, 5], milesFrom: 100, milesTo: 200, towns: ['Westerholt', 'Combe Valley'], home: false },
  ];
}

/** Inward-code letters: the real rule excludes C, I, K, M, O and V. */
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ';

export function postcodeIn(rng: Rng, area: SyntheticArea): { postcode: string; town: string } {
  const district = rng.pick(area.districts);
  const postcode = `${area.area}${district}${rng.int(1, 9)}${INWARD[rng.int(0, INWARD.length - 1)]}${INWARD[rng.int(0, INWARD.length - 1)]}`;
  const town = area.towns[Math.min(area.towns.length - 1, Math.floor(((district - 1) / area.districts.length) * area.towns.length))]!;
  return { postcode, town };
}
