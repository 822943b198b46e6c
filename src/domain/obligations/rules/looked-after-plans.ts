import { addWorkingDays, compareDates, formatLongDate } from '../../time/index.js';
import { isTemporaryPlacementType } from '../../codes/placement-type.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import { dateItem } from './item.js';
import { oneOff } from './one-off.js';

export const RULE_CARE_PLAN = 'la-care-plan';
export const RULE_PLACEMENT_PLAN = 'la-placement-plan';
export const SOURCE_CARE_PLAN = 'Care Planning, Placement and Case Review (England) Regulations 2010, reg 4: the care plan before the first placement or, if that is not practicable, within 10 working days of its start';
export const SOURCE_PLACEMENT_PLAN = 'Care Planning, Placement and Case Review (England) Regulations 2010, reg 9: the placement plan before the placement or, if it is made in an emergency, within 5 working days of its start';

/** The periods of care in date order, each with its placements in date order. */
export function periodsWithPlacements(r: ObligationRecord) {
  return [...r.periodsOfCare]
    .sort((a, b) => compareDates(a.startDate, b.startDate))
    .map((period) => ({ period, placements: r.placements.filter((p) => p.periodId === period.id).sort((a, b) => compareDates(a.startDate, b.startDate)) }));
}

/**
 * The care plan within 10 working days of the first placement of each period of care (of the period's
 * start when no placement is recorded); met by the first care plan of the period, even one made before.
 */
export function carePlanDue(r: ObligationRecord): DueItem[] {
  return periodsWithPlacements(r).flatMap(({ period, placements }) => {
    const from = placements[0]?.startDate ?? period.startDate;
    const plans = r.carePlans.filter((p) => p.periodId === period.id).map((p) => p.startDate).sort(compareDates);
    const o = oneOff({ dueOn: addWorkingDays(from, 10), metOn: plans[0] ?? null, end: period.endDate });
    if (!o) return [];
    return [dateItem({ rule: RULE_CARE_PLAN, personId: r.personId, subjectType: 'period_of_care', subjectId: period.id, ...o, basis: `10 working days from the first placement on ${formatLongDate(from)}`, source: SOURCE_CARE_PLAN })];
  });
}

/**
 * A placement plan within 5 working days of the start of each placement (agreed before it, or after).
 * Temporary placements (SSDA903 T0-T4: hospital, holidays, a few days elsewhere) are not new
 * placements: the child returns to their own, whose plan stands.
 */
export function placementPlanDue(r: ObligationRecord): DueItem[] {
  return r.placements
    .filter((p) => !isTemporaryPlacementType(p.type))
    .flatMap((p) => {
      const o = oneOff({ dueOn: addWorkingDays(p.startDate, 5), metOn: p.planAgreedOn, end: p.endDate });
      if (!o) return [];
      return [dateItem({ rule: RULE_PLACEMENT_PLAN, personId: r.personId, subjectType: 'placement', subjectId: p.id, ...o, basis: `5 working days from the start of the placement on ${formatLongDate(p.startDate)}`, source: SOURCE_PLACEMENT_PLAN })];
    });
}

