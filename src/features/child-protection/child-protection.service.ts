/**
 * Recording the child protection area's work (Children Act 1989 s47; Working Together to
 * Safeguard Children 2023): strategy discussions, section 47 enquiries and their outcomes, the
 * initial and review conferences with the plan they start, continue or end, and core groups.
 * Decides and orchestrates on the shared casework core; its repository holds the SQL.
 */
import type { Principal } from '../../domain/access/index.js';
import { NotFound, ValidationFailed } from '../../domain/errors.js';
import { type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate } from '../../domain/time/index.js';
import type { Clock } from '../../domain/time/index.js';
import { type CaseFile, inEpisode } from '../casework/case-file.js';
import { type CaseCore, type Wrote, refusal } from '../casework/case-core.js';
import type { Submission } from '../submissions/once-only.js';
import { checkCoreGroup, checkInitialConference, checkReviewConference, checkS47Outcome, checkStrategyDiscussion, enquiriesNeedingConference } from './child-protection.checks.js';
import * as repo from './child-protection.repo.js';
import type { CoreGroupCommand, InitialConferenceCommand, RecordStrategyDiscussion, ReviewConferenceCommand, S47OutcomeCommand, StartS47 } from './child-protection.schema.js';

export type ChildProtectionService = ReturnType<typeof createChildProtectionService>;

export function createChildProtectionService(core: CaseCore, { clock }: { clock: Clock }) {
  const { formFor, write, failIf, stale } = core;

  // -------------------------------------------------------------------------------------------
  // Strategy discussion, section 47

  async function recordStrategyDiscussion(principal: Principal, personId: string, cmd: RecordStrategyDiscussion, submission: Submission) {
    return write(principal, personId, submission, 'record-strategy-discussion', async (tx, c) => {
      failIf(checkStrategyDiscussion(c, cmd));
      const id = await repo.insertStrategyDiscussion(tx, { personId, cinEpisodeId: c.open!.id, discussionDate: cmd.date, attendees: cmd.attendees, decision: cmd.decision, rationale: cmd.rationale, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'strategy_discussion', subjectId: id, detail: { date: cmd.date, decision: cmd.decision, agencies: cmd.attendees.map((a) => a.agency) } };
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
      const id = await repo.insertS47(tx, { personId, cinEpisodeId: c.open!.id, strategyDiscussionId: sd.id, startDate: sd.discussionDate, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 's47_enquiry', subjectId: id, detail: { startDate: sd.discussionDate, strategyDiscussion: sd.id } };
    });
  }

  function openS47(c: CaseFile, s47Id: string) {
    const s = c.s47s.find((x) => x.id === s47Id);
    if (!s) throw new NotFound('section 47 enquiry');
    if (s.endDate) throw refusal(c, `The outcome of this section 47 enquiry was recorded: it was completed on ${formatLongDate(s.endDate as PlainDate)}.`);
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
      if (!(await repo.recordS47Outcome(tx, s.id, cmd.version, { endDate: cmd.endDate, outcome: cmd.outcome, icpcRequired: cmd.icpcRequired }))) throw stale('section 47 enquiry', `/children/${personId}/s47/${s.id}/outcome`);
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
    const later = c.strategyDiscussions.filter((d) => d.cinEpisodeId === s.cinEpisodeId && compareDates(d.discussionDate as PlainDate, s.startDate as PlainDate) >= 0).map((d) => d.discussionDate as PlainDate);
    const from = [(initiating?.discussionDate ?? s.startDate) as PlainDate, ...later].sort(compareDates).at(-1)!;
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
      const icpcId = await repo.insertInitialConference(tx, {
        personId,
        cinEpisodeId: c.open!.id,
        s47EnquiryId: s47Id,
        transferIn: cmd.link === 'transfer-in',
        targetDate: s47Id ? conferenceTarget(c, s47Id) : null,
        conferenceDate: cmd.date,
        planRequired: cmd.planRequired,
        createdBy: principal.userId,
        createdAt: clock.now(),
      });
      const wrote: Wrote[] = [{ subjectType: 'initial_cp_conference', subjectId: icpcId, detail: { date: cmd.date, s47: s47Id, transferIn: cmd.link === 'transfer-in', planRequired: cmd.planRequired } }];
      if (cmd.planRequired) {
        const openCin = c.cinPlans.find((p) => p.endDate === null);
        if (openCin) {
          await repo.endCinPlanForProtection(tx, openCin.id, cmd.date);
          wrote.push({ subjectType: 'cin_plan', subjectId: openCin.id, action: 'update', detail: { endDate: cmd.date, endedBy: 'child protection plan' } });
        }
        const planId = await repo.insertCpPlan(tx, { personId, cinEpisodeId: c.open!.id, icpcId, startDate: cmd.date, initialCategory: cmd.initialCategory!, latestCategory: cmd.initialCategory!, createdBy: principal.userId, createdAt: clock.now() });
        wrote.push({ subjectType: 'cp_plan', subjectId: planId, detail: { startDate: cmd.date, initialCategory: cmd.initialCategory } });
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
      const previous = c.cpReviews.filter((r) => r.cpPlanId === plan.id).map((r) => r.reviewDate as PlainDate).sort(compareDates).at(-1);
      const dueDate = previous ? addMonths(previous, 6) : addMonths(plan.startDate as PlainDate, 3);
      const reviewId = await repo.insertCpReview(tx, { personId, cpPlanId: plan.id, dueDate, reviewDate: cmd.date, continuePlan: cmd.continuePlan, participation: cmd.participation, createdBy: principal.userId, createdAt: clock.now() });
      if (!(await repo.updateCpPlan(tx, plan.id, cmd.version, { latestCategory: cmd.latestCategory, endDate: cmd.continuePlan ? null : cmd.date }))) throw stale('child protection plan', `/children/${personId}/conferences/review/new`);
      return [
        { subjectType: 'cp_review', subjectId: reviewId, detail: { date: cmd.date, continuePlan: cmd.continuePlan, participation: cmd.participation } },
        { subjectType: 'cp_plan', subjectId: plan.id, action: 'update' as const, detail: { latestCategory: cmd.latestCategory, endDate: cmd.continuePlan ? null : cmd.date } },
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
      const id = await repo.insertCoreGroup(tx, { personId, cpPlanId: plan.id, meetingDate: cmd.date, notes: cmd.notes, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'core_group', subjectId: id, detail: { date: cmd.date } };
    });
  }

  return {
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
  };
}
