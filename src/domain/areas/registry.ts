/**
 * The areas of a child's journey, in the journey's order. The obligations engine, the worktrays,
 * compliance, the child's page, the CLI and docs/architecture.md read this list rather than naming
 * each rule: adding an area is one file in this folder and one line here (see the checklist in
 * docs/architecture.md).
 */
import type { ObligationRecord } from '../obligations/child-record.js';
import type { DueItem } from '../obligations/due-item.js';
import type { LocalNorms } from '../obligations/local-norms.js';
import type { Area, AreaRule } from './area.js';
import { childInNeedArea } from './child-in-need.js';
import { childProtectionArea } from './child-protection.js';
import { careLeaversArea } from './care-leavers.js';
import { frontDoorArea } from './front-door.js';
import { lookedAfterArea } from './looked-after.js';
import { supervisionArea } from './supervision.js';
import type { WorkKind } from './work-kinds.js';

export const AREAS: readonly Area[] = [frontDoorArea, childInNeedArea, childProtectionArea, supervisionArea, lookedAfterArea, careLeaversArea];

/** Every rule of every area, in the order compliance and the worktray filter list them. */
export const ALL_RULES: readonly AreaRule[] = AREAS.flatMap((a) => a.rules).sort((a, b) => a.order - b.order);

const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

/** The rule with this id, if any area declares it. */
export const ruleById = (id: string): AreaRule | undefined => byId.get(id);

/** The rules whose items are stored in the obligations table (hour clocks on contacts are not). */
export const STORED_RULES: readonly AreaRule[] = ALL_RULES.filter((r) => r.due !== 'contacts');

/** Stored rules of one kind of work, in the listing order. */
export const rulesOfKind = (kind: WorkKind): string[] => STORED_RULES.filter((r) => r.kind === kind).map((r) => r.id);

/** The area that declares a rule. */
export const areaOfRule = (id: string): Area | undefined => AREAS.find((a) => a.rules.some((r) => r.id === id));

/**
 * Every date-based obligation of one child, met or not: each rule's due function, in the
 * registry's order. A rule computed with another ({ with }) is yielded by that rule's function.
 */
export function dueItemsOf(record: ObligationRecord, norms: LocalNorms): DueItem[] {
  return ALL_RULES.flatMap((r) => (typeof r.due === 'function' ? r.due(record, norms) : []));
}
