/**
 * What may be recorded in early help now, and why not: a table (after OpenCRVS's, like the
 * journey's in src/domain/areas/*.actions.ts) over the child's early help facts. Early help runs
 * beside children's social care, not inside a child in need episode, so it has its own facts
 * rather than the journey's CaseFacts.
 */
import type { ActionRule } from '../areas/area.js';
import type { PlainDate } from '../time/index.js';

export interface EarlyHelpFacts {
  /** The open early help episode, if any (at most one). */
  open: { startDate: PlainDate; teamId: string | null; workerId: string | null } | null;
  /** The child has an open child in need episode (children's social care holds the case). */
  openCinEpisode: boolean;
}

export type EarlyHelpAction = 'allocate-early-help' | 'record-early-help-review' | 'step-up' | 'close-early-help';

const NO_EPISODE = 'The child has no open early help episode.';

export const earlyHelpActions: readonly ActionRule<EarlyHelpFacts, EarlyHelpAction>[] = [
  { action: 'allocate-early-help', refuse: (f) => (f.open ? null : NO_EPISODE) },
  { action: 'record-early-help-review', refuse: (f) => (!f.open ? NO_EPISODE : !f.open.teamId ? 'Allocate the early help episode to a team and a lead practitioner first.' : null) },
  {
    action: 'step-up',
    refuse: (f) => (!f.open ? NO_EPISODE : f.openCinEpisode ? 'Children’s social care already has an open child in need episode for this child.' : null),
  },
  { action: 'close-early-help', refuse: (f) => (f.open ? null : NO_EPISODE) },
];

export function earlyHelpDecision(facts: EarlyHelpFacts, action: EarlyHelpAction): { allowed: boolean; reason: string | null } {
  const reason = earlyHelpActions.find((a) => a.action === action)!.refuse(facts);
  return { allowed: reason === null, reason };
}
