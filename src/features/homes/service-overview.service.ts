import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { RULE_CASE_SUPERVISION } from '../../domain/obligations/index.js';
import type { PlainDate } from '../../domain/time/index.js';
import { caseGuideFor } from '../worktray/case-worktray.service.js';

export interface TeamOverview {
  id: string;
  name: string;
  /** Open items past their due date, of the children allocated in the team (as the team worktray counts them). */
  overdue: number;
  childrenOverdue: number;
  oldestOverdue: PlainDate | null;
  /** Case-holding workers of the team, and how many of them hold more children than the guide for their hours. */
  workers: number;
  overGuide: number;
  children: number;
}

/**
 * The service manager's overview: each team of their management line with its overdue work and
 * its workers over the caseload guide. One grouped query for the overdue work, one for the
 * workers' caseloads, one for the teams — however many teams the line holds.
 */
export async function serviceOverview(db: Database, managedTeamIds: readonly string[], today: PlainDate, guide: number): Promise<TeamOverview[]> {
  if (managedTeamIds.length === 0) return [];
  const ids = sql.join(managedTeamIds.map((id) => sql`${id}::uuid`), sql`, `);
  const [teamRows, overdueRows, workerRows] = await Promise.all([
    db.execute(sql`select id, name from teams where id in (${ids}) and kind = 'team' order by name`),
    // Open CW allocations naming a worker, as openWork joins them; case supervision counts only for the current allocation.
    db.execute(sql`
      select a.team_id, count(*)::int as overdue, count(distinct o.person_id)::int as children, min(o.due_on)::text as oldest
        from obligations o
        join allocations a on a.person_id = o.person_id and a.end_date is null and a.role = 'CW' and a.worker_id is not null
       where o.met_on is null and o.lapsed_on is null and o.due_on < ${today}::date
         and a.team_id in (${ids})
         and (o.rule <> ${RULE_CASE_SUPERVISION} or o.subject_id = a.id::text)
       group by a.team_id`),
    // Workers as the team worktray's caseloads lists them: case holding, a social worker, or holding a case.
    db.execute(sql`
      with loads as (
        select worker_id, count(*)::int as caseload from allocations
         where end_date is null and role = 'CW' and worker_id is not null group by worker_id)
      select u.team_id, u.fte, coalesce(l.caseload, 0)::int as caseload
        from users u left join loads l on l.worker_id = u.id
       where u.team_id in (${ids}) and u.active
         and (u.case_holding or l.caseload is not null
              or exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'social_worker'))`),
  ]);
  const overdue = new Map(rowsOf<{ team_id: string; overdue: number | string; children: number | string; oldest: PlainDate | null }>(overdueRows).map((r) => [r.team_id, r]));
  const workers = new Map<string, { workers: number; overGuide: number; children: number }>();
  for (const w of rowsOf<{ team_id: string; fte: number | string; caseload: number | string }>(workerRows)) {
    const t = workers.get(w.team_id) ?? { workers: 0, overGuide: 0, children: 0 };
    const caseload = Number(w.caseload);
    t.workers++;
    t.children += caseload;
    if (caseload > caseGuideFor(guide, Number(w.fte))) t.overGuide++;
    workers.set(w.team_id, t);
  }
  return rowsOf<{ id: string; name: string }>(teamRows).map((t) => {
    const o = overdue.get(t.id);
    const w = workers.get(t.id) ?? { workers: 0, overGuide: 0, children: 0 };
    return { id: t.id, name: t.name, overdue: Number(o?.overdue ?? 0), childrenOverdue: Number(o?.children ?? 0), oldestOverdue: o?.oldest ?? null, ...w };
  });
}
