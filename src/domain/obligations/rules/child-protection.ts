import { type PlainDate, addMonths, addWorkingDays, compareDates, formatLongDate } from '../../time/index.js';
import type { ObligationRecord } from '../child-record.js';
import type { DueItem } from '../due-item.js';
import type { LocalNorms } from '../local-norms.js';
import { dateItem } from './item.js';
import { recurringDuty } from './recurring.js';

export const RULE_STRATEGY_DISCUSSION = 'strategy-discussion';
export const RULE_ICPC = 'initial-conference';
export const RULE_FIRST_CORE_GROUP = 'first-core-group';
export const RULE_CORE_GROUP = 'core-group';
export const RULE_REVIEW_CONFERENCE = 'review-conference';

const WT2023 = 'Working Together to Safeguard Children 2023';
export const SOURCE_STRATEGY_DISCUSSION = `Local standard (configurable); ${WT2023} asks for a strategy discussion whenever there is reasonable cause to suspect significant harm`;
export const SOURCE_ICPC = `${WT2023}: initial child protection conference within 15 working days of the strategy discussion`;
export const SOURCE_FIRST_CORE_GROUP = `${WT2023} (flowchart): first core group within 10 working days of the initial conference`;
export const SOURCE_CORE_GROUP = 'Local standard (configurable): core groups at least monthly';
export const SOURCE_REVIEW_CONFERENCE = `${WT2023}: first review conference within 3 months of the initial conference, then at intervals of no more than 6 months`;

/**
 * A strategy discussion within the local standard (1 working day by default) of the decision to
 * hold one: the referral response, or an assessment that concluded one was needed.
 *
 * Which discussion meets which decision: the referral's decision is met by the first discussion
 * in the episode on or after the referral. An assessment's outcome "strategy discussion" usually
 * records one already held (concerns escalate during the assessment; the manager authorises the
 * outcome later), so it is met by the last discussion in the episode on or before the
 * authorisation, which may be the one that met the referral's decision; only when none was held
 * is it met by the first one after.
 */
export function strategyDiscussionDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  const triggers: { episodeId: string; decidedOn: PlainDate; held: PlainDate | null; why: string }[] = [];
  const discussionsIn = (episodeId: string) => r.strategyDiscussions.filter((s) => s.episodeId === episodeId).map((s) => s.date).sort(compareDates);
  for (const e of r.episodes) {
    if (e.referralDecision === 'strategy_discussion' && e.referralDecidedOn) {
      const held = discussionsIn(e.id).find((d) => compareDates(d, e.referralDate) >= 0) ?? null;
      triggers.push({ episodeId: e.id, decidedOn: e.referralDecidedOn, held, why: 'the referral decision' });
    }
  }
  for (const a of r.assessments) {
    if (a.outcome === 'strategy_discussion' && a.authorisedDate) {
      const dates = discussionsIn(a.episodeId);
      const authorised = a.authorisedDate;
      const held = dates.filter((d) => compareDates(d, authorised) <= 0).at(-1) ?? dates.find((d) => compareDates(d, authorised) > 0) ?? null;
      triggers.push({ episodeId: a.episodeId, decidedOn: authorised, held, why: 'the assessment’s outcome' });
    }
  }
  return triggers.map((t) => {
    const episode = r.episodes.find((e) => e.id === t.episodeId);
    return dateItem({
      rule: RULE_STRATEGY_DISCUSSION,
      personId: r.personId,
      subjectType: 'cin_episode',
      subjectId: t.episodeId,
      dueOn: addWorkingDays(t.decidedOn, norms.strategyDiscussionWorkingDays),
      metOn: t.held,
      lapsedOn: !t.held && episode?.closureDate ? episode.closureDate : null,
      basis: `${norms.strategyDiscussionWorkingDays} working day${norms.strategyDiscussionWorkingDays === 1 ? '' : 's'} from ${t.why} on ${formatLongDate(t.decidedOn)}`,
      source: SOURCE_STRATEGY_DISCUSSION,
    });
  });
}

