import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.js';
import { assessments, cinEpisodes, cinPlanReviews, cinPlans, coreGroups, cpPlans, cpReviews, initialCpConferences, people, s47Enquiries, strategyDiscussions, visits } from '../../db/schema/index.js';
import { type Principal, decideChildAccess } from '../../domain/access/index.js';
import { Conflict, type FieldError, NotFound, ValidationFailed } from '../../domain/errors.js';
import { type ActionDecision, type CaseAction, allowedActions } from '../../domain/journey/allowed-actions.js';
import { type Clock, type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate, londonDateOf } from '../../domain/time/index.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ObligationsService } from '../obligations/obligations.service.js';
import { type Done, type Submission, onceOnly } from '../submissions/once-only.js';
import {
  checkAuthoriseAssessment,
  checkCinPlanEnd,
  checkCinPlanReview,
  checkCinPlanStart,
  checkCloseEpisode,
  checkCoreGroup,
  checkInitialConference,
  checkReviewConference,
  checkS47Outcome,
  checkStartAssessment,
  checkStrategyDiscussion,
  checkVisit,
  enquiriesNeedingConference,
} from './casework.checks.js';
import { type CaseFile, inEpisode, loadCase, lockChild, toJourneyRecord } from './casework.repo.js';
import type {
  AuthoriseAssessment,
  CinPlanEndCommand,
  CinPlanReviewCommand,
  CinPlanStartCommand,
  CloseEpisodeCommand,
  CoreGroupCommand,
  InitialConferenceCommand,
  RecordStrategyDiscussion,
  ReviewConferenceCommand,
  S47OutcomeCommand,
  StartAssessment,
  StartS47,
  VisitCommand,
  VisitWriteUpCommand,
} from './casework.schema.js';

export interface Deps {
  db: Database;
  clock: Clock;
  audit: AuditService;
  access: AccessService;
  obligations: ObligationsService;
}

/**
 * The journey does not allow this recording now (an assessment already open, no plan to review...):
 * the page says why, with status 409, and nothing is written.
 */
export class NotAllowedNow extends Conflict {
  constructor(
    readonly reason: string,
    readonly personId: string,
    readonly childName: string,
  ) {
    super(reason, caseworkPath(personId));
  }
}

/** One line of "What can I record": the page to go to, and if the journey refuses it, why. */
export interface CaseActionLink {
  action: CaseAction | 'write-up-visit';
  href: string;
  text: string;
  allowed: boolean;
  reason: string | null;
}

/** The record a form page needs: the child's casework, today, and what the journey allows. */
export interface FormContext {
  c: CaseFile;
  today: PlainDate;
  decisions: Record<CaseAction, ActionDecision>;
  /** The child's stored obligations not yet met (what the form's hints say is due). */
  due: { rule: string; subjectId: string; dueOn: PlainDate }[];
}

export const caseworkPath = (personId: string) => `/children/${personId}/casework`;

/**
 * Authorising an assessment is a manager's decision (the CIN census's authorisation date is when
 * the manager agreed the assessment and its outcome): a team or service manager in the child's
 * management line, never the worker who wrote it.
 */
export const canAuthoriseAssessments = (p: Principal) => p.roles.includes('team_manager') || p.roles.includes('service_manager');
export const AUTHORISED_BY_A_MANAGER = 'A team or service manager authorises the assessment: ask your manager to authorise it.';

const refusal = (c: CaseFile, reason: string) => new NotAllowedNow(reason, c.person.id, `${c.person.givenName} ${c.person.familyName}`);

export type CaseworkService = ReturnType<typeof createCaseworkService>;

