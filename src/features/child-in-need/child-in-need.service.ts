/**
 * Recording the child in need area's work (Children Act 1989 s17; the CIN census): the assessment
 * and its authorisation, visits and their write-ups, the child in need plan and its reviews, and
 * the episode's closure. Decides and orchestrates on the shared casework core (access, the
 * journey's gate, audit, obligations in one transaction); its repository holds the SQL.
 */
import type { Principal } from '../../domain/access/index.js';
import { NotFound } from '../../domain/errors.js';
import { type PlainDate, compareDates, formatLongDate } from '../../domain/time/index.js';
import type { Clock } from '../../domain/time/index.js';
import type { CaseFile } from '../casework/case-file.js';
import { AUTHORISED_BY_A_MANAGER, type CaseCore, canAuthoriseAssessments, refusal } from '../casework/case-core.js';
import type { Submission } from '../submissions/once-only.js';
import { checkAuthoriseAssessment, checkCinPlanEnd, checkCinPlanReview, checkCinPlanStart, checkCloseEpisode, checkStartAssessment, checkVisit } from './child-in-need.checks.js';
import * as repo from './child-in-need.repo.js';
import type {
  AuthoriseAssessment,
  CinPlanEndCommand,
  CinPlanReviewCommand,
  CinPlanStartCommand,
  CloseEpisodeCommand,
  StartAssessment,
  VisitCommand,
  VisitWriteUpCommand,
} from './child-in-need.schema.js';

export type ChildInNeedService = ReturnType<typeof createChildInNeedService>;

export function createChildInNeedService(core: CaseCore, { clock }: { clock: Clock }) {
  const { today, formFor, write, failIf, stale } = core;

  // -------------------------------------------------------------------------------------------
  // Assessment

  async function startAssessment(principal: Principal, personId: string, cmd: StartAssessment, submission: Submission) {
    return write(principal, personId, submission, 'record-assessment', async (tx, c) => {
      failIf(checkStartAssessment(c, cmd));
      const id = await repo.insertAssessment(tx, { personId, cinEpisodeId: c.open!.id, startDate: cmd.startDate, childSeen: cmd.childSeen, teamId: principal.teamId, workerId: principal.userId, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'assessment', subjectId: id, detail: { startDate: cmd.startDate } };
    });
  }

  /** The assessment awaiting authorisation, for its page (NotFound for another child's or an unknown id). */
  function openAssessment(c: CaseFile, assessmentId: string) {
    const a = c.assessments.find((x) => x.id === assessmentId);
    if (!a) throw new NotFound('assessment');
    if (a.authorisedDate) throw refusal(c, `This assessment was authorised on ${formatLongDate(a.authorisedDate as PlainDate)}.`);
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
      const saved = await repo.authoriseAssessment(tx, a.id, cmd.version, {
        authorisedDate: cmd.authorisedDate,
        authorisedBy: principal.userId,
        factors: cmd.factors,
        childSeen: cmd.childSeen,
        outcome: cmd.outcome,
        outcomeNfa: cmd.outcome === 'nfa' || cmd.outcome === 'early_help',
        analysis: cmd.analysis,
      });
      if (!saved) throw stale('assessment', `/children/${personId}/assessments/${a.id}/authorise`);
      return { subjectType: 'assessment', subjectId: a.id, action: 'update', detail: { authorisedDate: cmd.authorisedDate, outcome: cmd.outcome, factors: cmd.factors } };
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
      const id = await repo.insertVisit(tx, {
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
      });
      return { subjectType: 'visit', subjectId: id, detail: { date: cmd.date, seen: cmd.seen, seenAlone: cmd.seen && cmd.seenAlone, bedroomSeen: cmd.bedroomSeen, writtenUp: cmd.writtenUp } };
    });
  }

  function unwrittenVisit(c: CaseFile, visitId: string) {
    const v = c.visits.find((x) => x.id === visitId);
    if (!v) throw new NotFound('visit');
    if (v.writtenUpOn) throw refusal(c, `This visit was written up on ${formatLongDate(v.writtenUpOn as PlainDate)}.`);
    return v;
  }

  async function writeUpForm(principal: Principal, personId: string, visitId: string) {
    const ctx = await formFor(principal, personId, null, 'visit-write-up');
    return { ...ctx, visit: unwrittenVisit(ctx.c, visitId) };
  }

  async function writeUpVisit(principal: Principal, personId: string, visitId: string, cmd: VisitWriteUpCommand, submission: Submission) {
    return write(principal, personId, submission, null, async (tx, c) => {
      const v = unwrittenVisit(c, visitId);
      const details = { ...(v.details ?? {}), writeUp: { seen: cmd.seen, heard: cmd.heard, done: cmd.done } };
      if (!(await repo.writeUpVisit(tx, v.id, cmd.version, { notes: cmd.notes, details, writtenUpOn: today() }))) throw stale('visit', `/children/${personId}/visits/${v.id}/write-up`);
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
      const id = await repo.insertCinPlan(tx, { personId, cinEpisodeId: c.open!.id, startDate: cmd.startDate, teamId: principal.teamId, workerId: principal.userId, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'cin_plan', subjectId: id, detail: { startDate: cmd.startDate } };
    });
  }

  async function endCinPlan(principal: Principal, personId: string, cmd: CinPlanEndCommand, submission: Submission) {
    return write(principal, personId, submission, 'end-cin-plan', async (tx, c) => {
      const plan = openCinPlan(c)!;
      failIf(checkCinPlanEnd(c, plan, cmd));
      if (!(await repo.endCinPlan(tx, plan.id, cmd.version, cmd.endDate))) throw stale('child in need plan', `/children/${personId}/cin-plan/end`);
      return { subjectType: 'cin_plan', subjectId: plan.id, action: 'update', detail: { endDate: cmd.endDate } };
    });
  }

  async function recordCinPlanReview(principal: Principal, personId: string, cmd: CinPlanReviewCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-cin-plan-review', async (tx, c) => {
      const plan = openCinPlan(c)!;
      failIf(checkCinPlanReview(plan, cmd));
      const id = await repo.insertCinPlanReview(tx, { personId, cinPlanId: plan.id, reviewDate: cmd.date, outcome: cmd.outcome, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'cin_plan_review', subjectId: id, detail: { date: cmd.date } };
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
      if (!(await repo.closeEpisode(tx, episode.id, cmd.version, { closureDate: cmd.date, closureReason: cmd.reason }))) throw stale('child in need episode', `/children/${personId}/close`);
      return { subjectType: 'cin_episode', subjectId: episode.id, action: 'update', detail: { closureDate: cmd.date, closureReason: cmd.reason } };
    });
  }

  return {
    startAssessment,
    authoriseForm,
    authoriseAssessment,
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
