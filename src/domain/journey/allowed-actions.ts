import type { childInNeedActions } from '../areas/child-in-need.actions.js';
import type { childProtectionActions } from '../areas/child-protection.actions.js';
import { lookedAfterActions } from '../areas/looked-after.actions.js';
import { AREAS } from '../areas/registry.js';
import { type JourneyRecord, caseFactsOf } from './case-facts.js';

/** What a worker may record next for a child: the actions of every area's table. */
export type CaseAction =
  | (typeof childInNeedActions)[number]['action']
  | (typeof childProtectionActions)[number]['action']
  | (typeof lookedAfterActions)[number]['action'];

export interface ActionDecision {
  allowed: boolean;
  /** Why not, in words a worker understands (shown when the page refuses). */
  reason: string | null;
}

/**
 * The journey's gates: each area's allowed-actions table (src/domain/areas/*.actions.ts) read
 * against the facts of the record, worked out once. The tables name the CIN census rules they keep.
 */
export function allowedActions(r: JourneyRecord): Record<CaseAction, ActionDecision> {
  const facts = caseFactsOf(r);
  const out: Record<string, ActionDecision> = {};
  // The looked-after table is read directly until its area (src/domain/areas/looked-after.ts, with
  // the timescales) is in the registry; then this second list goes.
  const tables = [...AREAS.map((a) => a.actions), ...(AREAS.some((a) => a.actions === lookedAfterActions) ? [] : [lookedAfterActions])];
  for (const actions of tables) {
    for (const row of actions) {
      const reason = row.refuse(facts);
      out[row.action] = { allowed: reason === null, reason };
    }
  }
  return out as Record<CaseAction, ActionDecision>;
}
