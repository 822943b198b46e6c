import { workItemColumns } from '../worktray/work-item-columns.js';
/**
 * Early help's own worktray items: the open early help reviews of the episodes a lead practitioner
 * leads (their worktray) or a team holds (the team worktray). Early help is not a case-worker
 * allocation, so the case worktray's allocation join does not find it; this does, from the same
 * stored obligations.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { earlyHelpEpisodes, obligations, people, users } from '../../db/schema/index.js';
import { RULE_EARLY_HELP_REVIEW } from '../../domain/obligations/index.js';
import type { PlainDate } from '../../domain/time/index.js';

export interface EarlyHelpWorkItem {
  id: string;
  rule: string;
  personId: string;
  givenName: string;
  familyName: string;
  laChildId: string | null;
  subjectType: string;
  subjectId: string;
  dueOn: PlainDate;
  basis: string;
  source: string;
  workerId: string;
  workerName: string;
}

export async function earlyHelpWork(db: Database, scope: { workerId: string } | { teamId: string }, filter: { personId?: string | null; workerId?: string | null; kind?: string | null } = {}): Promise<EarlyHelpWorkItem[]> {
  if (filter.kind && filter.kind !== 'early-help') return [];
  const where = [eq(obligations.rule, RULE_EARLY_HELP_REVIEW), isNull(obligations.metOn), isNull(obligations.lapsedOn), isNotNull(obligations.dueOn), isNull(earlyHelpEpisodes.endDate), isNotNull(earlyHelpEpisodes.workerId)];
  where.push('workerId' in scope ? eq(earlyHelpEpisodes.workerId, scope.workerId) : eq(earlyHelpEpisodes.teamId, scope.teamId));
  if (filter.personId) where.push(eq(obligations.personId, filter.personId));
  if (filter.workerId) where.push(eq(earlyHelpEpisodes.workerId, filter.workerId));
  const rows = await db
    .select({
      ...workItemColumns,
      workerId: earlyHelpEpisodes.workerId,
      workerName: users.displayName,
    })
    .from(obligations)
    .innerJoin(earlyHelpEpisodes, and(eq(obligations.subjectType, 'early_help_episode'), sql`${earlyHelpEpisodes.id}::text = ${obligations.subjectId}`))
    .innerJoin(people, eq(people.id, obligations.personId))
    .innerJoin(users, eq(users.id, earlyHelpEpisodes.workerId))
    .where(and(...where));
  return rows.map((r) => ({ ...r, dueOn: r.dueOn!, workerId: r.workerId! }));
}
