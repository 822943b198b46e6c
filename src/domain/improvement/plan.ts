import { type PlainDate, compareDates } from '../time/index.js';

export const ACTION_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const statusLabels: Record<ActionStatus, string> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done' };

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];
export const ragLabels: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export const RECOMMENDATION_SOURCES = ['Ofsted inspection (ILACS)', 'Ofsted focused visit', 'Ofsted monitoring visit', 'Annual engagement meeting', 'Self-assessment', 'Peer review'] as const;

export interface PlanAction {
  status: ActionStatus;
  rag: Rag;
  dueOn: PlainDate;
}

/** Past its due date and not done. */
export const isOverdue = (a: PlanAction, today: PlainDate) => a.status !== 'done' && compareDates(a.dueOn, today) < 0;

/**
 * Where a recommendation stands, for the committee's table: green once every action is done; with
 * none yet, red (nothing is being done about it); otherwise the worst RAG among the open actions,
 * and red if any is overdue, whatever its owner rated it.
 */
export function recommendationRag(actions: readonly PlanAction[], today: PlainDate): Rag {
  if (actions.length === 0) return 'red';
  const open = actions.filter((a) => a.status !== 'done');
  if (open.length === 0) return 'green';
  if (open.some((a) => a.rag === 'red' || isOverdue(a, today))) return 'red';
  return open.some((a) => a.rag === 'amber') ? 'amber' : 'green';
}
