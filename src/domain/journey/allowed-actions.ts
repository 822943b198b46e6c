import type { childInNeedActions } from '../areas/child-in-need.actions.js';
import type { childProtectionActions } from '../areas/child-protection.actions.js';
import type { lookedAfterActions } from '../areas/looked-after.actions.js';
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
  for (const area of AREAS) {
    for (const row of area.actions) {
      const reason = row.refuse(facts);
      out[row.action] = { allowed: reason === null, reason };
    }
  }
  return out as Record<CaseAction, ActionDecision>;
}