/**
 * The initial child protection conference within 15 working days of the strategy discussion that
 * started the section 47 enquiry (the last one, if several were held before the conference or the
 * enquiry's end: a discussion months later does not move a conference already held). Working days
 * never fall on a weekend (CIN census 8870Q/8875). The clock runs while the enquiry is open, before
 * its outcome says whether a conference is needed, so a late conference shows on the worktray in
 * time; an enquiry that concluded none was needed has no item. A transfer-in conference has no
 * section 47 and no such clock here.
 */
export function initialConferenceDue(r: ObligationRecord): DueItem[] {
  return r.s47Enquiries
    .filter((s) => s.icpcRequired === true || (s.icpcRequired === null && s.endDate === null))
    .map((s) => {
      const icpc = r.icpcs.filter((c) => c.s47EnquiryId === s.id || (c.episodeId === s.episodeId && compareDates(c.date, s.startDate) >= 0)).map((c) => c.date).sort(compareDates)[0] ?? null;
      const until = [icpc, s.endDate].filter((d): d is PlainDate => d !== null).sort(compareDates)[0] ?? null;
      const strategies = r.strategyDiscussions.filter((d) => d.episodeId === s.episodeId && compareDates(d.date, s.startDate) >= 0 && (!until || compareDates(d.date, until) <= 0));
      const initiating = r.strategyDiscussions.find((d) => d.id === s.strategyDiscussionId);
      const from = [initiating?.date ?? s.startDate, ...strategies.map((d) => d.date)].sort(compareDates).at(-1)!;
      const episode = r.episodes.find((e) => e.id === s.episodeId);
      return dateItem({
        rule: RULE_ICPC,
        personId: r.personId,
        subjectType: 's47_enquiry',
        subjectId: s.id,
        dueOn: addWorkingDays(from, 15),
        metOn: icpc,
        lapsedOn: !icpc && episode?.closureDate ? episode.closureDate : null,
        basis: `15 working days from the strategy discussion on ${formatLongDate(from)}`,
        source: SOURCE_ICPC,
      });
    });
}

/** The first core group within 10 working days of the initial conference, then at the local interval (monthly by default). */
export function coreGroupsDue(r: ObligationRecord, norms: LocalNorms): DueItem[] {
  return r.cpPlans.flatMap((plan) => {
    const events = r.coreGroups.filter((g) => g.planId === plan.id).map((g) => g.date);
    const occurrences = recurringDuty({
      start: plan.startDate,
      end: plan.endDate,
      events,
      first: (start) => addWorkingDays(start, 10),
      next: (last) => addMonths(last, norms.coreGroupIntervalMonths),
    });
    return occurrences.map((o) =>
      dateItem({
        rule: o.anchorIsStart ? RULE_FIRST_CORE_GROUP : RULE_CORE_GROUP,
        personId: r.personId,
        subjectType: 'cp_plan',
        subjectId: plan.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: o.anchorIsStart ? `10 working days from the initial conference on ${formatLongDate(o.anchor)}` : `${norms.coreGroupIntervalMonths} month${norms.coreGroupIntervalMonths === 1 ? '' : 's'} from the last core group on ${formatLongDate(o.anchor)}`,
        source: o.anchorIsStart ? SOURCE_FIRST_CORE_GROUP : SOURCE_CORE_GROUP,
      }),
    );
  });
}

/** The first review conference within 3 months of the initial conference, then no more than 6 months apart. */
export function reviewConferencesDue(r: ObligationRecord): DueItem[] {
  return r.cpPlans.flatMap((plan) => {
    const events = r.cpReviews.filter((v) => v.planId === plan.id).map((v) => v.date);
    return recurringDuty({ start: plan.startDate, end: plan.endDate, events, first: (s) => addMonths(s, 3), next: (last) => addMonths(last, 6) }).map((o) =>
      dateItem({
        rule: RULE_REVIEW_CONFERENCE,
        personId: r.personId,
        subjectType: 'cp_plan',
        subjectId: plan.id,
        dueOn: o.dueOn,
        metOn: o.metOn,
        lapsedOn: o.lapsedOn,
        basis: o.anchorIsStart ? `3 months from the initial conference on ${formatLongDate(o.anchor)}` : `6 months from the last review conference on ${formatLongDate(o.anchor)}`,
        source: SOURCE_REVIEW_CONFERENCE,
      }),
    );
  });
}
