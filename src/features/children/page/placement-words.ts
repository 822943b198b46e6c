/** Where a looked after child is placed, in a few words: the summary card and the looked after section share these. */
import { placementWords } from '../../../domain/journey/status.js';
import type { ChildRecord } from '../children.service.js';
import { formatPostcode } from '../labels.js';


export type PlacementRow = ChildRecord['placements'][number];

/** "with foster carers", "in a children’s home", "placed for adoption": where the child lives, by placement type. */
export function placementShortWords(placementType: string): string {
  const words = placementWords(placementType);
  return words.startsWith('placed with') ? words.slice('placed '.length) : words;
}

/** SSDA903 PLACE_PROVIDER in a few words. */
export const PROVIDER_WORDS: Record<string, string> = { PR0: 'parent', PR1: 'own local authority', PR2: 'other local authority', PR3: 'other public', PR4: 'private', PR5: 'voluntary sector' };

/** A DfE label without its bracketed examples: "Change to or implementation of care plan". */
export const shortLabel = (label: string) => label.replace(/\s*\([^)]*\)\s*$/, '');

/** "Gia and Porter Lynch-Bailey (Hearthshire Fostering Service), FM6 9LW" */
export function placementWhere(x: PlacementRow): string {
  const who = x.carerName ? `${x.carerName}${x.providerName ? ` (${x.providerName})` : ''}` : (x.providerName ?? x.placement.provider ?? '');
  const area = !x.carerName && x.providerArea ? `in ${x.providerArea}` : '';
  return [who, area, formatPostcode(x.placement.postcode)].filter(Boolean).join(', ');
}
