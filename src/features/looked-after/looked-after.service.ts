/**
 * Recording the looked-after journey (Children Act 1989 s20, s31, s38, s44, s46; the Care Planning,
 * Placement and Case Review (England) Regulations 2010; the SSDA903 return): becoming looked after
 * (period of care, legal status, first placement, in one transaction), legal status and placement
 * changes, the IRO's review, missing and away episodes with the return home interview, visits,
 * health and the PEP. Built on the shared casework core (access, the journey's gate, audit,
 * obligations recomputed, once-only submissions); the repository holds the SQL. The SSDA903
 * episodes are never written: they are derived from the timelines.
 */
import type { Principal } from '../../domain/access/index.js';
import { type FieldError, NotFound } from '../../domain/errors.js';
import { type PlainDate, formatLongDate } from '../../domain/time/index.js';
import type { Clock } from '../../domain/time/index.js';
import type { Database, Tx } from '../../db/database.js';
import { urls } from '../../web/urls.js';
import type { CaseFile, MissingRow } from '../casework/case-file.js';
import { type CaseCore, type Wrote, refusal } from '../casework/case-core.js';
import type { Submission } from '../submissions/once-only.js';
import { checkInPeriod, checkLegalStatus, checkPlacement, checkStart, currentLegalStatus, currentPlacement } from './looked-after.checks.js';
import * as repo from './looked-after.repo.js';
import type { CarePlanCommand, ClaVisitCommand, PlacementPlanCommand, HealthCommand, LegalStatusCommand, MissingCommand, PepCommand, PlacementCommand, PlacementFields, ReturnCommand, ReturnInterviewCommand, ReviewCommand, StartCommand } from './looked-after.schema.js';

export type LookedAfterService = ReturnType<typeof createLookedAfterService>;

/** Where a looked-after recording returns to: the looked-after part of the child's page. */
const backToRecord = (personId: string) => urls.child(personId, {}, 'looked-after');

