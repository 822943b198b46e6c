import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { teams } from '../../db/schema/index.js';
import { type Principal, can } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { type Clock, type PlainDate, londonDateOf } from '../../domain/time/index.js';
import type { AuditService } from '../audit/audit.service.js';
import { STORED_RULES } from '../../domain/areas/index.js';
import { PAGE_SIZE, offsetOf } from '../../web/pagination.js';
import { loadChildStandings } from '../children/child-standing.js';
import { type OutcomeCounts, type Period, addCounts, emptyCounts, outcomeOf } from './compliance.js';

/** The bucket of children with no current allocation (analysts only). */
export const NO_TEAM = 'none';

export interface TeamCounts {
  teamId: string;
  teamName: string;
  counts: OutcomeCounts;
  overdueNow: number;
}

export interface RuleSummary {
  rule: string;
  label: string;
  counts: OutcomeCounts;
  overdueNow: number;
  byTeam: TeamCounts[];
}

export type ComplianceService = ReturnType<typeof createComplianceService>;

/**
 * Compliance by rule and team, from the stored obligations: of the items due in a period, how many
 * were done on time, late, or missed, and what is overdue now. The team is that of the child's
 * current allocation (open CW allocation). Service managers see the teams in their line; performance
 * analysts see every team and the children no team holds.
 */