export function createCaseworkService({ db, clock, audit, access, obligations }: Deps) {
  const today = () => londonDateOf(clock.now());

  async function personExists(tx: Tx, personId: string): Promise<void> {
    const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
    if (!row) throw new NotFound('child');
  }

  function refuseUnless(decisions: Record<CaseAction, ActionDecision>, gate: CaseAction | null, c: CaseFile): void {
    if (!gate) return;
    const d = decisions[gate];
    if (!d.allowed) throw refusal(c, d.reason ?? 'This cannot be recorded now.');
  }

  /**
   * A form page: the user must be able to record for the child (allocated worker, their team, their
   * management line) and the journey must allow the recording; the view is audited.
   */
  async function formFor(principal: Principal, personId: string, gate: CaseAction | null, page: string): Promise<FormContext> {
    const ctx = await db.transaction(async (tx) => {
      await personExists(tx, personId);
      await access.assertChildAccess(tx, principal, personId, 'record');
      const c = await loadCase(tx, personId);
      const decisions = allowedActions(toJourneyRecord(c));
      refuseUnless(decisions, gate, c);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page } });
      return { c, today: today(), decisions };
    });
    // Read after the transaction: on PGlite a query outside it would wait for it to end.
    const due = (await obligations.forChild(personId)).filter((o) => o.dueOn && !o.metOn && !o.lapsedOn).map((o) => ({ rule: o.rule, subjectId: o.subjectId, dueOn: o.dueOn as PlainDate }));
    return { ...ctx, due };
  }

  interface Wrote {
    subjectType: string;
    subjectId: string;
    action?: 'create' | 'update';
    detail?: Record<string, unknown>;
    path?: string;
  }

  /**
   * Every casework write: once per rendered form; the child's row held; access to record; the
   * journey's gate checked against the record as it is now; the change and its audit row; the
   * child's obligations recomputed; all in one transaction.
   */
  async function write(principal: Principal, personId: string, submission: Submission, gate: CaseAction | null, work: (tx: Tx, c: CaseFile, decisions: Record<CaseAction, ActionDecision>) => Promise<Wrote | Wrote[]>): Promise<Done> {
    return onceOnly(db, submission, async (tx) => {
      await lockChild(tx, personId);
      await access.assertChildAccess(tx, principal, personId, 'record');
      const c = await loadCase(tx, personId);
      const decisions = allowedActions(toJourneyRecord(c));
      refuseUnless(decisions, gate, c);
      const wrote = ([] as Wrote[]).concat(await work(tx, c, decisions));
      for (const w of wrote) {
        await audit.record(tx, { userId: principal.userId, action: w.action ?? 'create', subjectType: w.subjectType, subjectId: w.subjectId, personId, detail: w.detail ?? null });
      }
      await obligations.recompute(tx, personId);
      return wrote.find((w) => w.path)?.path ?? caseworkPath(personId);
    });
  }

  function failIf(errors: FieldError[]): void {
    if (errors.length) throw new ValidationFailed(errors);
  }

  const stale = (what: string, backTo: string) => new Conflict(`This ${what} was changed after you opened it (by a colleague, or by you in another tab or window), so your change was not saved.`, backTo);

  // -------------------------------------------------------------------------------------------
  // Reads

  /** What this user may record for the child now, and why not; empty for someone who may only view. */
  async function caseActionsFor(principal: Principal, personId: string): Promise<CaseActionLink[]> {
    return db.transaction(async (tx) => {
      await personExists(tx, personId);
      await access.assertChildAccess(tx, principal, personId, 'view');
      const facts = await access.childFacts(tx, personId);
      if (!decideChildAccess(principal, 'record', facts).allow) return [];
      const c = await loadCase(tx, personId);
      return actionLinks(c, allowedActions(toJourneyRecord(c)), { canAuthorise: canAuthoriseAssessments(principal) });
    });
  }

  /** The casework page: the record of the work, what is due, and what can be recorded next. */
  async function overview(principal: Principal, personId: string) {
    const result = await db.transaction(async (tx) => {
      await personExists(tx, personId);
      const reason = await access.assertChildAccess(tx, principal, personId, 'view');
      const facts = await access.childFacts(tx, personId);
      const canRecord = decideChildAccess(principal, 'record', facts).allow;
      const c = await loadCase(tx, personId);
      await audit.record(tx, { userId: principal.userId, action: 'view', subjectType: 'person', subjectId: personId, personId, detail: { page: 'casework', access: reason } });
      return { c, canRecord, actions: canRecord ? actionLinks(c, allowedActions(toJourneyRecord(c)), { canAuthorise: canAuthoriseAssessments(principal) }) : [] };
    });
    const due = await obligations.forChild(personId);
    return { ...result, due, today: today() };
  }

  // -------------------------------------------------------------------------------------------
  // Assessment

  async function startAssessment(principal: Principal, personId: string, cmd: StartAssessment, submission: Submission) {
    return write(principal, personId, submission, 'record-assessment', async (tx, c) => {
      failIf(checkStartAssessment(c, cmd));
      const [row] = await tx
        .insert(assessments)
        .values({ personId, cinEpisodeId: c.open!.id, startDate: cmd.startDate, childSeen: cmd.childSeen, teamId: principal.teamId, workerId: principal.userId, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: assessments.id });
      return { subjectType: 'assessment', subjectId: row!.id, detail: { startDate: cmd.startDate } };
    });
  }

  /** The assessment awaiting authorisation, for its page (NotFound for another child's or an unknown id). */
  function openAssessment(c: CaseFile, assessmentId: string) {
    const a = c.assessments.find((x) => x.id === assessmentId);
    if (!a) throw new NotFound('assessment');
    if (a.authorisedDate) throw refusal(c, `This assessment was authorised on ${formatLongDate(a.authorisedDate)}.`);
    if (a.cinEpisodeId !== c.open?.id) throw refusal(c, 'This assessment belongs to a closed episode.');
    return a;
  }

  async function authoriseForm(principal: Principal, personId: string, assessmentId: string) {
    const ctx = await formFor(principal, personId, 'authorise-assessment', 'authorise-assessment');
    const assessment = openAssessment(ctx.c, assessmentId);
    if (!canAuthoriseAssessments(principal)) throw refusal(ctx.c, AUTHORISED_BY_A_MANAGER);
    return { ...ctx, assessment };
  }

  async function authoriseAssessment(principal: Principal, personId: string, assessmentId: string, cmd: AuthoriseAssessment, submission: Submission) {
    return write(principal, personId, submission, 'authorise-assessment', async (tx, c) => {
      const a = openAssessment(c, assessmentId);
      if (!canAuthoriseAssessments(principal)) throw refusal(c, AUTHORISED_BY_A_MANAGER);
      failIf(checkAuthoriseAssessment(a.startDate, cmd));
      const updated = await tx
        .update(assessments)
        .set({
          authorisedDate: cmd.authorisedDate,
          authorisedBy: principal.userId,
          factors: cmd.factors,
          childSeen: cmd.childSeen,
          outcome: cmd.outcome,
          outcomeNfa: cmd.outcome === 'nfa' || cmd.outcome === 'early_help',
          version: sql`${assessments.version} + 1`,
        })
        .where(and(eq(assessments.id, a.id), eq(assessments.version, cmd.version)))
        .returning({ id: assessments.id });
      if (!updated.length) throw stale('assessment', `/children/${personId}/assessments/${a.id}/authorise`);
      return { subjectType: 'assessment', subjectId: a.id, action: 'update', detail: { authorisedDate: cmd.authorisedDate, outcome: cmd.outcome, factors: cmd.factors } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Strategy discussion, section 47

  async function recordStrategyDiscussion(principal: Principal, personId: string, cmd: RecordStrategyDiscussion, submission: Submission) {
    return write(principal, personId, submission, 'record-strategy-discussion', async (tx, c) => {
      failIf(checkStrategyDiscussion(c, cmd));
      const [row] = await tx
        .insert(strategyDiscussions)
        .values({ personId, cinEpisodeId: c.open!.id, discussionDate: cmd.date, attendees: cmd.attendees, decision: cmd.decision, rationale: cmd.rationale, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: strategyDiscussions.id });
      return { subjectType: 'strategy_discussion', subjectId: row!.id, detail: { date: cmd.date, decision: cmd.decision, agencies: cmd.attendees.map((a) => a.agency) } };
    });
  }

  /** Strategy discussions in the open episode that decided on a section 47 with none started yet. */
  function awaitingEnquiry(c: CaseFile) {
    return inEpisode(c, c.strategyDiscussions).filter((d) => d.decision === 's47' && !c.s47s.some((s) => s.strategyDiscussionId === d.id));
  }

  async function startS47Form(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'record-s47', 'start-s47');
    return { ...ctx, awaiting: awaitingEnquiry(ctx.c) };
  }

  /** The enquiry starts on the date of the strategy discussion that decided on it (CIN census S47ActualStartDate). */
  async function startS47(principal: Principal, personId: string, cmd: StartS47, submission: Submission) {
    return write(principal, personId, submission, 'record-s47', async (tx, c) => {
      const sd = awaitingEnquiry(c).find((d) => d.id === cmd.strategyDiscussionId);
      if (!sd) throw new ValidationFailed([{ field: 'strategyDiscussionId', message: 'Select the strategy discussion that decided on the enquiry' }]);
      const [row] = await tx
        .insert(s47Enquiries)
        .values({ personId, cinEpisodeId: c.open!.id, strategyDiscussionId: sd.id, startDate: sd.discussionDate, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: s47Enquiries.id });
      return { subjectType: 's47_enquiry', subjectId: row!.id, detail: { startDate: sd.discussionDate, strategyDiscussion: sd.id } };
    });
  }

  function openS47(c: CaseFile, s47Id: string) {
    const s = c.s47s.find((x) => x.id === s47Id);
    if (!s) throw new NotFound('section 47 enquiry');
    if (s.endDate) throw refusal(c, `The outcome of this section 47 enquiry was recorded: it was completed on ${formatLongDate(s.endDate)}.`);
    return s;
  }

  async function s47OutcomeForm(principal: Principal, personId: string, s47Id: string) {
    const ctx = await formFor(principal, personId, 'record-s47-outcome', 's47-outcome');
    return { ...ctx, s47: openS47(ctx.c, s47Id) };
  }

  async function recordS47Outcome(principal: Principal, personId: string, s47Id: string, cmd: S47OutcomeCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-s47-outcome', async (tx, c) => {
      const s = openS47(c, s47Id);
      failIf(checkS47Outcome(s, cmd.endDate));
      const updated = await tx
        .update(s47Enquiries)
        .set({ endDate: cmd.endDate, outcome: cmd.outcome, icpcRequired: cmd.icpcRequired, version: sql`${s47Enquiries.version} + 1` })
        .where(and(eq(s47Enquiries.id, s.id), eq(s47Enquiries.version, cmd.version)))
        .returning({ id: s47Enquiries.id });
      if (!updated.length) throw stale('section 47 enquiry', `/children/${personId}/s47/${s.id}/outcome`);
      return { subjectType: 's47_enquiry', subjectId: s.id, action: 'update', detail: { endDate: cmd.endDate, outcome: cmd.outcome, icpcRequired: cmd.icpcRequired } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Conferences and the child protection plan

  async function initialConferenceForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'record-initial-conference', 'initial-conference');
    return { ...ctx, needing: enquiriesNeedingConference(ctx.c), openCinPlan: ctx.c.cinPlans.find((p) => p.endDate === null) ?? null };
  }

  /** The conference's target: 15 working days from the strategy discussion (the last one, if several). */
  function conferenceTarget(c: CaseFile, s47Id: string): PlainDate {
    const s = c.s47s.find((x) => x.id === s47Id)!;
    const initiating = c.strategyDiscussions.find((d) => d.id === s.strategyDiscussionId);
    const later = c.strategyDiscussions.filter((d) => d.cinEpisodeId === s.cinEpisodeId && compareDates(d.discussionDate, s.startDate) >= 0).map((d) => d.discussionDate);
    const from = [initiating?.discussionDate ?? s.startDate, ...later].sort(compareDates).at(-1)!;
    return addWorkingDays(from, 15);
  }

  /**
   * The initial conference; a decision on a plan starts the child protection plan that day, with
   * its initial category of abuse, and ends an open child in need plan that day (the step up: the
   * two never overlap, CIN census 4001).
   */
  async function recordInitialConference(principal: Principal, personId: string, cmd: InitialConferenceCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-initial-conference', async (tx, c) => {
      failIf(checkInitialConference(c, cmd));
      const s47Id = cmd.link === 'transfer-in' ? null : cmd.link.s47Id;
      const [icpc] = await tx
        .insert(initialCpConferences)
        .values({ personId, cinEpisodeId: c.open!.id, s47EnquiryId: s47Id, transferIn: cmd.link === 'transfer-in', targetDate: s47Id ? conferenceTarget(c, s47Id) : null, conferenceDate: cmd.date, planRequired: cmd.planRequired, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: initialCpConferences.id });
      const wrote: Wrote[] = [{ subjectType: 'initial_cp_conference', subjectId: icpc!.id, detail: { date: cmd.date, s47: s47Id, transferIn: cmd.link === 'transfer-in', planRequired: cmd.planRequired } }];
      if (cmd.planRequired) {
        const openCin = c.cinPlans.find((p) => p.endDate === null);
        if (openCin) {
          await tx.update(cinPlans).set({ endDate: cmd.date, version: sql`${cinPlans.version} + 1` }).where(eq(cinPlans.id, openCin.id));
          wrote.push({ subjectType: 'cin_plan', subjectId: openCin.id, action: 'update', detail: { endDate: cmd.date, endedBy: 'child protection plan' } });
        }
        const [plan] = await tx
          .insert(cpPlans)
          .values({ personId, cinEpisodeId: c.open!.id, icpcId: icpc!.id, startDate: cmd.date, initialCategory: cmd.initialCategory!, latestCategory: cmd.initialCategory!, createdBy: principal.userId, createdAt: clock.now() })
          .returning({ id: cpPlans.id });
        wrote.push({ subjectType: 'cp_plan', subjectId: plan!.id, detail: { startDate: cmd.date, initialCategory: cmd.initialCategory } });
      }
      return wrote;
    });
  }

  const openCpPlan = (c: CaseFile) => c.cpPlans.find((p) => p.endDate === null) ?? null;

  async function reviewConferenceForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'record-review-conference', 'review-conference');
    const plan = openCpPlan(ctx.c)!;
    return { ...ctx, plan, reviews: ctx.c.cpReviews.filter((r) => r.cpPlanId === plan.id) };
  }

  /** A review conference: the plan continues (with its latest category) or ends that day. */
  async function recordReviewConference(principal: Principal, personId: string, cmd: ReviewConferenceCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-review-conference', async (tx, c) => {
      const plan = openCpPlan(c)!;
      if (plan.version !== cmd.version) throw stale('child protection plan', `/children/${personId}/conferences/review/new`);
      failIf(checkReviewConference(c, plan, cmd));
      const previous = c.cpReviews.filter((r) => r.cpPlanId === plan.id).map((r) => r.reviewDate).sort(compareDates).at(-1);
      const dueDate = previous ? addMonths(previous, 6) : addMonths(plan.startDate, 3);
      const [review] = await tx
        .insert(cpReviews)
        .values({ personId, cpPlanId: plan.id, dueDate, reviewDate: cmd.date, continuePlan: cmd.continuePlan, participation: cmd.participation, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: cpReviews.id });
      const updated = await tx
        .update(cpPlans)
        .set({ latestCategory: cmd.latestCategory, endDate: cmd.continuePlan ? null : cmd.date, version: sql`${cpPlans.version} + 1` })
        .where(and(eq(cpPlans.id, plan.id), eq(cpPlans.version, cmd.version)))
        .returning({ id: cpPlans.id });
      if (!updated.length) throw stale('child protection plan', `/children/${personId}/conferences/review/new`);
      return [
        { subjectType: 'cp_review', subjectId: review!.id, detail: { date: cmd.date, continuePlan: cmd.continuePlan, participation: cmd.participation } },
        { subjectType: 'cp_plan', subjectId: plan.id, action: 'update', detail: { latestCategory: cmd.latestCategory, endDate: cmd.continuePlan ? null : cmd.date } },
      ];
    });
  }

  async function coreGroupForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'record-core-group', 'core-group');
    return { ...ctx, plan: openCpPlan(ctx.c)! };
  }

  async function recordCoreGroup(principal: Principal, personId: string, cmd: CoreGroupCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-core-group', async (tx, c) => {
      const plan = openCpPlan(c)!;
      failIf(checkCoreGroup(plan, cmd));
      const [row] = await tx.insert(coreGroups).values({ personId, cpPlanId: plan.id, meetingDate: cmd.date, notes: cmd.notes, createdBy: principal.userId, createdAt: clock.now() }).returning({ id: coreGroups.id });
      return { subjectType: 'core_group', subjectId: row!.id, detail: { date: cmd.date } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Visits

  /** The kind of visit, from the plan the child was on that day. */
  function visitType(c: CaseFile, date: PlainDate): 'cp' | 'cin' {
    const on = (p: { startDate: string; endDate: string | null }) => compareDates(p.startDate as PlainDate, date) <= 0 && (p.endDate === null || compareDates(date, p.endDate as PlainDate) <= 0);
    return c.cpPlans.some(on) ? 'cp' : 'cin';
  }

  async function recordVisit(principal: Principal, personId: string, cmd: VisitCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-visit', async (tx, c) => {
      failIf(checkVisit(c, cmd));
      const [row] = await tx
        .insert(visits)
        .values({
          personId,
          visitType: visitType(c, cmd.date),
          visitDate: cmd.date,
          childSeen: cmd.seen,
          childSeenAlone: cmd.seen && cmd.seenAlone,
          bedroomSeen: cmd.bedroomSeen,
          writtenUpOn: cmd.writtenUp ? today() : null,
          notes: cmd.notes,
          workerId: principal.userId,
          createdBy: principal.userId,
          createdAt: clock.now(),
        })
        .returning({ id: visits.id });
      return { subjectType: 'visit', subjectId: row!.id, detail: { date: cmd.date, seen: cmd.seen, seenAlone: cmd.seen && cmd.seenAlone, bedroomSeen: cmd.bedroomSeen, writtenUp: cmd.writtenUp } };
    });
  }

  function unwrittenVisit(c: CaseFile, visitId: string) {
    const v = c.visits.find((x) => x.id === visitId);
    if (!v) throw new NotFound('visit');
    if (v.writtenUpOn) throw refusal(c, `This visit was written up on ${formatLongDate(v.writtenUpOn)}.`);
    return v;
  }

  async function writeUpForm(principal: Principal, personId: string, visitId: string) {
    const ctx = await formFor(principal, personId, null, 'visit-write-up');
    return { ...ctx, visit: unwrittenVisit(ctx.c, visitId) };
  }

  async function writeUpVisit(principal: Principal, personId: string, visitId: string, cmd: VisitWriteUpCommand, submission: Submission) {
    return write(principal, personId, submission, null, async (tx, c) => {
      const v = unwrittenVisit(c, visitId);
      const updated = await tx
        .update(visits)
        .set({ notes: cmd.notes, writtenUpOn: today(), version: sql`${visits.version} + 1` })
        .where(and(eq(visits.id, v.id), eq(visits.version, cmd.version)))
        .returning({ id: visits.id });
      if (!updated.length) throw stale('visit', `/children/${personId}/visits/${v.id}/write-up`);
      return { subjectType: 'visit', subjectId: v.id, action: 'update', detail: { writtenUpOn: today() } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Child in need plan

  const openCinPlan = (c: CaseFile) => c.cinPlans.find((p) => p.endDate === null) ?? null;

  async function cinPlanForm(principal: Principal, personId: string, gate: 'start-cin-plan' | 'end-cin-plan' | 'record-cin-plan-review') {
    const ctx = await formFor(principal, personId, gate, gate);
    const plan = openCinPlan(ctx.c);
    return { ...ctx, plan, reviews: plan ? ctx.c.cinPlanReviews.filter((r) => r.cinPlanId === plan.id) : [] };
  }

  async function startCinPlan(principal: Principal, personId: string, cmd: CinPlanStartCommand, submission: Submission) {
    return write(principal, personId, submission, 'start-cin-plan', async (tx, c) => {
      failIf(checkCinPlanStart(c, cmd));
      const [row] = await tx
        .insert(cinPlans)
        .values({ personId, cinEpisodeId: c.open!.id, startDate: cmd.startDate, teamId: principal.teamId, workerId: principal.userId, createdBy: principal.userId, createdAt: clock.now() })
        .returning({ id: cinPlans.id });
      return { subjectType: 'cin_plan', subjectId: row!.id, detail: { startDate: cmd.startDate } };
    });
  }

  async function endCinPlan(principal: Principal, personId: string, cmd: CinPlanEndCommand, submission: Submission) {
    return write(principal, personId, submission, 'end-cin-plan', async (tx, c) => {
      const plan = openCinPlan(c)!;
      failIf(checkCinPlanEnd(c, plan, cmd));
      const updated = await tx
        .update(cinPlans)
        .set({ endDate: cmd.endDate, version: sql`${cinPlans.version} + 1` })
        .where(and(eq(cinPlans.id, plan.id), eq(cinPlans.version, cmd.version)))
        .returning({ id: cinPlans.id });
      if (!updated.length) throw stale('child in need plan', `/children/${personId}/cin-plan/end`);
      return { subjectType: 'cin_plan', subjectId: plan.id, action: 'update', detail: { endDate: cmd.endDate } };
    });
  }

  async function recordCinPlanReview(principal: Principal, personId: string, cmd: CinPlanReviewCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-cin-plan-review', async (tx, c) => {
      const plan = openCinPlan(c)!;
      failIf(checkCinPlanReview(plan, cmd));
      const [row] = await tx.insert(cinPlanReviews).values({ personId, cinPlanId: plan.id, reviewDate: cmd.date, outcome: cmd.outcome, createdBy: principal.userId, createdAt: clock.now() }).returning({ id: cinPlanReviews.id });
      return { subjectType: 'cin_plan_review', subjectId: row!.id, detail: { date: cmd.date } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Closure

  async function closeForm(principal: Principal, personId: string) {
    return formFor(principal, personId, 'close-episode', 'close-episode');
  }

  /** Closes the open child in need episode with its CIN census reason (RC1-RC9). */
  async function closeEpisode(principal: Principal, personId: string, cmd: CloseEpisodeCommand, submission: Submission) {
    return write(principal, personId, submission, 'close-episode', async (tx, c) => {
      const episode = c.open!;
      if (episode.version !== cmd.version) throw stale('child in need episode', `/children/${personId}/close`);
      failIf(checkCloseEpisode(c, cmd));
      const updated = await tx
        .update(cinEpisodes)
        .set({ closureDate: cmd.date, closureReason: cmd.reason, version: sql`${cinEpisodes.version} + 1` })
        .where(and(eq(cinEpisodes.id, episode.id), eq(cinEpisodes.version, cmd.version)))
        .returning({ id: cinEpisodes.id });
      if (!updated.length) throw stale('child in need episode', `/children/${personId}/close`);
      return { subjectType: 'cin_episode', subjectId: episode.id, action: 'update', detail: { closureDate: cmd.date, closureReason: cmd.reason } };
    });
  }

  return {
    caseActionsFor,
    overview,
    formFor,
    startAssessment,
    authoriseForm,
    authoriseAssessment,
    recordStrategyDiscussion,
    startS47Form,
    startS47,
    s47OutcomeForm,
    recordS47Outcome,
    initialConferenceForm,
    recordInitialConference,
    reviewConferenceForm,
    recordReviewConference,
    coreGroupForm,
    recordCoreGroup,
    recordVisit,
    writeUpForm,
    writeUpVisit,
    cinPlanForm,
    startCinPlan,
    endCinPlan,
    recordCinPlanReview,
    closeForm,
    closeEpisode,
  };
}

/**
 * "What can I record": the journey's pages in the order the work goes, each with the page to open
 * and, when the journey refuses it, why. Pages that act on one record (authorising the assessment,
 * the section 47's outcome, writing up a visit) appear once there is such a record.
 */
export function actionLinks(c: CaseFile, decisions: Record<CaseAction, ActionDecision>, who: { canAuthorise: boolean }): CaseActionLink[] {
  const base = `/children/${c.person.id}`;
  const link = (action: CaseAction, href: string, text: string): CaseActionLink => ({ action, href, text, allowed: decisions[action].allowed, reason: decisions[action].reason });
  const links: CaseActionLink[] = [];
  const pendingAssessment = inEpisode(c, c.assessments).find((a) => a.authorisedDate === null);
  if (pendingAssessment && decisions['authorise-assessment'].allowed) {
    const authorise = link('authorise-assessment', `${base}/assessments/${pendingAssessment.id}/authorise`, 'Authorise the assessment');
    links.push(who.canAuthorise ? authorise : { ...authorise, allowed: false, reason: AUTHORISED_BY_A_MANAGER });
  }
  links.push(link('record-assessment', `${base}/assessments/new`, 'Record the start of an assessment'));
  links.push(link('record-strategy-discussion', `${base}/strategy-discussions/new`, 'Record a strategy discussion'));
  const openS47 = inEpisode(c, c.s47s).find((s) => s.endDate === null);
  if (openS47 && decisions['record-s47-outcome'].allowed) links.push(link('record-s47-outcome', `${base}/s47/${openS47.id}/outcome`, 'Record the outcome of the section 47 enquiry'));
  else links.push(link('record-s47', `${base}/s47/new`, 'Start a section 47 enquiry'));
  links.push(link('record-initial-conference', `${base}/conferences/initial/new`, 'Record an initial child protection conference'));
  links.push(link('record-review-conference', `${base}/conferences/review/new`, 'Record a review child protection conference'));
  links.push(link('record-core-group', `${base}/core-groups/new`, 'Record a core group'));
  links.push(link('record-visit', `${base}/visits/new`, 'Record a visit'));
  for (const v of c.visits.filter((x) => !x.writtenUpOn)) {
    links.push({ action: 'write-up-visit', href: `${base}/visits/${v.id}/write-up`, text: `Write up the visit on ${formatLongDate(v.visitDate)}`, allowed: true, reason: null });
  }
  if (decisions['end-cin-plan'].allowed) {
    links.push(link('record-cin-plan-review', `${base}/cin-plan/reviews/new`, 'Record a child in need plan review'));
    links.push(link('end-cin-plan', `${base}/cin-plan/end`, 'End the child in need plan'));
  } else {
    links.push(link('start-cin-plan', `${base}/cin-plan/new`, 'Start a child in need plan'));
  }
  links.push(link('close-episode', `${base}/close`, 'Close the child in need episode'));
  return links;
}
