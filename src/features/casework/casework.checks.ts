/**
 * Dates checked against the child's journey: pure functions of the case file and the command, run
 * inside the write's transaction (so they see what a colleague saved a moment ago). Each returns
 * the field errors to show on the form; none means the record is coherent. The CIN census rule a
 * check keeps is named beside it.
 */
import type { FieldError } from '../../domain/errors.js';
import { type PlainDate, compareDates, formatLongDate, isWeekend, maxDate } from '../../domain/time/index.js';
import { type CaseFile, type CinPlanRow, type CpPlanRow, type EpisodeRow, type S47Row, inEpisode } from './case-file.js';
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
  StartAssessment,
  VisitCommand,
} from './casework.schema.js';

const long = (d: string) => formatLongDate(d as PlainDate);
const before = (a: string, b: string) => compareDates(a as PlainDate, b as PlainDate) < 0;
const after = (a: string, b: string) => compareDates(a as PlainDate, b as PlainDate) > 0;
const latest = (dates: (string | null)[]): string | null => {
  const ds = dates.filter((d): d is string => d !== null) as PlainDate[];
  return ds.length ? maxDate(ds[0]!, ...ds.slice(1)) : null;
};

/** Work in an episode starts on or after its referral (CIN census 1103, 1104, 1105, 2889). */
function notBeforeReferral(field: string, what: string, date: PlainDate, episode: EpisodeRow): FieldError[] {
  return before(date, episode.referralDate) ? [{ field, message: `${what} must be on or after the referral on ${long(episode.referralDate)}` }] : [];
}

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

export function checkStrategyDiscussion(c: CaseFile, cmd: RecordStrategyDiscussion): FieldError[] {
  return notBeforeReferral('date-day', 'The date of the strategy discussion', cmd.date, c.open!);
}

export function checkS47Outcome(s47: S47Row, endDate: PlainDate): FieldError[] {
  return before(endDate, s47.startDate) ? [{ field: 'endDate-day', message: `The date the enquiry was completed must be on or after it started, at the strategy discussion on ${long(s47.startDate)}` }] : [];
}

/** Section 47 enquiries in the open episode that decided a conference is needed and have none yet. */
export function enquiriesNeedingConference(c: CaseFile): S47Row[] {
  return inEpisode(c, c.s47s).filter((s) => s.icpcRequired === true && !c.icpcs.some((i) => i.s47EnquiryId === s.id));
}

export function checkInitialConference(c: CaseFile, cmd: InitialConferenceCommand): FieldError[] {
  const field = 'date-day';
  const errors: FieldError[] = [];
  if (cmd.link !== 'transfer-in') {
    const { s47Id } = cmd.link;
    const s47 = enquiriesNeedingConference(c).find((s) => s.id === s47Id);
    if (!s47) return [{ field: 'link', message: 'Select the section 47 enquiry the conference follows, or that it is a transfer-in' }];
    const strategy = c.strategyDiscussions.find((d) => d.id === s47.strategyDiscussionId);
    // 8615: the section 47 cannot start after the conference; the conference follows the enquiry's outcome.
    if (before(cmd.date, s47.startDate)) errors.push({ field, message: `The date of the conference must be on or after the strategy discussion on ${long(strategy?.discussionDate ?? s47.startDate)}` });
    else if (s47.endDate && before(cmd.date, s47.endDate)) errors.push({ field, message: `The date of the conference must be on or after the section 47 enquiry was completed, on ${long(s47.endDate)}` });
  } else {
    errors.push(...notBeforeReferral(field, 'The date of the conference', cmd.date, c.open!));
  }
  // 8875: an initial conference is never held at a weekend.
  if (!errors.length && isWeekend(cmd.date)) errors.push({ field, message: 'The date of the conference must be a weekday' });
  if (!errors.length && cmd.planRequired) errors.push(...planStartErrors(c, cmd.date, field));
  return errors;
}

/**
 * A child protection plan starting on `date`: it cannot overlap another CP plan (8935, 8940) nor a
 * child in need plan (4001). An open CIN plan that started by then ends that day (the step up).
 */
function planStartErrors(c: CaseFile, date: PlainDate, field: string): FieldError[] {
  const cpEnd = latest(c.cpPlans.map((p) => p.endDate));
  if (cpEnd && before(date, cpEnd)) return [{ field, message: `The child was on a child protection plan until ${long(cpEnd)}: a new plan cannot start before then` }];
  const open = c.cinPlans.find((p) => p.endDate === null);
  if (open && after(open.startDate, date)) return [{ field, message: `The child in need plan started on ${long(open.startDate)}: a child protection plan cannot start before it (the two cannot overlap)` }];
  const cinEnd = latest(c.cinPlans.filter((p) => p.endDate !== null).map((p) => p.endDate));
  if (cinEnd && before(date, cinEnd)) return [{ field, message: `The child was on a child in need plan until ${long(cinEnd)}: a child protection plan cannot start before then (the two cannot overlap)` }];
  return [];
}

export function checkReviewConference(c: CaseFile, plan: CpPlanRow, cmd: ReviewConferenceCommand): FieldError[] {
  const field = 'date-day';
  // 8841: a review is after the plan started; 8840: a plan cannot end on the day it started.
  if (!after(cmd.date, plan.startDate)) return [{ field, message: `The date of the review conference must be after the plan started on ${long(plan.startDate)}` }];
  const last = latest(c.cpReviews.filter((r) => r.cpPlanId === plan.id).map((r) => r.reviewDate));
  if (last && !after(cmd.date, last)) return [{ field, message: `The date of the review conference must be after the last review conference, on ${long(last)}` }];
  return [];
}

export function checkCoreGroup(plan: CpPlanRow, cmd: CoreGroupCommand): FieldError[] {
  return before(cmd.date, plan.startDate) ? [{ field: 'date-day', message: `The date of the core group must be on or after the plan started, at the initial conference on ${long(plan.startDate)}` }] : [];
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
