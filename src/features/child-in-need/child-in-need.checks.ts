/**
 * The child in need area's dates checked against the child's journey: pure functions of the case file and the command, run
 * inside the write's transaction (so they see what a colleague saved a moment ago). Each returns
 * the field errors to show on the form; none means the record is coherent. The CIN census rule a
 * check keeps is named beside it.
 */
import type { FieldError } from '../../domain/errors.js';
import { type CaseFile, type CinPlanRow, inEpisode } from '../casework/case-file.js';
import { after, before, latest, long, notBeforeReferral } from '../casework/date-checks.js';
import type { AuthoriseAssessment, CinPlanEndCommand, CinPlanReviewCommand, CinPlanStartCommand, CloseEpisodeCommand, StartAssessment, VisitCommand } from './child-in-need.schema.js';


export function checkStartAssessment(c: CaseFile, cmd: StartAssessment): FieldError[] {
  const field = 'startDate-day';
  const errors = notBeforeReferral(field, 'The date the assessment started', cmd.startDate, c.open!);
  // One assessment at a time (8890): a new one starts once the last was authorised.
  const lastAuthorised = latest(inEpisode(c, c.assessments).map((a) => a.authorisedDate));
  if (!errors.length && lastAuthorised && before(cmd.startDate, lastAuthorised)) {
    errors.push({ field, message: `The date the assessment started must be on or after the last assessment was authorised, on ${long(lastAuthorised)}` });
  }
  return errors;
}

export function checkAuthoriseAssessment(startDate: string, cmd: AuthoriseAssessment): FieldError[] {
  return before(cmd.authorisedDate, startDate) ? [{ field: 'authorisedDate-day', message: `The date the assessment was authorised must be on or after it started, on ${long(startDate)}` }] : [];
}

export function checkVisit(c: CaseFile, cmd: VisitCommand): FieldError[] {
  return notBeforeReferral('date-day', 'The date of the visit', cmd.date, c.open!);
}

export function checkCinPlanStart(c: CaseFile, cmd: CinPlanStartCommand): FieldError[] {
  const field = 'startDate-day';
  const errors = notBeforeReferral(field, 'The date the plan started', cmd.startDate, c.open!);
  if (errors.length) return errors;
  // 4001: not alongside a child protection plan; 4014: not overlapping another CIN plan.
  const cpEnd = latest(c.cpPlans.map((p) => p.endDate));
  if (cpEnd && before(cmd.startDate, cpEnd)) return [{ field, message: `The child was on a child protection plan until ${long(cpEnd)}: a child in need plan cannot start before then` }];
  const cinEnd = latest(c.cinPlans.map((p) => p.endDate));
  if (cinEnd && before(cmd.startDate, cinEnd)) return [{ field, message: `The last child in need plan ended on ${long(cinEnd)}: a new one cannot start before then` }];
  return [];
}

export function checkCinPlanEnd(c: CaseFile, plan: CinPlanRow, cmd: CinPlanEndCommand): FieldError[] {
  const field = 'endDate-day';
  if (before(cmd.endDate, plan.startDate)) return [{ field, message: `The date the plan ended must be on or after it started, on ${long(plan.startDate)}` }];
  const lastReview = latest(c.cinPlanReviews.filter((r) => r.cinPlanId === plan.id).map((r) => r.reviewDate));
  if (lastReview && before(cmd.endDate, lastReview)) return [{ field, message: `The date the plan ended must be on or after its last review, on ${long(lastReview)}` }];
  return [];
}

export function checkCinPlanReview(plan: CinPlanRow, cmd: CinPlanReviewCommand): FieldError[] {
  return before(cmd.date, plan.startDate) ? [{ field: 'date-day', message: `The date of the review must be on or after the plan started, on ${long(plan.startDate)}` }] : [];
}

/** The last dated piece of work in the open episode, and what it was. */
export function lastWorkInEpisode(c: CaseFile): { date: string; what: string } | null {
  const open = c.open!;
  const planIds = new Set(inEpisode(c, c.cpPlans).map((p) => p.id));
  const cinIds = new Set(inEpisode(c, c.cinPlans).map((p) => p.id));
  const dated: { date: string | null; what: string }[] = [
    { date: open.referralDecidedOn, what: 'the response to the referral' },
    ...inEpisode(c, c.assessments).flatMap((a) => [
      { date: a.startDate, what: 'the start of an assessment' },
      { date: a.authorisedDate, what: 'the authorisation of an assessment' },
    ]),
    ...inEpisode(c, c.strategyDiscussions).map((d) => ({ date: d.discussionDate, what: 'a strategy discussion' })),
    ...inEpisode(c, c.s47s).map((s) => ({ date: s.endDate, what: 'the completion of a section 47 enquiry' })),
    ...inEpisode(c, c.icpcs).map((i) => ({ date: i.conferenceDate, what: 'an initial child protection conference' })),
    ...inEpisode(c, c.cpPlans).map((p) => ({ date: p.endDate, what: 'the end of the child protection plan' })),
    ...c.cpReviews.filter((r) => planIds.has(r.cpPlanId)).map((r) => ({ date: r.reviewDate, what: 'a review conference' })),
    ...c.coreGroups.filter((g) => planIds.has(g.cpPlanId)).map((g) => ({ date: g.meetingDate, what: 'a core group' })),
    ...inEpisode(c, c.cinPlans).flatMap((p) => [
      { date: p.startDate, what: 'the start of a child in need plan' },
      { date: p.endDate, what: 'the end of a child in need plan' },
    ]),
    ...c.cinPlanReviews.filter((r) => cinIds.has(r.cinPlanId)).map((r) => ({ date: r.reviewDate, what: 'a child in need plan review' })),
  ];
  let best: { date: string; what: string } | null = null;
  for (const d of dated) if (d.date && (!best || after(d.date, best.date))) best = { date: d.date, what: d.what };
  return best;
}

/** RC8 and RC9 mean "closed after assessment": no section 47, conference or plan in the episode (CIN census 2990). */
export const CLOSED_AFTER_ASSESSMENT = ['RC8', 'RC9'];

export function checkCloseEpisode(c: CaseFile, cmd: CloseEpisodeCommand): FieldError[] {
  const errors: FieldError[] = [];
  const open = c.open!;
  const field = 'date-day';
  if (before(cmd.date, open.referralDate)) errors.push({ field, message: `The date the episode closed must be on or after the referral on ${long(open.referralDate)}` });
  else {
    const last = lastWorkInEpisode(c);
    if (last && before(cmd.date, last.date)) errors.push({ field, message: `The date the episode closed must be on or after the last work recorded in it: ${last.what} on ${long(last.date)}` });
  }
  if (CLOSED_AFTER_ASSESSMENT.includes(cmd.reason)) {
    const activity = inEpisode(c, c.s47s).length || inEpisode(c, c.icpcs).length || inEpisode(c, c.cpPlans).length || inEpisode(c, c.cinPlans).length;
    if (activity) errors.push({ field: 'reason', message: 'The episode had a section 47 enquiry, a conference or a plan, so it was not closed straight after the assessment: choose another reason, such as RC7' });
  }
  // Keep the page's order: the date comes first on the form.
  return errors;
}