export function createComplianceService({ db, clock, audit }: { db: Database; clock: Clock; audit: AuditService }) {
  async function scopeFor(principal: Principal): Promise<{ teams: { id: string; name: string }[]; allTeams: boolean }> {
    if (!can(principal, 'compliance.view')) throw new NotFound('page');
    const analyst = can(principal, 'compliance.view-all-teams');
    if (analyst) {
      return { teams: await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.kind, 'team')).orderBy(asc(teams.name)), allTeams: true };
    }
    if (principal.managedTeamIds.length === 0) return { teams: [], allTeams: false };
    return {
      teams: await db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.kind, 'team'), inArray(teams.id, [...principal.managedTeamIds]))).orderBy(asc(teams.name)),
      allTeams: false,
    };
  }

  /** The current team of each child, as a CTE: the latest open CW allocation. */
  const currentTeam = sql`
    current_team as (
      select distinct on (a.person_id) a.person_id, a.team_id, a.worker_id
        from allocations a
       where a.role = 'CW' and a.end_date is null
       order by a.person_id, a.start_date desc, a.id
    )`;

  /** The stored rules of the areas' registry, in its listing order. */
  const RULE_ORDER = STORED_RULES.map((r) => r.id);
  const rules = () => sql`array[${sql.join(RULE_ORDER.map((r) => sql`${r}`), sql`, `)}]::text[]`;

  /** Every rule's counts in the period and overdue now, in total and by team, within the user's scope. */
  async function summary(principal: Principal, period: Period, teamId: string | null = null) {
    const scope = await scopeFor(principal);
    const today = londonDateOf(clock.now());
    const teamIds = teamId ? scope.teams.filter((t) => t.id === teamId).map((t) => t.id) : scope.teams.map((t) => t.id);
    const includeNone = scope.allTeams && (!teamId || teamId === NO_TEAM);
    if (teamId && teamId !== NO_TEAM && teamIds.length === 0) throw new NotFound('team');
    const inScope = teamScope(teamIds, includeNone);
    const periodRows = rowsOf<{ rule: string; team_id: string | null; on_time: number | string; late: number | string; missed: number | string; not_yet_due: number | string }>(
      await db.execute(sql`
        with ${currentTeam}
        select o.rule, ct.team_id,
               count(*) filter (where o.met_on is not null and o.met_on <= o.due_on) as on_time,
               count(*) filter (where o.met_on > o.due_on) as late,
               count(*) filter (where o.met_on is null and (o.lapsed_on is not null or o.due_on < ${today})) as missed,
               count(*) filter (where o.met_on is null and o.lapsed_on is null and o.due_on >= ${today}) as not_yet_due
          from obligations o
          left join current_team ct on ct.person_id = o.person_id
         where o.rule = any(${rules()}) and o.due_on between ${period.from} and ${period.to} and ${inScope}
         group by o.rule, ct.team_id`),
    );
    const overdueRows = rowsOf<{ rule: string; team_id: string | null; n: number | string }>(
      await db.execute(sql`
        with ${currentTeam}
        select o.rule, ct.team_id, count(*) as n
          from obligations o
          left join current_team ct on ct.person_id = o.person_id
         where o.met_on is null and o.lapsed_on is null and o.due_on < ${today} and ${inScope}
         group by o.rule, ct.team_id`),
    );
    const names = new Map(scope.teams.map((t) => [t.id, t.name]));
    const teamKey = (id: string | null) => id ?? NO_TEAM;
    const teamName = (id: string) => (id === NO_TEAM ? 'No current allocation' : (names.get(id) ?? 'Another team'));
    const out: RuleSummary[] = STORED_RULES.map(({ id: rule, label }) => ({ rule, label, counts: emptyCounts(), overdueNow: 0, byTeam: [] }));
    const byRule = new Map(out.map((r) => [r.rule, r]));
    const teamEntry = (r: RuleSummary, id: string) => {
      let t = r.byTeam.find((x) => x.teamId === id);
      if (!t) r.byTeam.push((t = { teamId: id, teamName: teamName(id), counts: emptyCounts(), overdueNow: 0 }));
      return t;
    };
    for (const row of periodRows) {
      const r = byRule.get(row.rule);
      if (!r) continue;
      const c: OutcomeCounts = { onTime: Number(row.on_time), late: Number(row.late), missed: Number(row.missed), notYetDue: Number(row.not_yet_due) };
      r.counts = addCounts(r.counts, c);
      const t = teamEntry(r, teamKey(row.team_id));
      t.counts = addCounts(t.counts, c);
    }
    for (const row of overdueRows) {
      const r = byRule.get(row.rule);
      if (!r) continue;
      r.overdueNow += Number(row.n);
      teamEntry(r, teamKey(row.team_id)).overdueNow += Number(row.n);
    }
    for (const r of out) r.byTeam.sort((a, b) => (a.teamId === NO_TEAM ? 1 : b.teamId === NO_TEAM ? -1 : a.teamName.localeCompare(b.teamName, 'en-GB')));
    return { rules: out, teams: scope.teams, allTeams: scope.allTeams, today };
  }

  /**
   * The children behind one rule's figures for one team (or every team in scope): each item due in
   * the period, with its outcome, and each item overdue now, the earliest due first, one page of
   * PAGE_SIZE at a time (limit/offset in SQL over a stable order; a page past the end is the last).
   */
  async function children(principal: Principal, rule: string, period: Period, teamId: string | null, page = 1) {
    if (!RULE_ORDER.includes(rule)) throw new NotFound('rule');
    const scope = await scopeFor(principal);
    if (teamId && teamId !== NO_TEAM && !scope.teams.some((t) => t.id === teamId)) throw new NotFound('team');
    if (teamId === NO_TEAM && !scope.allTeams) throw new NotFound('team');
    const today = londonDateOf(clock.now());
    const teamIds = teamId ? (teamId === NO_TEAM ? [] : [teamId]) : scope.teams.map((t) => t.id);
    const includeNone = scope.allTeams && (!teamId || teamId === NO_TEAM);
    const where = sql`o.rule = ${rule} and ${teamScope(teamIds, includeNone)}
         and ((o.due_on between ${period.from} and ${period.to})
              or (o.met_on is null and o.lapsed_on is null and o.due_on < ${today}))`;
    const [counted] = rowsOf<{ n: number | string }>(await db.execute(sql`
      with ${currentTeam}
      select count(*)::int as n from obligations o left join current_team ct on ct.person_id = o.person_id where ${where}`));
    const total = Number(counted?.n ?? 0);
    const shownPage = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    const result = await db.execute(sql`
      with ${currentTeam}
      select o.id, o.person_id, p.given_name, p.family_name, p.la_child_id, o.due_on::text as due_on, o.met_on::text as met_on, o.lapsed_on::text as lapsed_on, o.basis,
             ct.team_id, t.name as team_name, u.display_name as worker_name
        from obligations o
        join people p on p.id = o.person_id
        left join current_team ct on ct.person_id = o.person_id
        left join teams t on t.id = ct.team_id
        left join users u on u.id = ct.worker_id
       where ${where}
       order by o.due_on, p.family_name, p.given_name, o.id
       limit ${PAGE_SIZE} offset ${offsetOf(shownPage)}`);
    const rows = rowsOf<{ id: string; person_id: string; given_name: string; family_name: string; la_child_id: string | null; due_on: PlainDate; met_on: PlainDate | null; lapsed_on: PlainDate | null; basis: string; team_id: string | null; team_name: string | null; worker_name: string | null }>(result);
    const items = rows.map((r) => {
      const item = { dueOn: r.due_on, metOn: r.met_on, lapsedOn: r.lapsed_on };
      const inPeriod = r.due_on >= period.from && r.due_on <= period.to;
      return {
        id: r.id,
        personId: r.person_id,
        childName: `${r.given_name} ${r.family_name}`,
        laChildId: r.la_child_id,
        ...item,
        basis: r.basis,
        teamName: r.team_name ?? 'No current allocation',
        workerName: r.worker_name,
        inPeriod,
        outcome: outcomeOf(item, today),
        overdueNow: !item.metOn && !item.lapsedOn && item.dueOn < today,
      };
    });
    // A list of named children is a view of their records: one audit row for the page shown (not
    // one per child), naming them all so that "who viewed this child" finds it.
    const personIds = [...new Set(items.map((i) => i.personId))];
    const standings = await loadChildStandings(db, personIds, today);
    await db.transaction((tx) => audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'compliance', subjectId: rule, detail: { team: teamId, from: period.from, to: period.to, page: shownPage, children: personIds.length, personIds } }));
    return { items, total, page: shownPage, standings, teams: scope.teams, allTeams: scope.allTeams, today };
  }

  return { scopeFor, summary, children };
}

/** Rows of children whose current team is one of these, or (for analysts) who have none. */
function teamScope(teamIds: readonly string[], includeNone: boolean) {
  const parts = [];
  if (teamIds.length) parts.push(sql`ct.team_id in (${sql.join(teamIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  if (includeNone) parts.push(sql`ct.team_id is null`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
