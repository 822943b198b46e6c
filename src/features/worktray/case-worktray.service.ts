import { workItemColumns } from './work-item-columns.js';
import { and, asc, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { allocations, assessments, obligations, people, supervisions, teams, users, visits } from '../../db/schema/index.js';
import { type Principal, can } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { RULE_ASSESSMENT, RULE_CASE_SUPERVISION, RULE_EARLY_HELP_REVIEW, RULE_VISIT_WRITE_UP } from '../../domain/obligations/index.js';
import { type Clock, type PlainDate, londonDateOf } from '../../domain/time/index.js';
import type { SettingsService } from '../settings/settings.service.js';
import { loadChildStandings } from '../children/child-standing.js';
import { PAGE_SIZE, offsetOf } from '../../web/pagination.js';
import { type WorkKind, rulesOfKind, workLabel } from './work-catalogue.js';
import { earlyHelpWork } from '../early-help/early-help-work.js';

/** One open obligation of an allocated child, as the worktrays list it. */
export interface OpenWorkItem {
  id: string;
  rule: string;
  label: string;
  personId: string;
  childName: string;
  laChildId: string | null;
  subjectType: string;
  subjectId: string;
  dueOn: PlainDate;
  basis: string;
  source: string;
  workerId: string;
  workerName: string;
  visitDate: PlainDate | null;
  /** For an assessment item: the assessment started and not yet authorised, if any. */
  openAssessmentId: string | null;
}

export interface CaseWorkFilter {
  personId?: string | null;
  kind?: WorkKind | null;
  workerId?: string | null;
}

export type CaseWorktrayService = ReturnType<typeof createCaseWorktrayService>;


export const isManager = (p: Principal) => can(p, 'team.manage');

/**
 * The case worktrays: each worker's and each team's open obligations (met_on and lapsed_on both
 * null), read from the stored rows the timescale engine keeps up to date; caseloads against the
 * guide; children with an open episode and no allocated worker.
 */
export function createCaseWorktrayService({ db, clock, settings }: { db: Database; clock: Clock; settings: SettingsService }) {
  /** Open work of the children allocated (open CW allocation) to the given worker or team. */
  async function openWork(scope: { workerId: string } | { teamId: string }, filter: CaseWorkFilter = {}): Promise<OpenWorkItem[]> {
    const where = [isNull(obligations.metOn), isNull(obligations.lapsedOn), isNotNull(obligations.dueOn), isNull(allocations.endDate), eq(allocations.role, 'CW'), isNotNull(allocations.workerId), ne(obligations.rule, RULE_EARLY_HELP_REVIEW)];
    if ('workerId' in scope) where.push(eq(allocations.workerId, scope.workerId));
    else where.push(eq(allocations.teamId, scope.teamId));
    if (filter.personId) where.push(eq(obligations.personId, filter.personId));
    if (filter.workerId) where.push(eq(allocations.workerId, filter.workerId));
    if (filter.kind) where.push(inArray(obligations.rule, rulesOfKind(filter.kind)));
    const rows = await db
      .select({
        ...workItemColumns,
        workerId: allocations.workerId,
        workerName: users.displayName,
        allocationId: allocations.id,
      })
      .from(obligations)
      .innerJoin(allocations, eq(allocations.personId, obligations.personId))
      .innerJoin(people, eq(people.id, obligations.personId))
      .innerJoin(users, eq(users.id, allocations.workerId))
      .where(and(...where));
    // Case supervision is owed per allocation: only the current allocation's item is the worker's.
    const current = rows.filter((r) => r.rule !== 'case-supervision' || r.subjectId === r.allocationId);
    const visitIds = current.filter((r) => r.rule === RULE_VISIT_WRITE_UP && isUuidLike(r.subjectId)).map((r) => r.subjectId);
    const visitDates = new Map<string, PlainDate>();
    if (visitIds.length) {
      for (const v of await db.select({ id: visits.id, date: visits.visitDate }).from(visits).where(inArray(visits.id, visitIds))) visitDates.set(v.id, v.date);
    }
    const episodeIds = current.filter((r) => r.rule === RULE_ASSESSMENT && isUuidLike(r.subjectId)).map((r) => r.subjectId);
    const openAssessment = new Map<string, string>();
    if (episodeIds.length) {
      const started = await db.select({ id: assessments.id, episodeId: assessments.cinEpisodeId }).from(assessments).where(and(inArray(assessments.cinEpisodeId, episodeIds), isNull(assessments.authorisedDate)));
      for (const a of started) openAssessment.set(a.episodeId, a.id);
    }
    // Early help's reviews: owed by the episode's lead practitioner, not through an allocation.
    const earlyHelp: OpenWorkItem[] = (await earlyHelpWork(db, scope, filter)).map((r) => ({
      id: r.id,
      rule: r.rule,
      label: workLabel({ rule: r.rule, visitDate: null }),
      personId: r.personId,
      childName: `${r.givenName} ${r.familyName}`,
      laChildId: r.laChildId,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      dueOn: r.dueOn,
      basis: r.basis,
      source: r.source,
      workerId: r.workerId,
      workerName: r.workerName,
      visitDate: null,
      openAssessmentId: null,
    }));
    return [...current.map((r) => {
      const visitDate = visitDates.get(r.subjectId) ?? null;
      return {
        id: r.id,
        rule: r.rule,
        label: workLabel({ rule: r.rule, visitDate }),
        personId: r.personId,
        childName: `${r.givenName} ${r.familyName}`,
        laChildId: r.laChildId,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        dueOn: r.dueOn!, // the query asks for isNotNull(obligations.dueOn)
        basis: r.basis,
        source: r.source,
        workerId: r.workerId!,
        workerName: r.workerName,
        visitDate,
        openAssessmentId: r.rule === RULE_ASSESSMENT ? (openAssessment.get(r.subjectId) ?? null) : null,
      };
    }), ...earlyHelp];
  }

  /** The children allocated to a worker now (for the worktray's child filter and the supervision form). */
  async function childrenOf(workerId: string) {
    return db
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, laChildId: people.laChildId, dateOfBirth: people.dateOfBirth, allocationId: allocations.id, since: allocations.startDate, teamId: allocations.teamId })
      .from(allocations)
      .innerJoin(people, eq(people.id, allocations.personId))
      .where(and(eq(allocations.workerId, workerId), isNull(allocations.endDate), eq(allocations.role, 'CW')))
      .orderBy(asc(people.familyName), asc(people.givenName));
  }

  /**
   * A worker's own worktray: their allocated children's open obligations. Case supervision is not
   * among them (issue 9): their manager records it, and it sits on the team worktray by worker; the
   * worker sees, per child, when the child is next due to be discussed (`nextSupervision`).
   */
  async function mine(principal: Principal, filter: CaseWorkFilter) {
    const [work, children] = await Promise.all([openWork({ workerId: principal.userId }, { personId: filter.personId, kind: filter.kind }), childrenOf(principal.userId)]);
    const today = londonDateOf(clock.now());
    const standings = await loadChildStandings(db, [...children.map((c) => c.id), ...work.map((i) => i.personId)], today);
    const nextSupervision = new Map<string, PlainDate>();
    for (const i of work) {
      if (i.rule !== RULE_CASE_SUPERVISION) continue;
      const known = nextSupervision.get(i.personId);
      if (!known || i.dueOn < known) nextSupervision.set(i.personId, i.dueOn);
    }
    return { items: work.filter((i) => i.rule !== RULE_CASE_SUPERVISION), nextSupervision, children, standings, today };
  }

  /** The teams a manager may look at: every team (not service) in their management line. */
  async function teamsFor(principal: Principal) {
    if (!isManager(principal) || principal.managedTeamIds.length === 0) return [];
    return db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(inArray(teams.id, [...principal.managedTeamIds]), eq(teams.kind, 'team')))
      .orderBy(asc(teams.name));
  }

  /**
   * Each worker of the team who holds cases: their caseload (open CW allocations, in any team)
   * against the guide pro rata to their FTE, and when they were last supervised.
   */
  async function caseloads(teamId: string) {
    const guide = await settings.caseloadGuide();
    const result = await db.execute(sql`
      select u.id, u.display_name, u.fte, u.agency, u.case_holding, u.job_title,
             (select count(*)::int from ${allocations} a where a.worker_id = u.id and a.end_date is null and a.role = 'CW') as caseload,
             (select max(s.supervision_date)::text from ${supervisions} s where s.worker_id = u.id) as last_supervision
        from ${users} u
       where u.team_id = ${teamId} and u.active
         and (u.case_holding or exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'social_worker')
              or exists (select 1 from ${allocations} a where a.worker_id = u.id and a.end_date is null and a.role = 'CW'))
       order by u.display_name`);
    return {
      guide,
      workers: rowsOf<{ id: string; display_name: string; fte: string | number; agency: boolean; case_holding: boolean; job_title: string | null; caseload: number | string; last_supervision: PlainDate | null }>(result).map((w) => {
        const fte = Number(w.fte);
        const caseload = Number(w.caseload);
        return { id: w.id, displayName: w.display_name, fte, agency: w.agency, caseload, guideForFte: caseGuideFor(guide, fte), lastSupervision: w.last_supervision };
      }),
    };
  }

  /**
   * Children with an open child in need episode and no allocated worker (no open CW allocation
   * naming a worker), held by one of these teams: the episode's team, or an open allocation to the
   * team without a worker. Oldest referral first, one page of PAGE_SIZE at a time (limit/offset in
   * SQL over referral date, name and id; a page past the end is the last), with how many there are.
   */
  async function unallocated(teamIds: readonly string[], page = 1) {
    if (teamIds.length === 0) return { rows: [], total: 0, page: 1 };
    const ids = sql.join(teamIds.map((id) => sql`${id}::uuid`), sql`, `);
    const where = sql`e.closure_date is null
         and not exists (select 1 from allocations a where a.person_id = e.person_id and a.end_date is null and a.role = 'CW' and a.worker_id is not null)
         and (e.team_id in (${ids})
              or exists (select 1 from allocations a where a.person_id = e.person_id and a.end_date is null and a.role = 'CW' and a.team_id in (${ids})))`;
    const [counted] = rowsOf<{ n: number | string }>(await db.execute(sql`select count(*)::int as n from cin_episodes e where ${where}`));
    const total = Number(counted?.n ?? 0);
    const shown = Math.min(page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    const result = await db.execute(sql`
      select p.id, p.given_name, p.family_name, p.la_child_id, p.date_of_birth::text as date_of_birth,
             e.id as episode_id, e.referral_date::text as referral_date, e.referral_decision, t.name as team_name,
             (select u.display_name from allocations a2 left join users u on u.id = a2.worker_id
               where a2.person_id = p.id and a2.role = 'CW' and a2.worker_id is not null order by a2.start_date desc limit 1) as last_worker,
             next_due.rule as next_rule, next_due.due_on::text as next_due_on
        from cin_episodes e
        join people p on p.id = e.person_id
        left join teams t on t.id = e.team_id
        -- The work due for a child nobody yet holds (the assessment's 45 working days run from the referral).
        left join lateral (select o.rule, o.due_on from obligations o
                            where o.person_id = p.id and o.met_on is null and o.lapsed_on is null and o.due_on is not null
                            order by o.due_on, o.rule limit 1) next_due on true
       where ${where}
       order by e.referral_date, p.family_name, p.given_name, e.id
       limit ${PAGE_SIZE} offset ${offsetOf(shown)}`);
    const rows = rowsOf<{ id: string; given_name: string; family_name: string; la_child_id: string | null; date_of_birth: PlainDate | null; episode_id: string; referral_date: PlainDate; referral_decision: string | null; team_name: string | null; last_worker: string | null; next_rule: string | null; next_due_on: PlainDate | null }>(result);
    return { rows, total, page: shown };
  }

  /** The team worktray: everything the team owes, its workers' caseloads, and its unallocated children. */
  async function team(principal: Principal, filter: { teamId: string | null; unallocatedPage?: number }) {
    const available = await teamsFor(principal);
    if (available.length === 0) throw new NotFound('page');
    const chosen = available.find((t) => t.id === filter.teamId) ?? available.find((t) => t.id === principal.teamId) ?? available[0]!;
    const [all, loads, waiting] = await Promise.all([openWork({ teamId: chosen.id }), caseloads(chosen.id), unallocated([chosen.id], filter.unallocatedPage ?? 1)]);
    const today = londonDateOf(clock.now());
    const standings = await loadChildStandings(db, [...all.map((i) => i.personId), ...waiting.rows.map((c) => c.id)], today);
    const overdueBy = new Map<string, number>();
    const supervisionOverdueBy = new Map<string, number>();
    for (const i of all) {
      if (i.dueOn < today) {
        overdueBy.set(i.workerId, (overdueBy.get(i.workerId) ?? 0) + 1);
        if (i.rule === 'case-supervision') supervisionOverdueBy.set(i.workerId, (supervisionOverdueBy.get(i.workerId) ?? 0) + 1);
      }
    }
    // Workers who hold one of the team's children but are not in the team (a transfer in progress) still appear.
    const known = new Set(loads.workers.map((w) => w.id));
    const extra = [...new Map(all.filter((i) => !known.has(i.workerId)).map((i) => [i.workerId, i.workerName])).entries()];
    return {
      teams: available,
      team: chosen,
      all,
      today,
      standings,
      caseloads: loads,
      overdueBy,
      supervisionOverdueBy,
      extraWorkers: extra.map(([id, displayName]) => ({ id, displayName })),
      unallocated: waiting.rows,
      unallocatedTotal: waiting.total,
      unallocatedPage: waiting.page,
    };
  }

  /** Open items past due across a set of people (used by tests and the CLI). */
  async function overdueCount(personIds: string[], today: PlainDate) {
    if (personIds.length === 0) return 0;
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(obligations)
      .where(and(inArray(obligations.personId, personIds), isNull(obligations.metOn), isNull(obligations.lapsedOn), lt(obligations.dueOn, today)));
    return row?.n ?? 0;
  }

  return { openWork, childrenOf, mine, teamsFor, caseloads, unallocated, team, overdueCount };
}

/** The caseload guide for a worker's hours: 15 for a full-time worker is 9 at 0.6 FTE (rounded to the nearest whole child). */
export function caseGuideFor(guide: number, fte: number): number {
  return Math.round(guide * fte);
}

const isUuidLike = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
