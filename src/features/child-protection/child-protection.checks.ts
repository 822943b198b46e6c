/**
 * The child protection area's dates checked against the child's journey: pure functions of the case file and the command, run
 * inside the write's transaction (so they see what a colleague saved a moment ago). Each returns
 * the field errors to show on the form; none means the record is coherent. The CIN census rule a
 * check keeps is named beside it.
 */
import type { FieldError } from '../../domain/errors.js';
import { type PlainDate, isWeekend } from '../../domain/time/index.js';
import { type CaseFile, type CpPlanRow, type S47Row, inEpisode } from '../casework/case-file.js';
import { after, before, latest, long, notBeforeReferral } from '../casework/date-checks.js';
import type { CoreGroupCommand, InitialConferenceCommand, RecordStrategyDiscussion, ReviewConferenceCommand } from './child-protection.schema.js';

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
