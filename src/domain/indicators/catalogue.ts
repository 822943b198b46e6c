/**
 * The catalogue of indicators the service is held to account on (issue 12; definitions in
 * ../shared/reference/domain.md §5.2): each with its plain definition, source, polarity and
 * England figure, computed from the record as a pure function of the children and a window.
 * The looked-after, care-leaver, placement and workforce indicators join as their records land.
 */
import { ASSESSMENT_INDICATORS } from './assessment.js';
import { CHILD_PROTECTION_INDICATORS } from './child-protection.js';
import { CHILDREN_IN_NEED_INDICATORS } from './children-in-need.js';
import { FRONT_DOOR_INDICATORS } from './front-door.js';
import type { Indicator } from './indicator.js';

export const INDICATORS: readonly Indicator[] = [...FRONT_DOOR_INDICATORS, ...ASSESSMENT_INDICATORS, ...CHILDREN_IN_NEED_INDICATORS, ...CHILD_PROTECTION_INDICATORS];

const byId = new Map(INDICATORS.map((i) => [i.id, i]));
export const indicatorById = (id: string): Indicator | undefined => byId.get(id);