export function createLookedAfterService(core: CaseCore, { db, clock }: { db: Database; clock: Clock }) {
  const { today, formFor, write, failIf, stale } = core;

  /** The providers and foster carers a placement is chosen from (read after the form's transaction). */
  const options = () => db.transaction((tx) => repo.placementOptions(tx));

  /** The placement's columns from the form: the provider or carer chosen, and the PLACE_PROVIDER it implies (PR0 with parents). */
  async function placementValues(tx: Tx, f: PlacementFields) {
    const option = f.placedWith.kind === 'none' ? null : await repo.placementOption(tx, f.placedWith.kind, f.placedWith.id);
    if (f.placedWith.kind !== 'none' && !option) failIf([{ field: 'placedWith', message: 'Select the provider or foster carer from the list' }]);
    return {
      placementType: f.placementType,
      provider: f.placementType === 'P1' ? 'PR0' : (option?.ownership ?? null),
      providerId: option?.kind === 'provider' ? option.id : null,
      fosterCarerId: option?.kind === 'carer' ? option.id : null,
      postcode: f.postcode ?? option?.postcode ?? null,
      urn: option?.urn ?? null,
      matchingRationale: f.matchingRationale,
    };
  }

  const openPeriod = (c: CaseFile) => {
    if (!c.period) throw refusal(c, 'The child is not looked after.');
    return c.period;
  };

  // -------------------------------------------------------------------------------------------
  // Becoming looked after, legal status, placement

  async function startForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'become-looked-after', 'become-looked-after');
    return { ...ctx, options: await options() };
  }

  async function becomeLookedAfter(principal: Principal, personId: string, cmd: StartCommand, submission: Submission) {
    return write(principal, personId, submission, 'become-looked-after', async (tx, c): Promise<Wrote[]> => {
      failIf(checkStart(c, cmd));
      const placed = await placementValues(tx, cmd);
      const by = { createdBy: principal.userId, createdAt: clock.now() };
      const periodId = await repo.insertPeriod(tx, { personId, startDate: cmd.startDate, categoryOfNeed: cmd.categoryOfNeed, uasc: cmd.uasc, ...by });
      const legalId = await repo.insertLegalStatus(tx, { personId, periodOfCareId: periodId, code: cmd.legalStatus, startDate: cmd.startDate, ...by });
      const placementId = await repo.insertPlacement(tx, { personId, periodOfCareId: periodId, startDate: cmd.startDate, ...placed, ...by });
      return [
        { subjectType: 'period_of_care', subjectId: periodId, detail: { startDate: cmd.startDate, categoryOfNeed: cmd.categoryOfNeed, uasc: cmd.uasc }, path: backToRecord(personId) },
        { subjectType: 'legal_status', subjectId: legalId, detail: { code: cmd.legalStatus, startDate: cmd.startDate } },
        { subjectType: 'placement', subjectId: placementId, detail: { placementType: cmd.placementType, provider: placed.provider, startDate: cmd.startDate } },
      ];
    });
  }

  async function legalStatusForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'change-legal-status', 'change-legal-status');
    const period = openPeriod(ctx.c);
    return { ...ctx, period, current: currentLegalStatus(ctx.c, period) };
  }

  async function changeLegalStatus(principal: Principal, personId: string, cmd: LegalStatusCommand, submission: Submission) {
    return write(principal, personId, submission, 'change-legal-status', async (tx, c): Promise<Wrote[]> => {
      const period = openPeriod(c);
      const current = currentLegalStatus(c, period);
      failIf(checkLegalStatus(period, current, cmd));
      if (!(await repo.touchPeriod(tx, period.id, cmd.version))) throw stale('period of care', urls.lookedAfter.legalStatus(personId));
      const wrote: Wrote[] = [];
      if (current) {
        await repo.endLegalStatus(tx, current.id, cmd.date);
        wrote.push({ subjectType: 'legal_status', subjectId: current.id, action: 'update', detail: { endDate: cmd.date } });
      }
      const id = await repo.insertLegalStatus(tx, { personId, periodOfCareId: period.id, code: cmd.legalStatus, startDate: cmd.date, createdBy: principal.userId, createdAt: clock.now() });
      return [...wrote, { subjectType: 'legal_status', subjectId: id, detail: { code: cmd.legalStatus, startDate: cmd.date }, path: backToRecord(personId) }];
    });
  }

  async function placementForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'change-placement', 'change-placement');
    const period = openPeriod(ctx.c);
    return { ...ctx, period, current: currentPlacement(ctx.c, period), options: await options() };
  }

  async function changePlacement(principal: Principal, personId: string, cmd: PlacementCommand, submission: Submission) {
    return write(principal, personId, submission, 'change-placement', async (tx, c): Promise<Wrote[]> => {
      const period = openPeriod(c);
      const current = currentPlacement(c, period);
      failIf(checkPlacement(period, current, cmd));
      const placed = await placementValues(tx, cmd);
      if (!(await repo.touchPeriod(tx, period.id, cmd.version))) throw stale('period of care', urls.lookedAfter.placement(personId));
      const wrote: Wrote[] = [];
      if (current) {
        await repo.endPlacement(tx, current.id, cmd.date, cmd.reason);
        wrote.push({ subjectType: 'placement', subjectId: current.id, action: 'update', detail: { endDate: cmd.date, changeReason: cmd.reason } });
      }
      const id = await repo.insertPlacement(tx, { personId, periodOfCareId: period.id, startDate: cmd.date, ...placed, createdBy: principal.userId, createdAt: clock.now() });
      return [...wrote, { subjectType: 'placement', subjectId: id, detail: { placementType: cmd.placementType, provider: placed.provider, startDate: cmd.date }, path: backToRecord(personId) }];
    });
  }

  // -------------------------------------------------------------------------------------------
  // The IRO's review: the IRO may record it, as may those who record on the child

  async function reviewForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'record-cla-review', 'record-cla-review', 'cla-review');
    return { ...ctx, period: openPeriod(ctx.c) };
  }

  async function recordReview(principal: Principal, personId: string, cmd: ReviewCommand, submission: Submission) {
    return write(
      principal,
      personId,
      submission,
      'record-cla-review',
      async (tx, c) => {
        const period = openPeriod(c);
        failIf(checkInPeriod('date-day', 'Date of the review', cmd.date, period));
        const id = await repo.insertReview(tx, {
          personId,
          periodOfCareId: period.id,
          reviewDate: cmd.date,
          participation: cmd.participation,
          iroId: principal.roles.includes('iro') ? principal.userId : null,
          decisions: cmd.decisions,
          letterToChild: cmd.letter,
          createdBy: principal.userId,
          createdAt: clock.now(),
        });
        return { subjectType: 'cla_review', subjectId: id, detail: { date: cmd.date, participation: cmd.participation }, path: backToRecord(personId) };
      },
      'cla-review',
    );
  }

  // -------------------------------------------------------------------------------------------
  // Missing and away: one place for every child

  async function missingForm(principal: Principal, personId: string) {
    return formFor(principal, personId, 'record-missing', 'record-missing');
  }

  async function recordMissing(principal: Principal, personId: string, cmd: MissingCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-missing', async (tx, c) => {
      if (c.person.dateOfBirth && cmd.start.date < c.person.dateOfBirth) failIf([{ field: 'start-day', message: `Date the child went missing or away must be on or after their date of birth, ${formatLongDate(c.person.dateOfBirth as PlainDate)}` }]);
      const id = await repo.insertMissing(tx, { personId, missingType: cmd.missingType, startDate: cmd.start.date, startedAt: cmd.start.at, reportedToPolice: cmd.reportedToPolice, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'missing_episode', subjectId: id, detail: { missingType: cmd.missingType, startedAt: cmd.start.at.toISOString(), reportedToPolice: cmd.reportedToPolice }, path: backToRecord(personId) };
    });
  }

  function missingEpisode(c: CaseFile, episodeId: string): MissingRow {
    const m = c.missingEpisodes.find((x) => x.id === episodeId);
    if (!m) throw new NotFound('missing episode');
    return m;
  }

  /** An episode with something left to record on its page: the return, or the strategy meeting. */
  function episodeToUpdate(c: CaseFile, episodeId: string): MissingRow {
    const m = missingEpisode(c, episodeId);
    if (m.endDate && m.strategyMeetingDate) throw refusal(c, `The child returned on ${formatLongDate(m.endDate)}, and the strategy meeting was held on ${formatLongDate(m.strategyMeetingDate)}.`);
    return m;
  }

  // Gate null: the page serves an episode the child has returned from too (its strategy meeting).
  async function returnForm(principal: Principal, personId: string, episodeId: string) {
    const ctx = await formFor(principal, personId, null, 'record-missing-return');
    return { ...ctx, episode: episodeToUpdate(ctx.c, episodeId) };
  }

  async function recordReturn(principal: Principal, personId: string, episodeId: string, cmd: ReturnCommand, submission: Submission) {
    return write(principal, personId, submission, null, async (tx, c): Promise<Wrote> => {
      const m = episodeToUpdate(c, episodeId);
      const errors: FieldError[] = [];
      if (m.endDate && cmd.returned) errors.push({ field: 'returned-day', message: `The child’s return is already recorded: ${formatLongDate(m.endDate)}` });
      if (m.strategyMeetingDate && cmd.strategyMeetingOn) errors.push({ field: 'strategyMeeting-day', message: `The strategy meeting is already recorded: ${formatLongDate(m.strategyMeetingDate)}` });
      if (!cmd.returned && !cmd.strategyMeetingOn) errors.push(m.endDate ? { field: 'strategyMeeting-day', message: 'Enter the date of the strategy meeting' } : { field: 'returned-day', message: 'Enter the date the child returned, or the strategy meeting' });
      const started = m.startedAt ?? null;
      if (cmd.returned && ((started && cmd.returned.at.getTime() < started.getTime()) || cmd.returned.date < m.startDate)) errors.push({ field: 'returned-day', message: `The child must have returned after they went missing or away, ${formatLongDate(m.startDate)}` });
      if (cmd.strategyMeetingOn && cmd.strategyMeetingOn < m.startDate) errors.push({ field: 'strategyMeeting-day', message: `The strategy meeting must be on or after the child went missing or away, ${formatLongDate(m.startDate)}` });
      failIf(errors);
      const set = {
        ...(cmd.returned ? { endDate: cmd.returned.date, returnedAt: cmd.returned.at } : {}),
        ...(cmd.strategyMeetingOn ? { strategyMeetingDate: cmd.strategyMeetingOn, seniorManagerNotified: cmd.seniorManagerTold } : {}),
      };
      if (!(await repo.updateMissing(tx, m.id, cmd.version, set))) throw stale('missing episode', urls.lookedAfter.missingReturn(personId, m.id));
      const detail = { returnedAt: cmd.returned?.at.toISOString() ?? null, strategyMeetingOn: cmd.strategyMeetingOn, seniorManagerTold: cmd.seniorManagerTold };
      // Once returned, on to the return home interview (unless it is already recorded).
      const next = cmd.returned && m.rhiOffered === null ? urls.lookedAfter.returnInterview(personId, m.id) : backToRecord(personId);
      return { subjectType: 'missing_episode', subjectId: m.id, action: 'update', detail, path: next };
    });
  }

  async function returnInterviewForm(principal: Principal, personId: string, episodeId: string) {
    const ctx = await formFor(principal, personId, 'record-return-interview', 'record-return-interview');
    return { ...ctx, episode: missingEpisode(ctx.c, episodeId) };
  }

  async function recordReturnInterview(principal: Principal, personId: string, episodeId: string, cmd: ReturnInterviewCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-return-interview', async (tx, c) => {
      const m = missingEpisode(c, episodeId);
      if (cmd.offeredAt && cmd.offeredAt.date < m.startDate) failIf([{ field: 'offeredAt-day', message: `The interview must be offered after the child went missing or away, ${formatLongDate(m.startDate)}` }]);
      const set = { rhiOffered: cmd.offered, rhiOfferedDate: cmd.offeredAt?.date ?? null, rhiOfferedAt: cmd.offeredAt?.at ?? null, rhiAccepted: cmd.accepted, rhiBy: cmd.by };
      if (!(await repo.recordReturnInterview(tx, m.id, cmd.version, set))) throw stale('missing episode', urls.lookedAfter.returnInterview(personId, m.id));
      return { subjectType: 'missing_episode', subjectId: m.id, action: 'update', detail: { rhiOffered: cmd.offered, rhiAccepted: cmd.accepted, rhiBy: cmd.by }, path: backToRecord(personId) };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Visits, health, education

  async function periodForm(principal: Principal, personId: string, gate: 'record-cla-visit' | 'record-health' | 'record-pep' | 'record-care-plan') {
    const ctx = await formFor(principal, personId, gate, gate);
    return { ...ctx, period: openPeriod(ctx.c) };
  }

  async function recordVisit(principal: Principal, personId: string, cmd: ClaVisitCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-cla-visit', async (tx, c) => {
      failIf(checkInPeriod('date-day', 'Date of the visit', cmd.date, openPeriod(c)));
      const id = await repo.insertVisit(tx, {
        personId,
        visitType: 'cla',
        visitDate: cmd.date,
        childSeen: cmd.seen,
        childSeenAlone: cmd.seenAlone,
        // What the child said is the write-up of a looked-after visit: recorded with it.
        writtenUpOn: today(),
        details: cmd.childSaid ? { childSaid: cmd.childSaid } : null,
        workerId: principal.userId,
        createdBy: principal.userId,
        createdAt: clock.now(),
      });
      return { subjectType: 'visit', subjectId: id, detail: { date: cmd.date, seen: cmd.seen, seenAlone: cmd.seenAlone, type: 'cla' }, path: backToRecord(personId) };
    });
  }

  async function recordHealth(principal: Principal, personId: string, cmd: HealthCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-health', async (tx) => {
      const by = { personId, createdBy: principal.userId, createdAt: clock.now() };
      if (cmd.kind === 'sdq') {
        const id = await repo.insertSdq(tx, { ...by, completedDate: cmd.date, score: cmd.sdqScore, reason: cmd.sdqReason });
        return { subjectType: 'sdq_score', subjectId: id, detail: { date: cmd.date, score: cmd.sdqScore, reason: cmd.sdqReason }, path: backToRecord(personId) };
      }
      if (cmd.kind === 'immunisations') {
        const id = await repo.insertImmunisations(tx, { ...by, statusDate: cmd.date, upToDate: cmd.upToDate === true });
        return { subjectType: 'immunisations', subjectId: id, detail: { date: cmd.date, upToDate: cmd.upToDate }, path: backToRecord(personId) };
      }
      const id = await repo.insertHealthCheck(tx, { ...by, checkType: cmd.kind, checkDate: cmd.date, status: 'completed' });
      return { subjectType: 'health_check', subjectId: id, detail: { date: cmd.date, checkType: cmd.kind }, path: backToRecord(personId) };
    });
  }

  async function recordPep(principal: Principal, personId: string, cmd: PepCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-pep', async (tx, c) => {
      failIf(checkInPeriod('date-day', 'Date of the PEP meeting', cmd.date, openPeriod(c)));
      const id = await repo.insertPep(tx, { personId, pepDate: cmd.date, school: cmd.school, targets: cmd.targets, createdBy: principal.userId, createdAt: clock.now() });
      return { subjectType: 'pep', subjectId: id, detail: { date: cmd.date }, path: backToRecord(personId) };
    });
  }

  /** A new care plan (its permanence plans) supersedes the period's current one from its date. */
  async function recordCarePlan(principal: Principal, personId: string, cmd: CarePlanCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-care-plan', async (tx, c): Promise<Wrote[]> => {
      const period = openPeriod(c);
      failIf(checkInPeriod('date-day', 'Date the care plan was agreed', cmd.date, period));
      const ended = await repo.endCarePlans(tx, period.id, cmd.date);
      const id = await repo.insertCarePlan(tx, { personId, periodOfCareId: period.id, startDate: cmd.date, permanencePlans: cmd.permanencePlans, createdBy: principal.userId, createdAt: clock.now() });
      return [
        ...ended.map((e): Wrote => ({ subjectType: 'care_plan', subjectId: e, action: 'update', detail: { endDate: cmd.date } })),
        { subjectType: 'care_plan', subjectId: id, detail: { date: cmd.date, permanencePlans: cmd.permanencePlans }, path: backToRecord(personId) },
      ];
    });
  }

  /** The placement plan of the current placement (reg 9: agreed with the carer before the placement, or within 5 working days of its start). */
  async function placementPlanForm(principal: Principal, personId: string) {
    const ctx = await formFor(principal, personId, 'record-placement-plan', 'record-placement-plan');
    const period = openPeriod(ctx.c);
    const placement = currentPlacement(ctx.c, period);
    if (!placement) throw refusal(ctx.c, 'The child has no current placement.');
    return { ...ctx, period, placement };
  }

  async function recordPlacementPlan(principal: Principal, personId: string, cmd: PlacementPlanCommand, submission: Submission) {
    return write(principal, personId, submission, 'record-placement-plan', async (tx, c) => {
      const placement = currentPlacement(c, openPeriod(c));
      if (!placement) throw refusal(c, 'The child has no current placement.');
      if (!(await repo.agreePlacementPlan(tx, placement.id, cmd.version, cmd.date))) throw stale('placement', urls.lookedAfter.placementPlan(personId));
      return { subjectType: 'placement', subjectId: placement.id, action: 'update', detail: { placementPlanDate: cmd.date }, path: backToRecord(personId) };
    });
  }

  return {
    placementPlanForm,
    recordPlacementPlan,
    recordCarePlan,
    startForm,
    becomeLookedAfter,
    legalStatusForm,
    changeLegalStatus,
    placementForm,
    changePlacement,
    reviewForm,
    recordReview,
    missingForm,
    recordMissing,
    returnForm,
    recordReturn,
    returnInterviewForm,
    recordReturnInterview,
    periodForm,
    recordClaVisit: recordVisit,
    recordHealth,
    recordPep,
  };
}
