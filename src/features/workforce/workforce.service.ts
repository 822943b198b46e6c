import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { allocations, cinEpisodes, obligations, people, supervisionChildren, supervisions, teamTransfers, teams, users } from '../../db/schema/index.js';
import { type Principal, can } from '../../domain/access/index.js';
import { socialWorkerChangeReasons } from '../../domain/codes/index.js';
import { AccessDenied, Conflict, NotFound, ValidationFailed } from '../../domain/errors.js';
import { RULE_CASE_SUPERVISION } from '../../domain/obligations/index.js';
import { type Clock, type PlainDate, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import { type TransferReason, transferReasonLabels } from '../../domain/workforce/transfer-reasons.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ObligationsService } from '../obligations/obligations.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { type Submission, onceOnly } from '../submissions/once-only.js';
import { urls } from '../../web/urls.js';
import { loadChildStandings } from '../children/child-standing.js';

export interface AllocateCommand {
  workerId: string;
  /** SSDA903 SW_REASON. */
  reasonCode: string;
  reason: string | null;
  /** The open allocation the form was rendered with (null: none): a stale form is refused. */
  currentAllocationId: string | null;
  /** When the allocation starts (it happened then; today when not given). */
  startDate: PlainDate | null;
}

export interface TransferCommand {
  toTeamId: string;
  reasonCode: TransferReason;
  notes: string | null;
  /** When the team takes the case (today when not given). */
  transferDate: PlainDate | null;
  /** The open allocations the form was rendered with: a stale form is refused. */
  currentAllocationIds: string[];
}

export interface SupervisionCommand {
  date: PlainDate;
  notes: string | null;
  discussed: { personId: string; decision: string; rationale: string }[];
}

export type WorkforceService = ReturnType<typeof createWorkforceService>;

const requireManager = (p: Principal) => {
  if (!can(p, 'team.manage')) throw new NotFound('page');
};

/**
 * Teams, workers and what they hold: allocating a child to a worker (a reallocation ends the
 * current allocation and starts another, so the history is kept for the SSDA903 SWEpisodes), and
 * case supervision (each child discussed, with the decision and its rationale, which meets the
 * child's case-supervision duty).
 */
export function createWorkforceService({ db, clock, audit, access, obligations: obligationsService, settings }: { db: Database; clock: Clock; audit: AuditService; access: AccessService; obligations: ObligationsService; settings: SettingsService }) {
  /**
   * Workers a manager may allocate to or supervise: active social workers (or case-holding staff)
   * in the teams of their management line, with their caseloads.
   */
  async function workersFor(ex: Executor, principal: Principal) {
    if (principal.managedTeamIds.length === 0) return [];
    const ids = sql.join(principal.managedTeamIds.map((id) => sql`${id}::uuid`), sql`, `);
    const result = await ex.execute(sql`
      select u.id, u.display_name, u.fte, u.agency, u.team_id, t.name as team_name,
             (select count(*)::int from allocations a where a.worker_id = u.id and a.end_date is null and a.role = 'CW') as caseload,
             (select max(s.supervision_date)::text from supervisions s where s.worker_id = u.id) as last_supervision
        from users u join teams t on t.id = u.team_id
       where u.active and t.kind = 'team' and u.team_id in (${ids})
         and (u.case_holding or exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'social_worker')
              or exists (select 1 from allocations a where a.worker_id = u.id and a.end_date is null and a.role = 'CW'))
       order by t.name, u.display_name`);
    return rowsOf<{ id: string; display_name: string; fte: string | number; agency: boolean; team_id: string; team_name: string; caseload: number | string; last_supervision: PlainDate | null }>(result).map((w) => ({
      id: w.id,
      displayName: w.display_name,
      fte: Number(w.fte),
      agency: w.agency,
      teamId: w.team_id,
      teamName: w.team_name,
      caseload: Number(w.caseload),
      lastSupervision: w.last_supervision,
    }));
  }

  async function personOr404(tx: Executor, personId: string) {
    const [person] = await tx.select().from(people).where(eq(people.id, personId));
    if (!person || !person.isChild) throw new NotFound('child');
    return person;
  }

  async function allocationHistory(tx: Executor, personId: string) {
    return tx
      .select({ allocation: allocations, worker: users.displayName, teamName: teams.name })
      .from(allocations)
      .leftJoin(users, eq(users.id, allocations.workerId))
      .leftJoin(teams, eq(teams.id, allocations.teamId))
      .where(and(eq(allocations.personId, personId), eq(allocations.role, 'CW')))
      .orderBy(desc(allocations.startDate), desc(allocations.endDate));
  }

  /** What the allocation page shows: the child, who holds the case now and before, and whom it could go to. */
  async function allocationPage(principal: Principal, personId: string) {
    requireManager(principal);
    return db.transaction(async (tx) => {
      const person = await personOr404(tx, personId);
      const reason = await access.assertChildAccess(tx, principal, personId, 'record');
      const history = await allocationHistory(tx, personId);
      const current = history.filter((h) => h.allocation.endDate === null);
      const workers = await workersFor(tx, principal);
      const guide = await settings.caseloadGuide(tx);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'allocate', access: reason } });
      return { person, history, current, workers, guide };
    });
  }

  async function allocate(principal: Principal, personId: string, command: AllocateCommand, submission: Submission) {
    requireManager(principal);
    const errors = [];
    if (!socialWorkerChangeReasons.has(command.reasonCode)) errors.push({ field: 'reasonCode', message: 'Select the reason for the allocation' });
    if (command.reason && command.reason.length > 2000) errors.push({ field: 'reason', message: 'Notes must be 2,000 characters or fewer' });
    if (errors.length) throw new ValidationFailed(errors);
    return onceOnly(db, submission, async (tx) => {
      await personOr404(tx, personId);
      await access.assertChildAccess(tx, principal, personId, 'record');
      // Lock the child (a first allocation has no allocation row to lock), then its open
      // allocations: two managers allocating at once cannot both win.
      await tx.execute(sql`select id from people where id = ${personId} for no key update`);
      const open = await tx.select().from(allocations).where(and(eq(allocations.personId, personId), eq(allocations.role, 'CW'), isNull(allocations.endDate))).for('update');
      const openIds = open.map((a) => a.id).sort();
      const expected = command.currentAllocationId ? [command.currentAllocationId] : [];
      if (openIds.join() !== expected.join()) throw new Conflict('Someone else changed this child’s allocation after you opened the page, so your allocation was not saved.', urls.allocate(personId));
      const workers = await workersFor(tx, principal);
      const worker = workers.find((w) => w.id === command.workerId);
      if (!worker) throw new ValidationFailed([{ field: 'workerId', message: 'Select a social worker in one of your teams' }]);
      if (open.some((a) => a.workerId === worker.id)) throw new ValidationFailed([{ field: 'workerId', message: `This child is already allocated to ${worker.displayName}` }]);
      const now = clock.now();
      const startDate = checkStart(command.startDate, londonDateOf(now), open, 'startDate', 'The allocation');
      for (const a of open) {
        await tx.update(allocations).set({ endDate: startDate }).where(eq(allocations.id, a.id));
      }
      const [created] = await tx
        .insert(allocations)
        .values({ personId, workerId: worker.id, teamId: worker.teamId, startDate, reason: command.reason, changeReasonCode: command.reasonCode, role: 'CW', createdBy: principal.userId, recordedAt: now })
        .returning({ id: allocations.id });
      // The worker's team is the responsible team: the open episode follows it.
      await tx.update(cinEpisodes).set({ teamId: worker.teamId }).where(and(eq(cinEpisodes.personId, personId), isNull(cinEpisodes.closureDate)));
      await audit.record(tx, {
        userId: principal.userId,
        action: open.length ? 'reallocate' : 'allocate',
        subjectType: 'allocation',
        subjectId: created!.id,
        personId,
        detail: { workerId: worker.id, teamId: worker.teamId, reasonCode: command.reasonCode, startDate, ended: open.map((a) => ({ id: a.id, workerId: a.workerId, teamId: a.teamId })) },
      });
      await obligationsService.recompute(tx, personId);
      return urls.allocate(personId, { allocated: created!.id });
    });
  }

  /**
   * The date a change of allocation takes effect: today when not given; never in the future, never
   * before the allocation it ends started (the history must not overlap).
   */
  function checkStart(given: PlainDate | null, today: PlainDate, open: { startDate: PlainDate }[], field: string, what: string): PlainDate {
    const date = given ?? today;
    if (date > today) throw new ValidationFailed([{ field: `${field}-day`, message: `${what} cannot start in the future` }]);
    const latest = open.map((a) => a.startDate).sort().at(-1);
    if (latest && date < latest) throw new ValidationFailed([{ field: `${field}-day`, message: `${what} must start on or after ${formatLongDate(latest)}, when the current allocation started` }]);
    return date;
  }

  /** The teams a child may move to: case-holding teams, not the front door. */
  async function transferTeams(ex: Executor) {
    return ex.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.kind, 'team'), eq(teams.isFrontDoor, false))).orderBy(asc(teams.name));
  }

  async function transferHistory(ex: Executor, personId: string) {
    const rows = await ex.select().from(teamTransfers).where(eq(teamTransfers.personId, personId)).orderBy(desc(teamTransfers.transferDate), desc(teamTransfers.recordedAt));
    const ids = [...new Set(rows.flatMap((r) => [r.fromTeamId, r.toTeamId, r.recordedBy]).filter((x): x is string => x !== null))];
    const names = new Map<string, string>();
    if (ids.length) {
      for (const t of await ex.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids))) names.set(t.id, t.name);
      for (const u of await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))) names.set(u.id, u.name);
    }
    return rows.map((r) => ({ ...r, fromTeam: r.fromTeamId ? (names.get(r.fromTeamId) ?? '') : null, toTeam: names.get(r.toTeamId) ?? '', recordedByName: names.get(r.recordedBy) ?? '' }));
  }

  /** The transfer page: the child, who holds the case now, the teams it may go to, and its moves so far. */
  async function transferPage(principal: Principal, personId: string) {
    requireManager(principal);
    return db.transaction(async (tx) => {
      const person = await personOr404(tx, personId);
      const reason = await access.assertChildAccess(tx, principal, personId, 'record');
      const current = (await allocationHistory(tx, personId)).filter((h) => h.allocation.endDate === null);
      const heldBy = new Set(current.map((c) => c.allocation.teamId));
      const choices = (await transferTeams(tx)).filter((t) => !heldBy.has(t.id));
      const transfers = await transferHistory(tx, personId);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'transfer', access: reason } });
      return { person, current, teams: choices, transfers };
    });
  }

  /**
   * Moves a child's case to another team (assessment to child in need, to children in care, to
   * leaving care...), with its reason and date: the open allocation ends that day, the new team
   * holds the case (a team allocation, no worker: its manager allocates), the open episode's team
   * follows, and the move is kept in team_transfers. Access follows the allocation at once: the old
   * team, and the worker whose allocation ended, no longer see the child.
   */
  async function transfer(principal: Principal, personId: string, command: TransferCommand, submission: Submission) {
    requireManager(principal);
    return onceOnly(db, submission, async (tx) => {
      await personOr404(tx, personId);
      await access.assertChildAccess(tx, principal, personId, 'record');
      await tx.execute(sql`select id from people where id = ${personId} for no key update`);
      const open = await tx.select().from(allocations).where(and(eq(allocations.personId, personId), eq(allocations.role, 'CW'), isNull(allocations.endDate))).for('update');
      if (open.map((a) => a.id).sort().join() !== [...command.currentAllocationIds].sort().join()) {
        throw new Conflict('Someone else changed this child’s allocation after you opened the page, so the transfer was not saved.', urls.transfer(personId));
      }
      const team = (await transferTeams(tx)).find((t) => t.id === command.toTeamId);
      if (!team) throw new ValidationFailed([{ field: 'toTeamId', message: 'Select the team the child moves to' }]);
      if (open.some((a) => a.teamId === team.id)) throw new ValidationFailed([{ field: 'toTeamId', message: `${team.name} already holds this child’s case` }]);
      const now = clock.now();
      const transferDate = checkStart(command.transferDate, londonDateOf(now), open, 'transferDate', 'The transfer');
      for (const a of open) await tx.update(allocations).set({ endDate: transferDate }).where(eq(allocations.id, a.id));
      const [allocation] = await tx
        .insert(allocations)
        .values({ personId, workerId: null, teamId: team.id, startDate: transferDate, reason: `Transferred: ${transferReasonLabels[command.reasonCode]}`, role: 'CW', createdBy: principal.userId, recordedAt: now })
        .returning({ id: allocations.id });
      const [row] = await tx
        .insert(teamTransfers)
        .values({ personId, fromTeamId: open[0]?.teamId ?? null, toTeamId: team.id, transferDate, reasonCode: command.reasonCode, notes: command.notes, recordedBy: principal.userId, recordedAt: now })
        .returning({ id: teamTransfers.id });
      await tx.update(cinEpisodes).set({ teamId: team.id }).where(and(eq(cinEpisodes.personId, personId), isNull(cinEpisodes.closureDate)));
      await audit.record(tx, {
        userId: principal.userId,
        action: 'transfer',
        subjectType: 'team_transfer',
        subjectId: row!.id,
        personId,
        detail: { toTeamId: team.id, reasonCode: command.reasonCode, transferDate, allocationId: allocation!.id, ended: open.map((a) => ({ id: a.id, workerId: a.workerId, teamId: a.teamId })) },
      });
      await obligationsService.recompute(tx, personId);
      // A manager whose line the child has left no longer sees them: back to their team's worktray.
      const stillSees = await access.assertChildAccess(tx, principal, personId, 'view').then(() => true, (e: unknown) => (e instanceof AccessDenied ? false : Promise.reject(e)));
      return stillSees ? urls.transfer(personId, { done: row!.id }) : urls.team();
    });
  }

  /** The workers a manager supervises, with when each was last supervised and the case discussions due. */
  async function supervisees(principal: Principal) {
    requireManager(principal);
    const workers = await workersFor(db, principal);
    const today = londonDateOf(clock.now());
    const due = workers.length
      ? await db
          .select({ workerId: allocations.workerId, dueOn: obligations.dueOn })
          .from(obligations)
          .innerJoin(allocations, and(eq(allocations.personId, obligations.personId), sql`${allocations.id}::text = ${obligations.subjectId}`))
          .where(and(eq(obligations.rule, RULE_CASE_SUPERVISION), isNull(obligations.metOn), isNull(obligations.lapsedOn), isNull(allocations.endDate), inArray(allocations.workerId, workers.map((w) => w.id))))
      : [];
    return workers.map((w) => {
      const mine = due.filter((d) => d.workerId === w.id);
      return { ...w, overdue: mine.filter((d) => d.dueOn! < today).length, nextDue: mine.map((d) => d.dueOn!).sort()[0] ?? null };
    });
  }

  async function superviseeOr404(ex: Executor, principal: Principal, workerId: string) {
    requireManager(principal);
    const worker = (await workersFor(ex, principal)).find((w) => w.id === workerId);
    if (!worker) throw new NotFound('worker');
    return worker;
  }

  /** The worker's allocated children, each with its case-supervision item (due date and when last discussed). */
  async function supervisionChildrenOf(ex: Executor, workerId: string) {
    const children = await ex
      .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, laChildId: people.laChildId, allocationId: allocations.id, since: allocations.startDate })
      .from(allocations)
      .innerJoin(people, eq(people.id, allocations.personId))
      .where(and(eq(allocations.workerId, workerId), isNull(allocations.endDate), eq(allocations.role, 'CW')))
      .orderBy(asc(people.familyName), asc(people.givenName));
    if (children.length === 0) return [];
    const ids = children.map((c) => c.id);
    // In turn: `ex` may be a transaction, whose one connection runs one query at a time.
    const items = await ex
      .select({ personId: obligations.personId, subjectId: obligations.subjectId, dueOn: obligations.dueOn })
      .from(obligations)
      .where(and(inArray(obligations.personId, ids), eq(obligations.rule, RULE_CASE_SUPERVISION), isNull(obligations.metOn), isNull(obligations.lapsedOn)));
    const last = await ex
      .select({ personId: supervisionChildren.personId, date: sql<PlainDate>`max(${supervisions.supervisionDate})::text` })
      .from(supervisionChildren)
      .innerJoin(supervisions, eq(supervisions.id, supervisionChildren.supervisionId))
      .where(inArray(supervisionChildren.personId, ids))
      .groupBy(supervisionChildren.personId);
    // The most overdue case discussion first; children with none due last.
    return children
      .map((c) => ({
        ...c,
        dueOn: items.find((i) => i.personId === c.id && i.subjectId === c.allocationId)?.dueOn ?? null,
        lastDiscussed: last.find((l) => l.personId === c.id)?.date ?? null,
      }))
      .sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
  }

  async function supervisionForm(principal: Principal, workerId: string) {
    const worker = await superviseeOr404(db, principal, workerId);
    const children = await supervisionChildrenOf(db, workerId);
    return { worker, children, standings: await loadChildStandings(db, children.map((c) => c.id), londonDateOf(clock.now())) };
  }

  async function recordSupervision(principal: Principal, workerId: string, command: SupervisionCommand, submission: Submission) {
    return onceOnly(db, submission, async (tx) => {
      const worker = await superviseeOr404(tx, principal, workerId);
      if (worker.id === principal.userId) throw new ValidationFailed([{ field: 'worker', message: 'You cannot record your own supervision' }]);
      const allocated = await supervisionChildrenOf(tx, workerId);
      const unknown = command.discussed.filter((d) => !allocated.some((c) => c.id === d.personId));
      if (unknown.length) throw new Conflict('A child you discussed is no longer allocated to this worker, so the supervision was not saved. Open the form again.', urls.supervision.new({ worker: workerId }));
      const [row] = await tx
        .insert(supervisions)
        .values({ workerId, supervisorId: principal.userId, supervisionDate: command.date, notes: command.notes, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: supervisions.id });
      const supervisionId = row!.id;
      await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'supervision', subjectId: supervisionId, detail: { workerId, date: command.date, children: command.discussed.length } });
      for (const d of command.discussed) {
        await access.assertChildAccess(tx, principal, d.personId, 'record');
        const [child] = await tx.insert(supervisionChildren).values({ supervisionId, personId: d.personId, decision: d.decision, rationale: d.rationale }).returning({ id: supervisionChildren.id });
        await audit.record(tx, { userId: principal.userId, action: 'create', subjectType: 'supervision_child', subjectId: child!.id, personId: d.personId, detail: { supervisionId, workerId, date: command.date } });
      }
      // Every child discussed, recomputed together (one read per table, one write).
      await obligationsService.recomputeMany(tx, command.discussed.map((d) => d.personId));
      return urls.supervision.show(supervisionId);
    });
  }

  /** A recorded supervision: for the supervisor, the worker, and managers of the worker's team. */
  async function getSupervision(principal: Principal, supervisionId: string) {
    return db.transaction(async (tx: Tx) => {
      const [s] = await tx.select().from(supervisions).where(eq(supervisions.id, supervisionId));
      if (!s) throw new NotFound('supervision');
      const mayManage = can(principal, 'team.manage') && (await workersFor(tx, principal)).some((w) => w.id === s.workerId);
      if (s.supervisorId !== principal.userId && s.workerId !== principal.userId && !mayManage) throw new NotFound('supervision');
      const names = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [s.workerId, s.supervisorId]));
      const children = await tx
        .select({ id: supervisionChildren.id, personId: people.id, givenName: people.givenName, familyName: people.familyName, decision: supervisionChildren.decision, rationale: supervisionChildren.rationale })
        .from(supervisionChildren)
        .innerJoin(people, eq(people.id, supervisionChildren.personId))
        .where(eq(supervisionChildren.supervisionId, supervisionId))
        .orderBy(asc(people.familyName), asc(people.givenName));
      for (const c of children) await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'supervision_child', subjectId: c.id, personId: c.personId, detail: { supervisionId } });
      return {
        supervision: s,
        workerName: names.find((n) => n.id === s.workerId)?.name ?? '',
        supervisorName: names.find((n) => n.id === s.supervisorId)?.name ?? '',
        children,
      };
    });
  }

  return { workersFor: (p: Principal) => workersFor(db, p), allocationPage, allocate, transferPage, transfer, transferHistory: (personId: string) => transferHistory(db, personId), supervisees, supervisionForm, recordSupervision, getSupervision };
}
